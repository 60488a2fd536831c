package dev.trialbase.cli;

import dev.trialbase.engine.PreparedRun;
import dev.trialbase.internal.Searches;
import dev.trialbase.plugin.PluginRegistry;
import dev.trialbase.store.Database;
import dev.trialbase.store.RunDetail;
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
  Integer execute() {
    execution.jobs(); // a usage error before anything else
    StoredRun stored = openStoredRun(runId);
    Database database = stored.database();
    RunDetail run = stored.run();
    if (!Searches.needsResume(run)) {
      out().println("run " + runId + " is already complete");
      return ExitCode.OK;
    }
    try (PluginRegistry plugins = loadPlugins()) {
      Searches searches = searches(plugins);
      int jobs = jobs();
      List<String> changes = searches.provenanceChanges(run);
      changes.forEach(c -> err().println("warning: " + c));
      if (!changes.isEmpty() && !force) {
        throw Searches.changedProvenance(runId, "its data or plugins changed (see the "
            + "warnings); --force resumes anyway");
      }
      PreparedRun prepared = warned(searches.prepareStored(run));
      RunSession.Outcome outcome = session((listener, control) ->
          searches.resume(runId, prepared, database, jobs, listener, control));
      return outcome.exitCode(RunSummary.print(out(), format.format, outcome.result(),
          prepared.spec().spec().isFunction()));
    }
  }

}
