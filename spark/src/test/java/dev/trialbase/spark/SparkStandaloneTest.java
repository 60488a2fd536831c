package dev.trialbase.spark;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trialbase.cli.CliRunner;
import dev.trialbase.cli.StoredRows;
import dev.trialbase.cli.TinyExperiment;
import dev.trialbase.store.Database;
import dev.trialbase.store.RunDiff;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --executor spark} against a real standalone cluster on localhost ({@link LocalCluster}:
 * a master and a worker, separate JVMs): executors that have Spark alone receive Trialbase's
 * jars, the plugins and the data from the driver, and the run stores exactly what the local
 * executor stores. An unreachable master gives one error line, not a hang.
 */
class SparkStandaloneTest {

  private static final Path TITANIC_RANDOM = CliRunner.EXAMPLES.resolve("titanic/random.json");

  @TempDir
  static Path dir;

  private static LocalCluster cluster;

  @BeforeAll
  static void startCluster() throws Exception {
    // Under target, not the temporary folder: JUnit warns about every link it deletes there.
    Path clusterDir = Path.of("target", "standalone-cluster").toAbsolutePath();
    deleteTree(clusterDir);
    cluster = LocalCluster.start(java.nio.file.Files.createDirectories(clusterDir), 2);
  }

  private static void deleteTree(Path root) throws java.io.IOException {
    if (java.nio.file.Files.exists(root)) {
      try (var paths = java.nio.file.Files.walk(root)) {
        for (Path p : (Iterable<Path>) paths.sorted(java.util.Comparator.reverseOrder())::iterator) {
          java.nio.file.Files.delete(p);
        }
      }
    }
  }

  @AfterAll
  static void stopCluster() {
    if (cluster != null) {
      cluster.close();
    }
  }

  @Test
  void titanicRandomOnTheClusterStoresWhatTheLocalRunStores() throws Exception {
    Path db = dir.resolve("titanic.db");
    String spec = TITANIC_RANDOM.toString();
    CliRunner.Result spark = CliRunner.run("run", spec, "--db", db.toString(), "--no-progress",
        "--executor", "spark", "--master", cluster.masterUrl());
    assertThat(spark.exitCode()).as(spark.err()).isZero();
    assertThat(spark.err()).contains("executor: spark, master " + cluster.masterUrl());
    assertThat(spark.out()).contains("run 1 complete: 100 trials");

    CliRunner.Result local = CliRunner.run("run", spec, "--db", db.toString(), "--no-progress");
    assertThat(local.exitCode()).as(local.err()).isZero();
    // Parameters, every fold score and the test scores, value by value.
    assertThat(RunDiff.between(Database.openReadOnly(db), 2, 1)).isEmpty();
  }

  @Test
  void anUnreachableMasterIsOneErrorLineAndExit11WithinTheWait() {
    Path db = dir.resolve("unreachable.db");
    long start = System.nanoTime();
    CliRunner.Result r = CliRunner.run("run", TITANIC_RANDOM.toString(), "--db", db.toString(),
        "--no-progress", "--executor", "spark", "--master", "spark://127.0.0.1:1");

    assertThat(r.exitCode()).as(r.err()).isEqualTo(11);
    assertThat(r.err().lines().toList()).singleElement().asString()
        .startsWith("error: the Spark master spark://127.0.0.1:1 cannot be reached (");
    assertThat((System.nanoTime() - start) / 1e9).isLessThan(10);
    assertThat(db).doesNotExist();
  }

  @Test
  void aClusterThatGivesNoExecutorIsOneErrorLineAfterTheWaitNotAHang() {
    Path db = dir.resolve("starved.db");
    // More memory per executor than the worker has: the master never starts one.
    System.setProperty("spark.executor.memory", "8g");
    System.setProperty("trialbase.spark.waitSeconds", "3");
    CliRunner.Result r;
    try {
      r = CliRunner.run("run", TITANIC_RANDOM.toString(), "--db", db.toString(), "--no-progress",
          "--executor", "spark", "--master", cluster.masterUrl());
    } finally {
      System.clearProperty("spark.executor.memory");
      System.clearProperty("trialbase.spark.waitSeconds");
    }

    assertThat(r.exitCode()).as(r.err()).isEqualTo(11);
    assertThat(r.err().lines().toList()).singleElement().asString()
        .startsWith("error: no Spark executor ran a task within 3 s of connecting to "
            + cluster.masterUrl());
    assertThat(db).doesNotExist();
  }

  @Test
  void aTrialThatKillsItsExecutorIsRetriedThenStoredFailedOnceAndTheRunGoesOn()
      throws Exception {
    Path specDir = java.nio.file.Files.createDirectories(dir.resolve("exit"));
    TinyExperiment.write(specDir, TinyExperiment.SPEC.replace("\"noop\"", "\"faulty\"")
        .replace("\"x\": [1, 2, 3]", "\"mode\": [\"exit\", \"ok\"]"));
    Path db = dir.resolve("exit.db");
    System.setProperty("spark.task.maxFailures", "2");
    CliRunner.Result r;
    try {
      // One trial at a time: the executor the exit ends runs no other trial.
      r = CliRunner.run("run", specDir.resolve("spec.json").toString(), "--db", db.toString(),
          "--no-progress", "--plugins", TinyExperiment.TEST_PLUGINS.toString(), "--jobs", "1",
          "--executor", "spark", "--master", cluster.masterUrl());
    } finally {
      System.clearProperty("spark.task.maxFailures");
    }

    assertThat(r.exitCode()).as(r.err()).isZero();
    List<String> trials = StoredRows.trials(db, 1);
    assertThat(trials).hasSize(2);
    // Both attempts lost their executor (Spark ran the task again on a fresh one), then the
    // job failed once: one record, with Spark's reason.
    assertThat(trials.get(0)).startsWith("0 failed "
        + "dev.trialbase.spark.SparkTrialRunner$SparkJobFailedException the trial's Spark job "
        + "failed: ").contains("failed 2 times");
    assertThat(trials.get(1)).isEqualTo("1 complete null null");
  }
}
