package dev.trialbase.spark;

import static org.assertj.core.api.Assertions.assertThat;

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
 * {@code resume} on the local executor finishes it into exactly what a local run stores.
 */
class SparkStopTest {

  @TempDir
  Path dir;

  @Test
  void ctrlCLeavesTheRunInterruptedAndALocalResumeFinishesItAsALocalRun() throws Exception {
    for (String f : List.of("train.csv", "test.csv")) {
      Files.copy(Cli.ROOT.resolve("examples/titanic").resolve(f), dir.resolve(f));
    }
    Path spec = Files.writeString(dir.resolve("cpu.json"), """
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
    Path db = dir.resolve("stop.db");
    Process child = new ProcessBuilder(childCommand("run", spec.toString(), "--db",
        db.toString(), "--no-progress", "--plugins", Cli.TEST_PLUGINS.toString(),
        "--executor", "spark", "--master", "local[2]"))
        .redirectErrorStream(true).redirectOutput(dir.resolve("child.log").toFile()).start();
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
    String log = Files.readString(dir.resolve("child.log"));
    assertThat(child.exitValue()).as(log).isEqualTo(130);
    assertThat(Cli.count(db, "select count(*) from runs where id = 1 and status = "
        + "'interrupted'")).as(log).isEqualTo(1);
    assertThat(storedTrials(db)).isBetween(3L, 59L);

    Cli.Result resumed = Cli.run("resume", "1", "--db", db.toString(), "--no-progress",
        "--plugins", Cli.TEST_PLUGINS.toString());
    assertThat(resumed.exitCode()).as(resumed.err()).isZero();
    Cli.Result local = Cli.run("run", spec.toString(), "--db", db.toString(), "--no-progress",
        "--plugins", Cli.TEST_PLUGINS.toString());
    assertThat(local.exitCode()).as(local.err()).isZero();
    assertThat(RunDiff.between(Database.openReadOnly(db), 2, 1)).isEmpty();
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
      return Cli.count(db, "select count(*) from trials where run_id = 1");
    } catch (SQLException notYet) {
      return 0;
    }
  }
}
