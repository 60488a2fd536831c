package dev.trialbase.report;

import dev.trialbase.store.RunDetail;
import dev.trialbase.store.RunQueries;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * {@code trialbase report}: the HTML page over one or more stored runs. One run gets its
 * header, best trial, optimization history, slice and parallel-coordinates plots, parameter
 * importance, per-fold scores of its top trials, failures by reason and a sortable trial table;
 * several runs first get a comparison (best-so-far curves, the best trials' fold scores side by
 * side with the paired tests, spec differences), then each its own section.
 */
public final class HtmlReport {


  private HtmlReport() {
  }

  /** The file name used when no {@code --out} is given: {@code trialbase-report-1-2.html}. */
  public static String defaultFileName(List<Long> runIds) {
    return "trialbase-report-" + runIds.stream().map(String::valueOf)
        .collect(Collectors.joining("-")) + ".html";
  }

  /** The page over {@code runs} (already looked up, in the order given), read via {@code queries}. */
  public static String render(RunQueries queries, List<RunDetail> runs) throws Exception {
    List<Map<String, Object>> sections = new ArrayList<>();
    for (RunDetail run : runs) {
      sections.add(RunSection.of(queries, run));
    }
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("generatedAt", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
    data.put("sampleLimit", RunSection.SAMPLE_LIMIT);
    data.put("runs", sections);
    data.put("comparison", runs.size() > 1 ? Comparison.of(queries, runs) : null);
    String title = "Trialbase report: " + (runs.size() == 1 ? "run " : "runs ")
        + runs.stream().map(r -> String.valueOf(r.summary().id()))
            .collect(Collectors.joining(", "));
    return PageTemplate.page(title, ReportJson.MAPPER.writeValueAsString(data));
  }
}
