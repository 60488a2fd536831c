package dev.trialbase.cli;

import static dev.trialbase.cli.StoredRows.count;
import static dev.trialbase.cli.StoredRows.trials;
import static org.assertj.core.api.Assertions.assertThat;

import dev.trialbase.store.Database;
import dev.trialbase.store.RunDiff;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Trials in worker processes ({@code --isolation process}, and what {@code auto} picks when a
 * timeout is set): a trial that ignores interrupts is really stopped at its timeout, a plugin
 * that ends its JVM fails only its trial, no worker outlives the run, and the stored trials are
 * bit for bit those of in-process trials.
 */
class WorkerIsolationTest {

  private static final String WORKER = "dev.trialbase.engine.worker.WorkerMain";

  @TempDir
  Path dir;

  @Test
  void everyFaultFailsOnlyItsTrialWithItsReasonAndTheRunCompletes() throws Exception {
    Path db = dir.resolve("faults.db");
    CliRunner.Result r = TinyExperiment.cli("run", faultySpec(
            "[\"ok\", \"spin\", \"throw\", \"error\", \"exit\", \"halt\", \"linger\"]", 1)
            .toString(),
        "--db", db.toString(), "--no-progress", "--jobs", "2", "--isolation", "process");

    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out()).contains("run 1 complete: 7 trials, 5 failed");
    assertThat(trials(db, 1)).containsExactly(
        "0 complete null null",
        "1 timeout java.util.concurrent.TimeoutException trial took longer than "
            + "trialTimeoutSeconds = 1.0 s; its worker process was killed",
        "2 failed java.lang.IllegalStateException fit failed on purpose",
        "3 failed java.lang.AssertionError fit failed on purpose",
        "4 failed dev.trialbase.engine.worker.WorkerPool$WorkerExitedException the worker "
            + "process exited with code 0 during the trial (the plugin ended its JVM: "
            + "System.exit, Runtime.halt or a crash); a new worker took its place",
        "5 failed dev.trialbase.engine.worker.WorkerPool$WorkerExitedException the worker "
            + "process exited with code 7 during the trial (the plugin ended its JVM: "
            + "System.exit, Runtime.halt or a crash); a new worker took its place",
        "6 complete null null");
    assertNoWorkerLeftWithin2Seconds();
  }

  @Test
  void aTimeoutStopsBusyLoopingTrialsForRealOnAtMostJobsWorkers() throws Exception {
    Path db = dir.resolve("spin.db");
    AtomicBoolean running = new AtomicBoolean(true);
    AtomicInteger most = new AtomicInteger();
    Thread watch = new Thread(() -> {
      while (running.get()) {
        most.accumulateAndGet(workers().size(), Math::max);
        Thread.onSpinWait();
      }
    });
    watch.start();
    CliRunner.Result r;
    try {
      // auto: the spec sets a timeout, so trials run in worker processes.
      r = TinyExperiment.cli("run", faultySpec("[\"spin\", \"hang\"]", 0.5).toString(),
          "--db", db.toString(), "--no-progress", "--jobs", "2");
    } finally {
      running.set(false);
      watch.join();
    }
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(trials(db, 1)).hasSize(2).allMatch(t -> t.contains(" timeout "));
    assertThat(most.get()).as("worker processes alive at once").isBetween(1, 2);
    assertNoWorkerLeftWithin2Seconds();
  }

  @Test
  void workerProcessesStoreTheTrialsInProcessTrialsStoreWithAPrunerDecidingFolds()
      throws Exception {
    for (String f : List.of("train.csv", "test.csv")) {
      Files.copy(CliRunner.EXAMPLES.resolve("titanic").resolve(f), dir.resolve(f));
    }
    Path spec = Files.writeString(dir.resolve("pruned.json"), """
        {
          "experiment": "isolation",
          "data": {"train": "train.csv", "test": "test.csv", "target": "Survived"},
          "estimator": {"name": "weka-logistic"},
          "strategy": {"name": "tpe", "options": {"startupTrials": 3}},
          "pruner": {"name": "median", "options": {"startupTrials": 2}},
          "space": {"C": {"type": "float", "low": 0.0001, "high": 100, "log": true}},
          "trials": 12,
          "folds": 4,
          "seed": 11
        }
        """);
    Path db = dir.resolve("same.db");
    CliRunner.Result threads = CliRunner.run("run", spec.toString(), "--db", db.toString(),
        "--no-progress", "--jobs", "1", "--isolation", "thread");
    CliRunner.Result processes = CliRunner.run("run", spec.toString(), "--db", db.toString(),
        "--no-progress", "--jobs", "2", "--isolation", "process");

    assertThat(threads.exitCode()).as(threads.err()).isZero();
    assertThat(processes.exitCode()).as(processes.err()).isZero();
    assertThat(RunDiff.between(Database.openReadOnly(db), 1, 2)).isEmpty();
    assertThat(count(db, "select count(*) from trials where run_id = 2 and status = 'pruned'"))
        .as("the pruner stopped some trials through the workers").isPositive();
    assertNoWorkerLeftWithin2Seconds();
  }

  @Test
  void aPluginsObjectiveFunctionRunsInWorkerProcessesToTheSameTrials() throws Exception {
    Path spec = TinyExperiment.quadraticSpec(dir, 20);
    Path db = dir.resolve("function.db");
    for (String isolation : List.of("thread", "process")) {
      CliRunner.Result r = TinyExperiment.cli("run", spec.toString(), "--db", db.toString(),
          "--no-progress", "--jobs", "2", "--isolation", isolation);
      assertThat(r.exitCode()).as(r.err()).isZero();
    }
    assertThat(RunDiff.between(Database.openReadOnly(db), 1, 2)).isEmpty();
    assertThat(count(db, "select count(*) from trials where run_id = 2 and status = 'failed'"))
        .as("some points fail on purpose (fail_above)").isPositive();
    assertNoWorkerLeftWithin2Seconds();
  }

  // --- helpers -------------------------------------------------------------------------------

  /** A grid over the faulty estimator's {@code modes}, with a trial timeout. */
  private Path faultySpec(String modes, double timeoutSeconds) {
    String spec = TinyExperiment.SPEC.replace("{\"name\": \"noop\"}", "{\"name\": \"faulty\"}")
        .replace("\"x\": [1, 2, 3]", "\"mode\": " + modes)
        .replace("\"seed\": 7", "\"seed\": 7, \"trialTimeoutSeconds\": " + timeoutSeconds);
    return TinyExperiment.write(dir.resolve("faulty-" + Math.abs(modes.hashCode())), spec);
  }

  private static List<ProcessHandle> workers() {
    return ProcessHandle.current().descendants()
        .filter(p -> p.info().commandLine().map(c -> c.contains(WORKER)).orElse(false))
        .toList();
  }

  private static void assertNoWorkerLeftWithin2Seconds() throws InterruptedException {
    long deadline = System.nanoTime() + 2_000_000_000L;
    while (!workers().isEmpty() && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
    assertThat(workers()).as("worker processes left behind").isEmpty();
  }
}
