package dev.trialbase.cli;

import dev.trialbase.RunInfo;
import dev.trialbase.store.RunStatus;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code trialbase runs}: the stored runs, oldest first. */
@Command(name = "runs", description = "List stored runs.")
final class RunsCommand extends QueryCommand {

  @Option(names = "--experiment", paramLabel = "NAME", description = "Only this experiment's runs.")
  String experiment;

  @Option(names = "--status", paramLabel = "S",
      description = "Only runs in status S: running, complete, failed, interrupted.")
  String status;

  @Mixin
  Output.FormatOption format;

  /** The columns of {@link #record}, for the header of an empty CSV listing. */
  static final List<String> COLUMNS = List.of("id", "experiment", "strategy", "estimator",
      "seed", "status", "trials", "ok", "failed", "objective", "best", "bestTrial", "started",
      "seconds");

  @Override
  public Integer call() {
    if (status != null && Arrays.stream(RunStatus.values()).noneMatch(s -> s.id().equals(status))) {
      throw usage("--status: unknown status '" + status
          + "'; statuses: " + Arrays.stream(RunStatus.values()).map(RunStatus::id)
          .collect(Collectors.joining(", ")));
    }
    List<Map<String, Object>> records = library().runs(experiment, status).stream()
        .map(RunsCommand::record).toList();
    Output.print(out(), format.format, records, COLUMNS);
    return ExitCode.OK;
  }

  static Map<String, Object> record(RunInfo r) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", r.id());
    m.put("experiment", r.experiment());
    m.put("strategy", r.strategy());
    m.put("estimator", r.scorer());
    m.put("seed", r.seed());
    m.put("status", r.status());
    m.put("trials", r.trials());
    m.put("ok", r.complete());
    m.put("failed", r.notComplete());
    m.put("objective", r.objective());
    m.put("best", r.bestObjective());
    m.put("bestTrial", r.bestTrial());
    m.put("started", r.startedAt());
    m.put("seconds", r.seconds());
    return m;
  }
}
