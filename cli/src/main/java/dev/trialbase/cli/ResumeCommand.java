package dev.trialbase.cli;

import dev.trialbase.engine.PreparedRun;
import dev.trialbase.engine.RunEngine;
import dev.trialbase.engine.StoredRuns;
import dev.trialbase.plugin.PluginRegistry;
import dev.trialbase.spec.SpecException;
import dev.trialbase.store.Database;
import dev.trialbase.store.RunDetail;
import dev.trialbase.store.RunOwnedException;
import dev.trialbase.store.RunStatus;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code trialbase resume RUN}: finishes an interrupted run in place, running only the trials
 * it lacks. The result equals an uninterrupted run's.
 */
@Command(name = "resume", description = "Finish an interrupted run: run only its missing trials.")
final class ResumeCommand extends ExecuteCommand {

  @Parameters(paramLabel = "RUN", description = "The run id.")
  long runId;

  @Option(names = "--force", description = "Resume even though the data or plugins changed.")
  boolean force;

  @Mixin
  Output.FormatOption format;

  @Override
  public Integer call() {
    int jobs = execution.jobs();
    StoredRun stored = openStoredRun(runId);
    Database database = stored.database();
    RunDetail run = stored.run();
    String status = run.summary().status();
    if (status.equals(RunStatus.COMPLETE.id())) {
      out().println("run " + runId + " is already complete");
      return ExitCode.OK;
    }
    if (status.equals(RunStatus.RUNNING.id())) {
      throw new RunOwnedException(RunOwnedException.describe(runId, run.host(), run.pid(),
          run.heartbeatAt()));
    }
    try (PluginRegistry plugins = loadPlugins()) {
      List<String> changes = StoredRuns.provenanceChanges(run, plugins);
      changes.forEach(c -> err().println("warning: " + c));
      if (!changes.isEmpty() && !force) {
        throw new SpecException("run " + runId + " cannot be resumed as it ran: its data or "
            + "plugins changed (see the warnings); --force resumes anyway");
      }
      RunEngine engine = engine(plugins);
      PreparedRun prepared = warned(engine.prepare(StoredRuns.spec(run)));
      RunSession.Outcome outcome = session((listener, control) ->
          engine.resume(runId, prepared, database, jobs, listener, control));
      return outcome.exitCode(RunSummary.print(out(), format.format, outcome.result()));
    }
  }

}
