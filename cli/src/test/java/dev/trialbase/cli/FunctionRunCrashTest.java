package dev.trialbase.cli;

import static dev.trialbase.cli.StoredRows.countSoFar;
import static org.assertj.core.api.Assertions.assertThat;

import dev.trialbase.store.Database;
import dev.trialbase.store.RunDiff;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A function run (the test plugin's {@code quadratic}, reporting steps to the median pruner,
 * proposed by TPE) killed midway with SIGKILL, then resumed from the command line: the same
 * trials, steps and pruning decisions as a run never interrupted.
 */
class FunctionRunCrashTest {

  @TempDir
  Path dir;

  @Test
  void aFunctionRunKilledMidwayResumesToTheUninterruptedResult() throws Exception {
    Path spec = Files.writeString(dir.resolve("quadratic.json"), """
        {
          "experiment": "quadratic",
          "function": {"name": "quadratic", "params": {"steps": 4, "sleep_ms": 40},
                       "steps": 4},
          "space": {"x": {"type": "float", "low": -5, "high": 5}, "y": [-1, 0, 1]},
          "strategy": {"name": "tpe"},
          "pruner": {"name": "median", "options": {"startupTrials": 3}},
          "trials": 48,
          "seed": 8
        }
        """);
    Path db = dir.resolve("crash.db");
    Process child = ChildProcess.start(dir.resolve("child.log"), "run", spec.toString(),
        "--db", db.toString(), "--no-progress", "--jobs", "2", "--plugins",
        TinyExperiment.TEST_PLUGINS.toString());
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    while (countSoFar(db, "select count(*) from trials") < 16) {
      assertThat(child.isAlive()).as("the run ended before it could be killed: "
          + Files.readString(dir.resolve("child.log"))).isTrue();
      assertThat(System.nanoTime()).as("no trials within 120 s").isLessThan(deadline);
      Thread.sleep(10);
    }
    child.destroyForcibly(); // SIGKILL
    assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(countSoFar(db, "select count(*) from trials")).isBetween(16L, 47L);

    CliRunner.Result resumed = TinyExperiment.cli("resume", "1", "--db", db.toString(),
        "--jobs", "1", "--no-progress");
    assertThat(resumed.exitCode()).as(resumed.err()).isZero();
    assertThat(resumed.out()).contains("run 1 complete: 48 trials").contains("best score: ");
    CliRunner.Result whole = TinyExperiment.cli("run", spec.toString(), "--db", db.toString(),
        "--no-progress");
    assertThat(whole.exitCode()).as(whole.err()).isZero();

    assertThat(RunDiff.between(Database.openReadOnly(db), 1, 2)).isEmpty();
    assertThat(countSoFar(db, "select count(*) from trials where run_id = 1 and status = 'pruned'"))
        .as("some trials were pruned").isPositive();
  }
}
