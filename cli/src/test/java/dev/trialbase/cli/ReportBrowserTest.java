package dev.trialbase.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Opens reports in Debian's headless Chromium, offline from a file:// URL, and checks that the
 * page logs nothing to the console (no script error) and that every plot the report promises is
 * there and drawn: an SVG with marks in it. Fails on CI when Chromium is missing.
 */
class ReportBrowserTest {

  private static final List<String> RUN_PLOTS = List.of("history", "slice-%s-C",
      "slice-%s-penalty", "slice-%s-solver", "parallel", "importance", "folds");

  @TempDir
  static Path dir;

  static Path db;

  @BeforeAll
  static void titanicRuns() {
    db = ReportFixture.titanicRuns(dir);
  }

  @Test
  void theTwoRunReportDrawsEveryPlotOfTheComparisonAndOfBothRuns() throws Exception {
    HeadlessChromium chromium = HeadlessChromium.require();
    Path html = ReportFixture.report(db, dir.resolve("r12.html"), "1", "2");
    HeadlessChromium.Page page = chromium.load(html, dir);
    assertThat(page.console()).as("console messages").isEmpty();
    List<String> expected = new ArrayList<>(List.of("compare-best-so-far", "compare-folds"));
    expected.addAll(runPlots(1));
    expected.addAll(runPlots(2));
    assertDrawn(page, expected);
    assertThat(page.dom()).contains("not significant at alpha 0.05").contains("Spec differences");
  }

  @Test
  void aRunningRunWithPrunedTrialsIsMarkedAndDrawn() throws Exception {
    HeadlessChromium chromium = HeadlessChromium.require();
    Path running = ReportFixture.runningWithPrunedTrials(db, dir);
    Path html = ReportFixture.report(running, dir.resolve("running.html"), "1");
    HeadlessChromium.Page page = chromium.load(html, dir);
    assertThat(page.console()).as("console messages").isEmpty();
    assertDrawn(page, runPlots(1));
    assertThat(page.dom()).contains("This run is still running")
        .contains("pruned (no score; drawn at the bottom)")
        .contains("failed (no score; drawn at the bottom)");
  }

  @Test
  void thePageReferencesNothingOutsideItself() throws Exception {
    String page = Files.readString(ReportFixture.report(db, dir.resolve("r1.html"), "1"));
    assertThat(Pattern.compile("<script[^>]*\\ssrc\\s*=", Pattern.CASE_INSENSITIVE).matcher(page)
        .find()).as("a script loaded from a URL").isFalse();
    String outsideScripts = Pattern.compile("<script[^>]*>.*?</script>",
        Pattern.DOTALL | Pattern.CASE_INSENSITIVE).matcher(page).replaceAll("");
    assertThat(Pattern.compile("\\s(src|href)\\s*=", Pattern.CASE_INSENSITIVE)
        .matcher(outsideScripts).find()).as("an element loading a URL").isFalse();
    assertThat(page).contains("<script>").contains("echarts");
  }

  private static List<String> runPlots(long run) {
    return RUN_PLOTS.stream()
        .map(p -> p.contains("%s") ? p.formatted(run) : p + "-" + run).toList();
  }

  /** Every expected plot exists and holds an SVG with at least a few drawn paths. */
  private static void assertDrawn(HeadlessChromium.Page page, List<String> expected) {
    Map<String, String> plots = page.plots();
    assertThat(plots.keySet()).as("plot containers").containsExactlyInAnyOrderElementsOf(expected);
    plots.forEach((name, markup) -> {
      int at = markup.indexOf("<svg");
      assertThat(at).as(name + " holds an SVG").isNotNegative();
      String svg = markup.substring(at, Math.max(at, markup.indexOf("</svg>", at)));
      Matcher size = Pattern.compile("^<svg[^>]*\\bwidth=\"(\\d+)\"[^>]*\\bheight=\"(\\d+)\"")
          .matcher(svg);
      assertThat(size.find() && Integer.parseInt(size.group(1)) > 0
          && Integer.parseInt(size.group(2)) > 0).as(name + ": an SVG with a size").isTrue();
      int marks = count(svg, "<path") + count(svg, "<circle") + count(svg, "<rect");
      assertThat(marks).as(name + ": drawn marks in its SVG").isGreaterThanOrEqualTo(8);
    });
  }

  private static int count(String text, String what) {
    int n = 0;
    for (int i = text.indexOf(what); i >= 0; i = text.indexOf(what, i + 1)) {
      n++;
    }
    return n;
  }
}
