package dev.trialbase.cli;

import static dev.trialbase.cli.StoredRows.countSoFar;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.trialbase.store.Database;
import dev.trialbase.store.RunDiff;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real processes against a real database file: a run killed with SIGKILL keeps its committed
 * trials and resumes to the same result as an uninterrupted run; four processes write one
 * database at once without losing a trial.
 */
class CrashAndConcurrencyTest {

  private static final JsonMapper JSON = new JsonMapper();

  @TempDir
  Path dir;

  @Test
  void aRunKilledMidwayResumesToTheUninterruptedResult() throws Exception {
    Path spec = TinyExperiment.cpuSpec(dir, "crash", 200);
    Path db = dir.resolve("crash.db");
    Process child = ChildProcess.start(dir.resolve("child.log"), "run", spec.toString(),
        "--db", db.toString(), "--no-progress", "--plugins", TinyExperiment.TEST_PLUGINS.toString());
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (countSoFar(db, "select count(*) from trials") < 30) {
      assertThat(child.isAlive()).as("the run ended before it could be killed: "
          + Files.readString(dir.resolve("child.log"))).isTrue();
      assertThat(System.nanoTime()).as("no trials within 60 s").isLessThan(deadline);
      Thread.sleep(20);
    }
    child.destroyForcibly(); // SIGKILL
    assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
    long kept = countSoFar(db, "select count(*) from trials");
    assertThat(kept).isBetween(30L, 199L);

    JsonNode runs = JSON.readTree(CliRunner.run("runs", "--db", db.toString(), "--format",
        "json").out());
    assertThat(runs.get(0).get("status").asText()).isEqualTo("interrupted");

    CliRunner.Result resumed = TinyExperiment.cli("resume", "1", "--db", db.toString());
    assertThat(resumed.exitCode()).as(resumed.err()).isZero();
    assertThat(resumed.out()).contains("run 1 complete: 200 trials");

    assertThat(TinyExperiment.cli("run", spec.toString(), "--db", db.toString()).exitCode()).isZero();
    assertThat(RunDiff.between(Database.openReadOnly(db), 1, 2)).isEmpty();
    assertThat(countSoFar(db, "select count(*) from trials where run_id = 1")).isEqualTo(200);
    assertThat(countSoFar(db, "select count(*) from runs where best_trial is not null "
        + "group by best_trial")).isEqualTo(2);
  }

  /**
   * TPE with the median pruner, killed with SIGKILL while running two trials at a time and
   * resumed with one: the same trials, fold scores and pruning decisions as a run that was
   * never interrupted (the resumed run rebuilds the pruner's history from the stored folds).
   */
  @Test
  void aPrunedTpeRunKilledMidwayResumesToTheUninterruptedResult() throws Exception {
    Path spec = tpeSpec(48);
    Path db = dir.resolve("crash-tpe.db");
    Process child = ChildProcess.start(dir.resolve("tpe.log"), "run", spec.toString(),
        "--db", db.toString(), "--no-progress", "--jobs", "2");
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    while (countSoFar(db, "select count(*) from trials") < 20) {
      assertThat(child.isAlive()).as("the run ended before it could be killed: "
          + Files.readString(dir.resolve("tpe.log"))).isTrue();
      assertThat(System.nanoTime()).as("no trials within 120 s").isLessThan(deadline);
      Thread.sleep(10);
    }
    child.destroyForcibly(); // SIGKILL
    assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(countSoFar(db, "select count(*) from trials")).isBetween(20L, 47L);

    CliRunner.Result resumed = CliRunner.run("resume", "1", "--db", db.toString(), "--jobs", "1");
    assertThat(resumed.exitCode()).as(resumed.err()).isZero();
    assertThat(CliRunner.run("run", spec.toString(), "--db", db.toString()).exitCode()).isZero();

    assertThat(RunDiff.between(Database.openReadOnly(db), 1, 2)).isEmpty();
    assertThat(countSoFar(db, "select count(*) from trials where run_id = 1 and status = 'pruned'"))
        .as("some trials were pruned").isPositive();
  }

  @Test
  void ctrlCStopsCleanlyMarksTheRunInterruptedAndResumeCompletesIt() throws Exception {
    Path spec = TinyExperiment.cpuSpec(dir, "crash", 200);
    Path db = dir.resolve("stop.db");
    Process child = ChildProcess.start(dir.resolve("stopped.log"), "run", spec.toString(),
        "--db", db.toString(), "--no-progress", "--jobs", "2", "--plugins",
        TinyExperiment.TEST_PLUGINS.toString());
    while (countSoFar(db, "select count(*) from trials") < 20) {
      assertThat(child.isAlive()).as(Files.readString(dir.resolve("stopped.log"))).isTrue();
      Thread.sleep(20);
    }
    child.destroy(); // SIGTERM: the same shutdown path as Ctrl-C's SIGINT
    assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();

    assertThat(Files.readString(dir.resolve("stopped.log")))
        .contains("stopping: finishing the trials in flight");
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("select status, error from runs where id = 1")) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getString(1)).isEqualTo("interrupted");
      assertThat(rs.getString(2)).contains("stopped on request");
    }
    // Every stored trial is whole: complete ones have all their fold scores.
    assertThat(countSoFar(db, """
        select count(*) from trials t where t.status = 'complete' and (select count(*)
          from fold_metrics f where f.run_id = t.run_id and f.trial_number = t.number) <> 30
        """)).isZero();

    assertThat(TinyExperiment.cli("resume", "1", "--db", db.toString()).exitCode()).isZero();
    assertThat(TinyExperiment.cli("run", spec.toString(), "--db", db.toString()).exitCode()).isZero();
    assertThat(RunDiff.between(Database.openReadOnly(db), 1, 2)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"thread", "process"})
  void aSecondCtrlCAbortsWithinTwoSecondsThoughTheTrialsIgnoreInterrupts(String isolation)
      throws Exception {
    // Trial 0 completes; trial 1 busy-loops and never ends by itself.
    String spec = TinyExperiment.SPEC.replace("{\"name\": \"noop\"}", "{\"name\": \"faulty\"}")
        .replace("\"x\": [1, 2, 3]", "\"mode\": [\"ok\", \"spin\"]");
    Path file = TinyExperiment.write(dir.resolve("abort-" + isolation), spec);
    Path db = dir.resolve("abort-" + isolation + ".db");
    Path log = dir.resolve("abort-" + isolation + ".log");
    Process child = ChildProcess.start(log, "run", file.toString(), "--db", db.toString(),
        "--no-progress", "--jobs", "2", "--isolation", isolation, "--plugins",
        TinyExperiment.TEST_PLUGINS.toString());
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (countSoFar(db, "select count(*) from trials where status = 'complete'") < 1) {
      assertThat(child.isAlive()).as(Files.readString(log)).isTrue();
      assertThat(System.nanoTime()).as("trial 0 within 60 s").isLessThan(deadline);
      Thread.sleep(20);
    }
    Thread.sleep(300); // trial 1 is spinning now

    signal(child, "INT");
    assertThat(child.waitFor(1, TimeUnit.SECONDS))
        .as("the first Ctrl-C waits for the trials in flight").isFalse();
    List<ProcessHandle> workers = child.descendants().toList();
    assertThat(workers).as("worker processes").hasSize(isolation.equals("process") ? 2 : 0);
    signal(child, "INT");
    assertThat(child.waitFor(2, TimeUnit.SECONDS)).as("ended 2 s after the second Ctrl-C")
        .isTrue();

    assertThat(child.exitValue()).as(Files.readString(log)).isEqualTo(130);
    assertThat(Files.readString(log)).contains("stopping: finishing the trials in flight")
        .contains("aborting: the run is stored as interrupted");
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("select status, error from runs where id = 1")) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getString(1)).isEqualTo("interrupted");
      assertThat(rs.getString(2)).contains("aborted on request").contains("trialbase resume 1");
    }
    assertThat(countSoFar(db, "select count(*) from trials")).as("only trial 0 was stored")
        .isEqualTo(1);
    // Worker processes end with the run (killed by the abort, or ending themselves when they
    // see the run gone).
    long workersGone = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
    while (workers.stream().anyMatch(ProcessHandle::isAlive) && System.nanoTime() < workersGone) {
      Thread.sleep(50);
    }
    assertThat(workers.stream().filter(ProcessHandle::isAlive).count())
        .as("processes left behind").isZero();
  }

  @Test
  void aPluginsSystemExitOnATrialThreadLeavesTheRunInterruptedAndExits1() throws Exception {
    String spec = TinyExperiment.SPEC.replace("{\"name\": \"noop\"}", "{\"name\": \"faulty\"}")
        .replace("\"x\": [1, 2, 3]", "\"mode\": [\"ok\", \"exit\"]");
    Path file = TinyExperiment.write(dir.resolve("exit"), spec);
    Path db = dir.resolve("exit.db");
    Path log = dir.resolve("exit.log");
    Process child = ChildProcess.start(log, "run", file.toString(), "--db", db.toString(),
        "--no-progress", "--jobs", "1", "--isolation", "thread", "--plugins",
        TinyExperiment.TEST_PLUGINS.toString());
    assertThat(child.waitFor(60, TimeUnit.SECONDS)).as("ends without waiting").isTrue();

    assertThat(child.exitValue()).as(Files.readString(log)).isEqualTo(1);
    assertThat(Files.readString(log)).contains("error: the JVM was told to exit during the run");
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("select status from runs where id = 1")) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getString(1)).isEqualTo("interrupted");
    }
  }

  @Test
  void aSigtermStopsTheRunAndExitsWith143() throws Exception {
    Path spec = TinyExperiment.cpuSpec(dir, "crash", 200);
    Path db = dir.resolve("term.db");
    Path log = dir.resolve("term.log");
    Process child = ChildProcess.start(log, "run", spec.toString(), "--db", db.toString(),
        "--no-progress", "--plugins", TinyExperiment.TEST_PLUGINS.toString());
    while (countSoFar(db, "select count(*) from trials") < 5) {
      assertThat(child.isAlive()).as(Files.readString(log)).isTrue();
      Thread.sleep(20);
    }
    signal(child, "TERM");
    assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(child.exitValue()).as(Files.readString(log)).isEqualTo(143);
    assertThat(Files.readString(log)).contains("trialbase resume 1");
  }

  @Test
  void twoResumesAtOnceOneProceedsAndTheOtherIsRefusedInOneLine() throws Exception {
    Path spec = TinyExperiment.cpuSpec(dir, "crash", 200);
    Path db = dir.resolve("twice.db");
    Process stopped = ChildProcess.start(dir.resolve("twice-0.log"), "run", spec.toString(),
        "--db", db.toString(), "--no-progress", "--plugins",
        TinyExperiment.TEST_PLUGINS.toString());
    while (countSoFar(db, "select count(*) from trials") < 10) {
      assertThat(stopped.isAlive()).as(Files.readString(dir.resolve("twice-0.log"))).isTrue();
      Thread.sleep(20);
    }
    signal(stopped, "TERM");
    assertThat(stopped.waitFor(60, TimeUnit.SECONDS)).isTrue();

    List<Process> resumes = new ArrayList<>();
    for (String name : List.of("twice-a.log", "twice-b.log")) {
      resumes.add(ChildProcess.start(dir.resolve(name), "resume", "1", "--db", db.toString(),
          "--no-progress", "--jobs", "1", "--plugins", TinyExperiment.TEST_PLUGINS.toString()));
    }
    for (Process p : resumes) {
      assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
    }
    List<Integer> codes = resumes.stream().map(Process::exitValue).sorted().toList();
    String logs = Files.readString(dir.resolve("twice-a.log")) + "\n---\n"
        + Files.readString(dir.resolve("twice-b.log"));
    assertThat(codes).as(logs).containsExactly(0, 10);
    String refused = Files.readString(dir.resolve(
        resumes.get(0).exitValue() == 10 ? "twice-a.log" : "twice-b.log"));
    assertThat(refused.lines().toList()).as(logs).hasSize(1);
    assertThat(refused).startsWith("error: run 1 is being run by process ");

    assertThat(TinyExperiment.cli("run", spec.toString(), "--db", db.toString()).exitCode())
        .isZero();
    assertThat(RunDiff.between(Database.openReadOnly(db), 1, 2)).isEmpty();
  }

  /** Sends {@code signal} (INT, TERM) to {@code process}, as a shell's Ctrl-C or kill does. */
  private static void signal(Process process, String signal) throws Exception {
    Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(process.pid()))
        .inheritIO().start();
    assertThat(kill.waitFor(10, TimeUnit.SECONDS)).isTrue();
    assertThat(kill.exitValue()).isZero();
  }

  @Test
  void fourProcessesWriteOneDatabaseWithoutLosingATrial() throws Exception {
    Path spec = TinyExperiment.cpuSpec(dir, "crash", 60);
    Path db = dir.resolve("shared.db");
    List<Process> children = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      children.add(ChildProcess.start(dir.resolve("writer" + i + ".log"), "run",
          spec.toString(), "--db", db.toString(), "--no-progress", "--plugins",
          TinyExperiment.TEST_PLUGINS.toString()));
    }
    for (int i = 0; i < 4; i++) {
      assertThat(children.get(i).waitFor(120, TimeUnit.SECONDS)).isTrue();
      assertThat(children.get(i).exitValue())
          .as(Files.readString(dir.resolve("writer" + i + ".log"))).isZero();
    }

    assertThat(countSoFar(db, "select count(*) from runs where status = 'complete'")).isEqualTo(4);
    assertThat(countSoFar(db, "select count(*) from trials")).isEqualTo(4 * 60);
    assertThat(countSoFar(db, "select count(*) from trials where error_message like '%lock%'"))
        .isZero();
    Database database = Database.openReadOnly(db);
    for (long run = 2; run <= 4; run++) {
      assertThat(RunDiff.between(database, 1, run)).as("run " + run).isEmpty();
    }
  }

  /** TPE over weka-logistic on the Titanic data with the median pruner, 3 folds. */
  private Path tpeSpec(int trials) throws Exception {
    TinyExperiment.cpuSpec(dir, "crash", 1); // copies the Titanic data beside it
    Path spec = dir.resolve("tpe-" + trials + ".json");
    Files.writeString(spec, """
        {
          "experiment": "crash-tpe",
          "data": { "train": "train.csv", "test": "test.csv", "target": "Survived" },
          "estimator": { "name": "weka-logistic" },
          "strategy": { "name": "tpe", "options": { "startupTrials": 6 } },
          "pruner": { "name": "median", "options": { "startupTrials": 3, "warmupFolds": 0 } },
          "space": {
            "C": { "type": "float", "low": 0.0001, "high": 10000, "log": true },
            "maxIts": { "type": "int", "low": 1, "high": 30, "step": 1 }
          },
          "trials": %d,
          "folds": 3,
          "metrics": ["accuracy"],
          "seed": 11
        }
        """.formatted(trials));
    return spec;
  }
}
