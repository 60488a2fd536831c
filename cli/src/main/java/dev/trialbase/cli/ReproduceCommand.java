package dev.trialbase.cli;

import dev.trialbase.engine.PreparedRun;
import dev.trialbase.engine.RunResult;
import dev.trialbase.internal.Searches;
import dev.trialbase.plugin.PluginRegistry;
import dev.trialbase.store.Database;
import dev.trialbase.store.RunDetail;
import dev.trialbase.store.RunDiff;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
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
  public Integer call() {
    int jobs = execution.jobs();
    PrintWriter out = out();
    StoredRun stored = openStoredRun(runId);
    Database database = stored.database();
    RunDetail original = stored.run();
    try (PluginRegistry plugins = loadPlugins()) {
      Searches searches = new Searches(plugins, Map.of());
      searches.provenanceChanges(original).forEach(c -> err().println("warning: " + c));
      err().flush();
      PreparedRun prepared = warned(searches.prepareStored(original));
      RunResult repeated = session(
          (listener, control) -> searches.execute(prepared, database, jobs, listener, control));
      List<RunDiff.Difference> differences =
          Searches.differences(database, runId, repeated.runId());
      if (differences.isEmpty()) {
        out.printf("identical: run %d repeats run %d exactly (%d trials, every fold score "
            + "and test score)%n", repeated.runId(), runId, repeated.trials());
        out.flush();
        return ExitCode.OK;
      }
      out.printf("different: run %d differs from run %d in %d places%n", repeated.runId(),
          runId, differences.size());
      differences.stream().limit(SHOWN).forEach(d -> out.println("  " + d));
      if (differences.size() > SHOWN) {
        out.printf("  ... and %d more%n", differences.size() - SHOWN);
      }
      out.flush();
      return ExitCode.DIFFERENT;
    }
  }

}
