package dev.trialbase.spark;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trialbase.cli.CliRunner;
import dev.trialbase.cli.StoredRows;
import dev.trialbase.cli.TinyExperiment;
import dev.trialbase.store.Database;
import dev.trialbase.store.RunDiff;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ctrl-C during a Spark run, in a real child process: the run is left {@code interrupted}, and
 * {@code resume}, on the local executor or on Spark, finishes it into exactly what a local run
 * stores.
 */
class SparkStopTest {

  @TempDir
  Path dir;

  @Test
  void ctrlCLeavesTheRunInterruptedAndALocalResumeFinishesItAsALocalRun() throws Exception {
    interruptedThenResumed("local-resume.db");
  }

  @Test
  void anInterruptedRunResumesOnSparkAsALocalRun() throws Exception {
    interruptedThenResumed("spark-resume.db", "--executor", "spark", "--master", "local[2]");
  }

  /** Run 1 interrupted on Spark, then resumed on {@code executor} (none: the local one). */
  private void interruptedThenResumed(String dbName, String... executor) throws Exception {
    Path spec = cpuSpec();
    Path db = dir.resolve(dbName);
    interruptedSparkRun(spec, db);

    List<String> args = new ArrayList<>(List.of("resume", "1", "--db", db.toString(),
        "--no-progress", "--plugins", TinyExperiment.TEST_PLUGINS.toString()));
    args.addAll(List.of(executor));
    CliRunner.Result resumed = CliRunner.run(args.toArray(String[]::new));
    assertThat(resumed.exitCode()).as(resumed.err()).isZero();
    assertSameAsALocalRun(spec, db);
  }

  /** Run 2: the spec run locally; it must equal run 1, resumed, value by value. */
  private static void assertSameAsALocalRun(Path spec, Path db) throws Exception {
    CliRunner.Result local = CliRunner.run("run", spec.toString(), "--db", db.toString(),
        "--no-progress", "--plugins", TinyExperiment.TEST_PLUGINS.toString());
    assertThat(local.exitCode()).as(local.err()).isZero();
    assertThat(StoredRows.count(db,
        "select count(*) from runs where id = 1 and status = 'complete'"))
        .isEqualTo(1);
    assertThat(RunDiff.between(Database.openReadOnly(db), 2, 1)).isEmpty();
  }

  /** 60 CPU-bound trials on the Titanic data. */
  private Path cpuSpec() throws Exception {
    for (String f : List.of("train.csv", "test.csv")) {
      if (!Files.exists(dir.resolve(f))) {
        Files.copy(CliRunner.EXAMPLES.resolve("titanic").resolve(f), dir.resolve(f));
      }
    }
    return Files.writeString(dir.resolve("cpu.json"), """
        {
          "experiment": "stop",
          "data": { "train": "train.csv", "test": "test.csv", "target": "Survived" },
          "estimator": { "name": "cpu", "params": { "work": 10 } },
          "strategy": { "name": "random" },
          "space": { "x": { "type": "float", "low": 0, "high": 1 } },
          "trials": 60,
          "folds": 3,
          "seed": 42
        }
        """);
  }

  /**
   * Run 1 of {@code spec} on {@code local[2]} in a child process, stopped by one SIGINT (the
   * first Ctrl-C) once 3 trials are stored: exit 130, the run interrupted, some trials stored.
   */
  private void interruptedSparkRun(Path spec, Path db) throws Exception {
    Path log = dir.resolve(db.getFileName() + ".log");
    Process child = new ProcessBuilder(childCommand("run", spec.toString(), "--db",
        db.toString(), "--no-progress", "--plugins", TinyExperiment.TEST_PLUGINS.toString(),
        "--executor", "spark", "--master", "local[2]"))
        .redirectErrorStream(true).redirectOutput(log.toFile()).start();
    try {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      while (storedTrials(db) < 3 && child.isAlive() && System.nanoTime() < deadline) {
        Thread.sleep(50);
      }
      new ProcessBuilder("kill", "-INT", Long.toString(child.pid())).start().waitFor();
      assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
    } finally {
      child.destroyForcibly();
    }
    String output = Files.readString(log);
    assertThat(child.exitValue()).as(output).isEqualTo(130);
    assertThat(StoredRows.count(db, "select count(*) from runs where id = 1 and status = "
        + "'interrupted'")).as(output).isEqualTo(1);
    assertThat(storedTrials(db)).isBetween(3L, 59L);
  }

  /** This JVM's java, options and class path, running the CLI with {@code args}. */
  private static List<String> childCommand(String... args) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(LocalCluster.JAVA_OPTIONS);
    for (String property : List.of("trialbase.builtin.plugins", "slf4j.provider",
        "slf4j.internal.verbosity", "WEKA_HOME")) {
      command.add("-D" + property + "=" + System.getProperty(property));
    }
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add("dev.trialbase.cli.Main");
    command.addAll(List.of(args));
    return command;
  }

  private static long storedTrials(Path db) {
    if (!Files.exists(db)) {
      return 0;
    }
    try {
      return StoredRows.count(db, "select count(*) from trials where run_id = 1");
    } catch (SQLException notYet) {
      return 0;
    }
  }
}
