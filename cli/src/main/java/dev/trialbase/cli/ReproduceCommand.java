package dev.trialbase.cli;

import dev.trialbase.engine.PreparedRun;
import dev.trialbase.engine.RunResult;
import dev.trialbase.internal.Searches;
import dev.trialbase.plugin.PluginRegistry;
import dev.trialbase.store.Database;
import dev.trialbase.store.RunDetail;
import dev.trialbase.store.RunDiff;
import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code trialbase reproduce RUN}: runs a stored run's spec again with its seed, as a new run,
 * and checks that every trial's parameters and fold scores, and the test scores, are
 * identical. Exits 0 only when they are.
 */
@Command(name = "reproduce",
    description = "Run a stored run again with its seed and check the result is identical.")
final class ReproduceCommand extends ExecuteCommand {

  /** Differences printed before "... and N more". */
  private static final int SHOWN = 20;

  @Parameters(paramLabel = "RUN", description = "The run id to reproduce.")
  long runId;

  @Override
  Integer execute() {
    execution.jobs(); // a usage error before anything else
    PrintWriter out = out();
    StoredRun stored = openStoredRun(runId);
    Database database = stored.database();
    RunDetail original = stored.run();
    try (PluginRegistry plugins = loadPlugins()) {
      Searches searches = searches(plugins);
      int jobs = jobs();
      searches.provenanceChanges(original).forEach(c -> err().println("warning: " + c));
      err().flush();
      PreparedRun prepared = warned(searches.prepareStored(original));
      RunSession.Outcome outcome = session(
          (listener, control) -> searches.execute(prepared, database, jobs, listener, control));
      RunResult repeated = outcome.result();
      if (outcome.signalExitCode() != 0) {
        // Stopped part-way: nothing to compare yet.
        return outcome.exitCode(RunSummary.print(out, Output.Format.table, repeated,
            prepared.spec().spec().isFunction()));
      }
      RunDiff.Summary differences =
          Searches.summarize(database, runId, repeated.runId(), SHOWN);
      if (differences.count() == 0) {
        out.printf("identical: run %d repeats run %d exactly (%d trials, every fold score "
            + "and test score)%n", repeated.runId(), runId, repeated.trials());
        out.flush();
        return ExitCode.OK;
      }
      out.printf("different: run %d differs from run %d in %d places%n", repeated.runId(),
          runId, differences.count());
      differences.first().forEach(d -> out.println("  " + d));
      if (differences.count() > SHOWN) {
        out.printf("  ... and %d more%n", differences.count() - SHOWN);
      }
      out.flush();
      return ExitCode.DIFFERENT;
    }
  }

}
