package dev.trialbase.cli;

import dev.trialbase.store.Database;
import dev.trialbase.store.RunQueries;
import dev.trialbase.store.TrialView;
import dev.trialbase.store.filter.Filter;
import dev.trialbase.store.filter.Sort;
import dev.trialbase.store.filter.TrialFilterQuery;
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
    Filter filter = where == null ? null : Filters.parse(command, "--where", where);
    Sort order = sort == null ? null : Filters.sort(command, sort);
    Database database = database();
    RunQueries queries = queries();
    header(runId);
    List<Long> numbers = filter == null && order == null && limit == null && status == null
        ? null
        : TrialFilterQuery.numbers(database.jdbi(), runId, filter, order, limit,
            Filters.status(command, status));
    List<TrialView> trials = queries.trials(runId, numbers);
    Map<Long, Map<String, List<Double>>> foldValues = folds
        ? queries.foldMetrics(runId, trials.stream().map(TrialView::number).toList())
        : Map.of();
    List<Map<String, Object>> records = trials.stream()
        .map(t -> record(t, foldValues.get(t.number()))).toList();
    Output.print(out(), format.format, records, List.of("number", "status"));
    return ExitCode.OK;
  }

  /** A trial as commands print it; {@code folds} (metric to per-fold values) may be null. */
  static Map<String, Object> record(TrialView t, Map<String, List<Double>> folds) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("number", t.number());
    m.put("status", t.status());
    m.put("params", t.params().asMap());
    m.put("metrics", t.means());
    if (folds != null) {
      Map<String, Object> perFold = new LinkedHashMap<>();
      folds.forEach((metric, values) -> {
        for (int k = 0; k < values.size(); k++) {
          perFold.put(metric + "." + k, values.get(k));
        }
      });
      m.put("folds", perFold);
    }
    if (t.errorMessage() != null) {
      m.put("error", t.errorMessage());
    }
    return m;
  }
}
