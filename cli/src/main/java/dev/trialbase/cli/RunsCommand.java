package dev.trialbase.cli;

import dev.trialbase.store.Database;
import dev.trialbase.store.RunQueries;
import dev.trialbase.store.RunView;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code trialbase runs}: the stored runs, oldest first. */
@Command(name = "runs", description = "List stored runs.")
final class RunsCommand implements Callable<Integer> {

  @ParentCommand
  Main main;

  @Spec
  picocli.CommandLine.Model.CommandSpec command;

  @Mixin
  Output.FormatOption format;

  @Override
  public Integer call() {
    RunQueries queries = new RunQueries(Database.openReadOnly(main.databaseFile()));
    List<Map<String, Object>> records = queries.runs().stream().map(RunsCommand::record).toList();
    Output.print(command.commandLine().getOut(), format.format, records);
    return ExitCode.OK;
  }

  static Map<String, Object> record(RunView r) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", r.id());
    m.put("experiment", r.experiment());
    m.put("strategy", r.strategy());
    m.put("estimator", r.estimator());
    m.put("seed", r.seed());
    m.put("status", r.status());
    m.put("trials", r.trials());
    m.put("failed", r.notComplete());
    m.put("objective", r.objective());
    m.put("best", r.bestObjective());
    m.put("bestTrial", r.bestTrial());
    m.put("started", r.startedAt());
    m.put("ended", r.endedAt());
    return m;
  }
}
