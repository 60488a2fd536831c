package dev.trialbase.cli;

import dev.trialbase.engine.PreparedRun;
import dev.trialbase.engine.RunEngine;
import dev.trialbase.engine.RunResult;
import dev.trialbase.engine.StoredRuns;
import dev.trialbase.plugin.PluginRegistry;
import dev.trialbase.spec.SpecException;
import dev.trialbase.store.Database;
import dev.trialbase.store.RunDetail;
import dev.trialbase.store.RunQueries;
import dev.trialbase.store.RunStatus;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code trialbase resume RUN}: finishes an interrupted run in place, running only the trials
 * it lacks. The result equals an uninterrupted run's.
 */
@Command(name = "resume", description = "Finish an interrupted run: run only its missing trials.")
final class ResumeCommand implements Callable<Integer> {

  @ParentCommand
  Main main;

  @Spec
  picocli.CommandLine.Model.CommandSpec command;

  @Mixin
  ExecutionOptions execution;

  @Parameters(paramLabel = "RUN", description = "The run id.")
  long runId;

  @Option(names = "--force", description = "Resume even though the data or plugins changed.")
  boolean force;

  @Mixin
  Output.FormatOption format;

  @Override
  public Integer call() {
    int jobs = execution.jobs();
    // Look the run up read-only first, so a wrong id or --db creates nothing; then open for
    // writing, which also marks the run interrupted if its process died.
    findRun(Database.openReadOnly(main.databaseFile()));
    Database database = Database.open(main.databaseFile());
    RunDetail run = findRun(database);
    String status = run.summary().status();
    if (status.equals(RunStatus.COMPLETE.id())) {
      command.commandLine().getOut().println("run " + runId + " is already complete");
      return ExitCode.OK;
    }
    if (status.equals(RunStatus.RUNNING.id())) {
      throw new SpecException("run " + runId + " is still running (process " + run.pid()
          + " on " + run.host() + ")");
    }
    try (PluginRegistry plugins = PluginRegistry.load(main.pluginRoots())) {
      List<String> changes = StoredRuns.provenanceChanges(run, plugins);
      changes.forEach(c -> command.commandLine().getErr().println("warning: " + c));
      if (!changes.isEmpty() && !force) {
        throw new SpecException("run " + runId + " cannot be resumed as it ran: its data or "
            + "plugins changed (see the warnings); --force resumes anyway");
      }
      RunEngine engine = new RunEngine(plugins);
      PreparedRun prepared = engine.prepare(StoredRuns.spec(run));
      RunResult result = RunSession.run(command.commandLine().getErr(), execution.showProgress(),
          (listener, control) -> engine.resume(runId, prepared, database, jobs, listener,
              control));
      return RunSummary.print(command.commandLine().getOut(), format.format, result);
    }
  }

  private RunDetail findRun(Database database) {
    return new RunQueries(database).run(runId).orElseThrow(() ->
        new Errors.NotFoundException("no run " + runId + " in " + main.databaseFile()));
  }
}
