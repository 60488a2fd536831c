package dev.trialbase.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Tables align, fit a given width by cutting text (never numbers), and flatten nesting. */
class OutputTest {

  @Test
  void fitNarrowsTheWidestTextColumnOnly() {
    int[] widths = {5, 40, 30, 8};
    boolean[] numeric = {true, false, false, true};
    Output.fit(widths, numeric, 60);
    // 5 + 2 + 40 + 2 + 30 + 2 + 8 = 89 > 60: cut 29 from text columns, widest first.
    assertThat(widths[0]).isEqualTo(5);
    assertThat(widths[3]).isEqualTo(8);
    assertThat(widths[0] + widths[1] + widths[2] + widths[3] + 6).isEqualTo(60);
  }

  @Test
  void fitStopsAtTheMinimumWidth() {
    int[] widths = {20, 20};
    boolean[] numeric = {false, false};
    Output.fit(widths, numeric, 10);
    assertThat(widths).containsExactly(12, 12);
  }

  @Test
  void tablesRightAlignNumbersAndFlattenNestedMaps() {
    Map<String, Object> a = new LinkedHashMap<>();
    a.put("number", 7L);
    a.put("params", Map.of("C", 0.5));
    Map<String, Object> b = new LinkedHashMap<>();
    b.put("number", 12L);
    b.put("params", Map.of("C", 10.0));
    StringWriter out = new StringWriter();
    Output.print(new PrintWriter(out), Output.Format.table, List.of(a, b));
    assertThat(out.toString()).isEqualTo("""
        number  params.C
             7       0.5
            12        10
        """);
  }
}
