package dev.trialbase.cli;

import dev.trialbase.TrialInfo;
import dev.trialbase.eval.Metric;
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
    TrialInfo trial = ofRun(runId, () -> library().best(runId, metric)).orElseThrow(() ->
        new Errors.NotFoundException("run " + runId + " has no complete trial"));
    Map<String, List<Double>> folds = library().foldScores(runId, trial.number());
    Output.printRecord(out(), format.format,
        TrialsCommand.record(trial, folds));
    return ExitCode.OK;
  }
}
