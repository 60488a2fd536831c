package dev.trialbase.cli;

import dev.trialbase.eval.Metric;
import dev.trialbase.store.RunDetail;
import dev.trialbase.store.RunQueries;
import dev.trialbase.store.TrialView;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code trialbase export RUN}: one row per trial shaped like scikit-learn's
 * {@code cv_results_} — {@code param_*}, {@code mean_test_*}, {@code std_test_*},
 * {@code rank_test_*} and {@code splitK_test_*} — for pandas or a spreadsheet.
 */
@Command(name = "export", description = "Export a run's trials as CSV or JSON, like cv_results_.")
final class ExportCommand extends QueryCommand {

  /** The formats export writes: a table is for reading, not exporting. */
  enum ExportFormat { csv, json }

  @Parameters(paramLabel = "RUN", description = "The run id.")
  long runId;

  @Option(names = "--format", defaultValue = "csv", paramLabel = "FORMAT",
      description = "csv or json (default: ${DEFAULT-VALUE}).")
  ExportFormat format;

  @Option(names = "--out", paramLabel = "FILE", description = "Write to FILE instead of stdout.")
  Path out;

  @Override
  public Integer call() throws IOException {
    RunQueries queries = queries();
    RunDetail run = run(runId);
    List<TrialView> trials = queries.trials(runId);
    Map<Long, Map<String, List<Double>>> folds = queries.foldMetrics(runId, null);
    Map<String, Map<Long, Integer>> ranks = new HashMap<>();
    List<Map<String, Object>> rows = new ArrayList<>();
    for (TrialView t : trials) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("number", t.number());
      row.put("status", t.status());
      row.put("duration_ms", t.durationMs());
      t.params().asMap().forEach((name, value) -> row.put("param_" + name, value));
      row.put("params", format == ExportFormat.json ? t.params().asMap()
          : Output.compactJson(t.params().asMap()));
      Map<String, List<Double>> trialFolds = folds.getOrDefault(t.number(), Map.of());
      for (String metric : t.means().keySet()) {
        row.put("mean_test_" + metric, t.means().get(metric));
        row.put("std_test_" + metric, t.stds().get(metric));
        row.put("rank_test_" + metric, rank(ranks, trials, metric, run.summary().maximize()).get(t.number()));
        List<Double> values = trialFolds.getOrDefault(metric, List.of());
        for (int k = 0; k < values.size(); k++) {
          row.put("split" + k + "_test_" + metric, values.get(k));
        }
      }
      row.put("error", t.errorMessage());
      rows.add(row);
    }
    StringWriter text = new StringWriter();
    Output.print(new PrintWriter(text), Output.Format.valueOf(format.name()), rows,
        List.of("number", "status", "duration_ms", "params", "error"));
    if (out == null) {
      out().print(text);
      out().flush();
    } else {
      Files.writeString(out, text.toString(), StandardCharsets.UTF_8);
      command.commandLine().getErr().println("wrote " + rows.size() + " trials of run "
          + run.summary().id() + " to " + out);
    }
    return ExitCode.OK;
  }

  /**
   * scikit-learn's rank: 1 for the best mean, equal means share the lowest rank, trials
   * without a mean rank last. Computed once per metric.
   */
  private static Map<Long, Integer> rank(Map<String, Map<Long, Integer>> cache,
      List<TrialView> trials, String metric, boolean runMaximizes) {
    return cache.computeIfAbsent(metric, m -> {
      boolean higherIsBetter = Metric.greaterIsBetter(m, runMaximizes);
      List<TrialView> scored = new ArrayList<>(trials.stream()
          .filter(t -> t.means().get(m) != null).toList());
      Comparator<TrialView> byMean = Comparator.comparing(t -> t.means().get(m));
      scored.sort(higherIsBetter ? byMean.reversed() : byMean);
      Map<Long, Integer> out = new HashMap<>();
      for (int i = 0; i < scored.size(); i++) {
        double mean = scored.get(i).means().get(m);
        int rank = i > 0 && scored.get(i - 1).means().get(m) == mean
            ? out.get(scored.get(i - 1).number()) : i + 1;
        out.put(scored.get(i).number(), rank);
      }
      int last = scored.size() + 1;
      trials.forEach(t -> out.putIfAbsent(t.number(), last));
      return out;
    });
  }
}
