package dev.trialbase.cli;

import dev.trialbase.store.Database;
import dev.trialbase.store.RunQueries;
import dev.trialbase.store.TrialView;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code trialbase trials RUN}: one line per trial with its parameters and mean metrics. */
@Command(name = "trials", description = "List the trials of a run.")
final class TrialsCommand implements Callable<Integer> {

  @ParentCommand
  Main main;

  @Spec
  picocli.CommandLine.Model.CommandSpec command;

  @Parameters(paramLabel = "RUN", description = "The run id, as 'trialbase runs' shows it.")
  long runId;

  @Mixin
  Output.FormatOption format;

  @Override
  public Integer call() {
    RunQueries queries = new RunQueries(Database.openReadOnly(main.databaseFile()));
    if (queries.run(runId).isEmpty()) {
      throw new Errors.NotFoundException("no run " + runId + " in " + main.databaseFile()
          + "; 'trialbase runs' lists the runs");
    }
    List<Map<String, Object>> records = queries.trials(runId).stream()
        .map(TrialsCommand::record).toList();
    Output.print(command.commandLine().getOut(), format.format, records);
    return ExitCode.OK;
  }

  static Map<String, Object> record(TrialView t) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("number", t.number());
    m.put("status", t.status());
    m.put("params", t.params().asMap());
    m.put("metrics", t.means());
    if (t.errorMessage() != null) {
      m.put("error", t.errorMessage());
    }
    return m;
  }
}
