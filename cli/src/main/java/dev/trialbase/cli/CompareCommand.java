package dev.trialbase.cli;

import dev.trialbase.eval.Summary;
import dev.trialbase.report.Comparison;
import dev.trialbase.store.RunDetail;
import dev.trialbase.store.RunQueries;
import dev.trialbase.store.TrialView;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code trialbase compare RUN RUN...}: what differs in the runs' specs, each run's best
 * trial side by side, and — for runs evaluated on the same folds — a paired test of the first
 * run's best trial against each other's over those folds (the corrected resampled t-test of
 * Nadeau and Bengio, and the Wilcoxon signed-rank test).
 */
@Command(name = "compare", description = "Compare runs: spec differences, best trials, paired tests.")
final class CompareCommand extends QueryCommand {

  @Parameters(paramLabel = "RUN", arity = "2..*", description = "Two or more run ids.")
  List<Long> runIds;

  @Option(names = "--alpha", defaultValue = "0.05", paramLabel = "A",
      description = "Significance level of the paired tests (default: ${DEFAULT-VALUE}).")
  double alpha;

  @Mixin
  Output.FormatOption format;

  @Override
  public Integer call() throws Exception {
    if (!(alpha > 0 && alpha < 1)) {
      throw usage("--alpha must be between 0 and 1, got " + alpha);
    }
    if (new LinkedHashSet<>(runIds).size() != runIds.size()) {
      throw usage("a run is named twice: " + runIds);
    }
    RunQueries queries = queries();
    List<RunDetail> runs = new ArrayList<>();
    for (long id : runIds) {
      runs.add(run(id));
    }
    String metric = runs.get(0).summary().objective();
    List<Map<String, Object>> sideBySide = new ArrayList<>();
    List<double[]> bestFolds = new ArrayList<>();
    for (RunDetail run : runs) {
      double[] folds = Comparison.bestFolds(queries, run, metric);
      bestFolds.add(folds);
      sideBySide.add(side(queries, run, metric, folds));
    }
    List<Map<String, Object>> differences = Comparison.specDifferences(runs);
    List<Map<String, Object>> tests = new ArrayList<>();
    for (int i = 1; i < runs.size(); i++) {
      tests.add(Comparison.pairedTest(runs.get(0), runs.get(i), metric, bestFolds.get(0),
          bestFolds.get(i), alpha));
    }
    PrintWriter out = out();
    if (format.format == Output.Format.json) {
      Map<String, Object> all = new LinkedHashMap<>();
      all.put("specDifferences", differences);
      all.put("runs", sideBySide);
      all.put("pairedTests", tests);
      out.println(Output.json(all));
    } else if (format.format == Output.Format.csv) {
      // One CSV table, not three: a "section" column says which part each row belongs to,
      // so a spreadsheet or pandas reads it whole and nothing of the table output is lost.
      List<Map<String, Object>> rows = new ArrayList<>();
      differences.forEach(d -> rows.add(section("spec_difference", d)));
      sideBySide.forEach(s -> rows.add(section("best_trial", s)));
      tests.forEach(t -> rows.add(section("paired_test", t)));
      Output.print(out, Output.Format.csv, rows);
    } else {
      out.println("spec differences:");
      Output.print(out, Output.Format.table, differences);
      out.println();
      out.println("best trials (" + metric + " over the folds):");
      Output.print(out, Output.Format.table, sideBySide);
      out.println();
      out.println("paired tests of the best trials, fold by fold:");
      Output.print(out, Output.Format.table, tests);
    }
    out.flush();
    return ExitCode.OK;
  }

  private static Map<String, Object> section(String name, Map<String, Object> row) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("section", name);
    m.putAll(row);
    return m;
  }

  /** The fold values of a run's best trial for {@code metric}; empty without a best trial. */
  private static Map<String, Object> side(RunQueries queries, RunDetail run, String metric,
      double[] folds) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("run", run.summary().id());
    m.put("strategy", run.summary().strategy());
    m.put("trials", run.summary().trials());
    m.put("ok", run.summary().complete());
    m.put("failed", run.summary().notComplete());
    m.put("bestTrial", run.summary().bestTrial());
    Summary summary = Summary.of(folds);
    m.put("mean", folds.length == 0 ? null : summary.mean());
    m.put("std", folds.length == 0 ? null : summary.std());
    m.put("test", queries.testMetrics(run.summary().id()).get(metric));
    m.put("seconds", run.summary().seconds());
    TrialView best = run.summary().bestTrial() == null ? null
        : queries.trials(run.summary().id(), List.of(run.summary().bestTrial())).get(0);
    m.put("params", best == null ? Map.of() : best.params().asMap());
    return m;
  }
}
