package dev.trialbase.cli;

import dev.trialbase.TrialInfo;
import dev.trialbase.Trialbase;
import dev.trialbase.api.ParamSet;
import dev.trialbase.store.TrialView;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code trialbase trials RUN}: one line per trial with its parameters and mean metrics,
 * filtered by {@code --where}, sorted by {@code --sort}, cut by {@code --limit}.
 */
@Command(name = "trials", description = "List the trials of a run.")
final class TrialsCommand extends QueryCommand {

  @Parameters(paramLabel = "RUN", description = "The run id, as 'trialbase runs' shows it.")
  long runId;

  @Option(names = "--where", paramLabel = "EXPR", description = "Only trials matching EXPR, "
      + "e.g. \"metrics.accuracy > 0.85 and (params.penalty = 'l2' or params.C >= 10)\".")
  String where;

  @Option(names = "--sort", paramLabel = "KEY[:asc|desc]", description = "Sort by a metric's "
      + "mean, objective, number or duration (default: number; metrics best first).")
  String sort;

  @Option(names = "--limit", paramLabel = "N", description = "At most N trials.")
  Integer limit;

  @Option(names = "--status", paramLabel = "S",
      description = "Only trials in status S: complete, failed, timeout, pruned, running.")
  String status;

  @Option(names = "--folds", description = "Add each metric's per-fold values.")
  boolean folds;

  @Mixin
  Output.FormatOption format;

  @Override
  public Integer call() {
    if (limit != null && limit < 0) {
      throw usage("--limit must not be negative, got " + limit);
    }
    // Parsed here first, so that a mistake is shown with a caret under its column.
    if (where != null) {
      Filters.parse(command, "--where", where);
    }
    if (sort != null) {
      Filters.sort(command, sort);
    }
    String onlyStatus = Filters.status(command, status);
    Trialbase library = library();
    List<TrialInfo> trials = ofRun(runId,
        () -> library.trials(runId, where, sort, limit, onlyStatus));
    Map<Long, Map<String, List<Double>>> foldValues = folds
        ? library.foldScores(runId, trials.stream().map(TrialInfo::number).toList())
        : Map.of();
    List<Map<String, Object>> records = trials.stream()
        .map(t -> record(t, foldValues.get(t.number()))).toList();
    Output.print(out(), format.format, records, List.of("number", "status"));
    return ExitCode.OK;
  }

  /** A trial as commands print it; {@code folds} (metric to per-fold values) may be null. */
  static Map<String, Object> record(TrialView t, Map<String, List<Double>> folds) {
    return record(t.number(), t.status(), t.params(), t.means(), t.errorMessage(), folds);
  }

  /** A trial as commands print it; {@code folds} (metric to per-fold values) may be null. */
  static Map<String, Object> record(TrialInfo t, Map<String, List<Double>> folds) {
    return record(t.number(), t.status(), t.params(), t.metrics(), t.errorMessage(), folds);
  }

  private static Map<String, Object> record(long number, String status, ParamSet params,
      Map<String, Double> means, String errorMessage, Map<String, List<Double>> folds) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("number", number);
    m.put("status", status);
    m.put("params", params.asMap());
    m.put("metrics", means);
    if (folds != null) {
      Map<String, Object> perFold = new LinkedHashMap<>();
      folds.forEach((metric, values) -> {
        for (int k = 0; k < values.size(); k++) {
          perFold.put(metric + "." + k, values.get(k));
        }
      });
      m.put("folds", perFold);
    }
    if (errorMessage != null) {
      m.put("error", errorMessage);
    }
    return m;
  }
}
