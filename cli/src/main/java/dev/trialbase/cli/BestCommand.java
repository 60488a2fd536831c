package dev.trialbase.cli;

import dev.trialbase.eval.Metric;
import dev.trialbase.store.Database;
import dev.trialbase.store.RunQueries;
import dev.trialbase.store.TrialView;
import dev.trialbase.store.filter.Sort;
import dev.trialbase.store.filter.TrialFilterQuery;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code trialbase best RUN}: the best complete trial by the run's objective or by
 * {@code --metric}, with its per-fold values. Ties go to the lowest trial number.
 */
@Command(name = "best", description = "Show the best trial of a run.")
final class BestCommand extends QueryCommand {

  @Parameters(paramLabel = "RUN", description = "The run id.")
  long runId;

  @Option(names = "--metric", paramLabel = "M",
      description = "Rank by this metric's mean instead of the run's objective.")
  String metric;

  @Mixin
  Output.FormatOption format;

  @Override
  public Integer call() {
    if (metric != null) {
      try {
        Metric.byId(metric);
      } catch (IllegalArgumentException e) {
        throw usage("--metric: " + e.getMessage());
      }
    }
    Database database = database();
    RunQueries queries = queries();
    String by = metric != null ? metric : header(runId).objective();
    List<Long> best = TrialFilterQuery.numbers(database.jdbi(), runId, null,
        Sort.parse(by), 1, "complete");
    if (best.isEmpty()) {
      throw new Errors.NotFoundException("run " + runId + " has no complete trial");
    }
    TrialView trial = queries.trials(runId, best).get(0);
    Map<String, List<Double>> folds = queries.foldMetrics(runId, trial.number());
    Output.printRecord(out(), format.format,
        TrialsCommand.record(trial, folds));
    return ExitCode.OK;
  }
}
