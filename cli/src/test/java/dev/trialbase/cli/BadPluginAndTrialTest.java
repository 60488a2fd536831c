package dev.trialbase.cli;

import static dev.trialbase.cli.StoredRows.count;
import static dev.trialbase.cli.StoredRows.trials;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An estimator that throws, hangs, runs out of memory or refuses its parameters fails only
 * its own trial (a spec with a timeout runs its trials in worker processes, so a hung one is
 * killed), which is stored with its status and reason; the run goes on to the next
 * trial, completes and exits 0, and the runs already in the database keep every row. Uses
 * the test plugin estimator {@code faulty}, whose parameter {@code mode} picks the failure.
 */
class BadPluginAndTrialTest {

  @TempDir
  static Path dir;

  static Path stored;
  static DatabaseSnapshot storedBefore;

  @BeforeAll
  static void storeARealRun() {
    stored = TinyExperiment.populatedDatabase(dir);
    storedBefore = DatabaseSnapshot.of(stored);
  }

  @Test
  void anEstimatorThatThrowsFailsItsTrialWithTheReasonAndTheRunGoesOn() throws SQLException {
    Path db = copyOfStored("throws.db");
    CliRunner.Result r = runFaulty(db, "[\"throw\", \"ok\"]", "");

    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out()).contains("run 2 complete: 2 trials, 1 failed")
        .contains("best trial 1: {mode=ok}");
    assertThat(trials(db, 2)).containsExactly(
        "0 failed java.lang.IllegalStateException fit failed on purpose",
        "1 complete null null");
    assertThat(runStatus(db, 2)).isEqualTo("complete");
    assertEarlierRunKept(db);
  }

  @Test
  void anErrorFromTheEstimatorFailsOnlyItsTrialWithoutATimeoutSet() throws SQLException {
    Path db = copyOfStored("error.db");
    CliRunner.Result r = runFaulty(db, "[\"error\", \"ok\"]", "");

    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out()).contains("run 2 complete: 2 trials, 1 failed");
    assertThat(trials(db, 2)).containsExactly(
        "0 failed java.lang.AssertionError fit failed on purpose",
        "1 complete null null");
    assertEarlierRunKept(db);
  }

  @Test
  void anEstimatorThatHangsIsStoppedByTheTrialTimeoutAndTheRunCompletes() throws SQLException {
    Path db = copyOfStored("hangs.db");
    long start = System.nanoTime();
    CliRunner.Result r = runFaulty(db, "[\"hang\", \"ok\"]", ", \"trialTimeoutSeconds\": 0.5");
    long millis = (System.nanoTime() - start) / 1_000_000;

    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out()).contains("run 2 complete: 2 trials, 1 failed");
    assertThat(trials(db, 2)).containsExactly(
        "0 timeout java.util.concurrent.TimeoutException trial took longer than "
            + "trialTimeoutSeconds = 0.5 s; its worker process was killed",
        "1 complete null null");
    assertThat(millis).as("the hung trial was given up after 0.5 s").isLessThan(10_000);
    assertEarlierRunKept(db);
  }

  @Test
  void aHungTrialDoesNotHoldUpTheOthersWithParallelJobs() throws SQLException {
    Path db = copyOfStored("hangs-jobs.db");
    CliRunner.Result r = runFaulty(db, "[\"ok\", \"hang\", \"throw\"]",
        ", \"trialTimeoutSeconds\": 0.5", "--jobs", "2");

    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(trials(db, 2)).hasSize(3)
        .contains("1 timeout java.util.concurrent.TimeoutException trial took longer than "
            + "trialTimeoutSeconds = 0.5 s; its worker process was killed")
        .contains("2 failed java.lang.IllegalStateException fit failed on purpose");
    assertEarlierRunKept(db);
  }

  @Test
  void anEstimatorThatRunsOutOfMemoryFailsItsTrialAndTheRunSurvives() throws SQLException {
    Path db = copyOfStored("oom.db");
    CliRunner.Result r = runFaulty(db, "[\"oom\", \"ok\"]", "");

    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out()).contains("run 2 complete: 2 trials, 1 failed");
    List<String> trials = trials(db, 2);
    assertThat(trials.get(0)).startsWith("0 failed java.lang.OutOfMemoryError ");
    assertThat(trials.get(1)).isEqualTo("1 complete null null");
    assertEarlierRunKept(db);
  }

  @Test
  void parametersTheEstimatorRefusesFailTheirTrialWithItsMessage() throws SQLException {
    Path db = copyOfStored("invalid.db");
    CliRunner.Result r = runFaulty(db, "[\"invalid\", \"ok\"]", "");

    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(trials(db, 2)).containsExactly(
        "0 failed dev.trialbase.api.InvalidParamsException mode 'invalid' is refused on purpose",
        "1 complete null null");
    assertEarlierRunKept(db);
  }

  @Test
  void whenEveryTrialFailsTheRunIsStoredAndSaysWhereTheReasonsAre() throws SQLException {
    Path db = copyOfStored("all-fail.db");
    CliRunner.Result r = runFaulty(db, "[\"throw\", \"invalid\"]", "");

    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out()).contains("run 2 complete: 2 trials, 2 failed")
        .contains("no trial completed; see 'trialbase trials 2' for reasons");
    CliRunner.Result listed = TinyExperiment.cli("trials", "2", "--db", db.toString(),
        "--format", "csv");
    assertThat(listed.exitCode()).as(listed.err()).isZero();
    assertThat(listed.out()).contains("fit failed on purpose")
        .contains("mode 'invalid' is refused on purpose");
    assertEarlierRunKept(db);
  }

  // --- helpers -----------------------------------------------------------------------------

  private static Path copyOfStored(String name) {
    Path db = dir.resolve(name);
    try {
      java.nio.file.Files.copy(stored, db);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return db;
  }

  /** Grid-searches {@code faulty} over {@code modes} (a JSON list) into {@code db}. */
  private static CliRunner.Result runFaulty(Path db, String modes, String extra,
      String... options) {
    String spec = TinyExperiment.SPEC.replace("{\"name\": \"noop\"}", "{\"name\": \"faulty\"}")
        .replace("\"x\": [1, 2, 3]", "\"mode\": " + modes)
        .replace("\"seed\": 7", "\"seed\": 7" + extra);
    Path file = TinyExperiment.write(dir.resolve(db.getFileName() + "-spec"), spec);
    List<String> args = new ArrayList<>(List.of("run", file.toString(), "--db", db.toString(),
        "--no-progress"));
    args.addAll(List.of(options));
    return TinyExperiment.cli(args.toArray(String[]::new));
  }

  /** Run 1, stored before, still has every row it had, and the file is not damaged. */
  private static void assertEarlierRunKept(Path db) throws SQLException {
    DatabaseSnapshot now = DatabaseSnapshot.of(db);
    assertThat(now.integrity()).isEqualTo("ok");
    for (String table : List.of("trials", "params", "fold_metrics", "trial_metrics",
        "test_metrics")) {
      assertThat(count(db, "select count(*) from " + table + " where run_id = 1"))
          .as(table + " of run 1").isEqualTo(count(stored, "select count(*) from " + table
              + " where run_id = 1"));
    }
    assertThat(runStatus(db, 1)).isEqualTo("complete");
    DatabaseSnapshot.assertUnchanged(stored, storedBefore);
  }

  private static String runStatus(Path db, long run) throws SQLException {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("select status from runs where id = " + run)) {
      return rs.next() ? rs.getString(1) : null;
    }
  }
}
