package dev.trialbase.spark;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trialbase.cli.CliRunner;
import dev.trialbase.cli.StoredRows;
import dev.trialbase.cli.TinyExperiment;
import dev.trialbase.store.Database;
import dev.trialbase.store.RunDiff;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --executor spark --master local[2]} with the real CLI, the built plugins and SQLite:
 * the Titanic random search stores exactly what the local executor stores, a fit that throws
 * or hangs is a failed or timed-out trial, and what cannot run on Spark is refused before a
 * run is stored.
 */
class SparkLocalTest {

  private static final Path TITANIC_RANDOM = CliRunner.EXAMPLES.resolve("titanic/random.json");

  @TempDir
  Path dir;

  @Test
  void titanicRandomOnLocal2StoresWhatTheLocalRunStoresAndReproducesLocally() throws Exception {
    Path db = dir.resolve("titanic.db");
    String spec = TITANIC_RANDOM.toString();
    CliRunner.Result local = CliRunner.run("run", spec, "--db", db.toString(), "--no-progress");
    assertThat(local.exitCode()).as(local.err()).isZero();

    CliRunner.Result spark = CliRunner.run("run", spec, "--db", db.toString(), "--no-progress",
        "--executor", "spark", "--master", "local[2]");
    assertThat(spark.exitCode()).as(spark.err()).isZero();
    assertThat(spark.err()).contains("executor: spark, master local[2], 2 trials at a time");
    assertThat(spark.out()).contains("run 2 complete: 100 trials");

    // Parameters, every fold score and the test scores, value by value.
    assertThat(RunDiff.between(Database.openReadOnly(db), 1, 2)).isEmpty();
    assertThat(StoredRows.count(db, "select count(*) from fold_metrics where run_id = 2"))
        .isEqualTo(StoredRows.count(db, "select count(*) from fold_metrics where run_id = 1"))
        .isGreaterThan(100);

    CliRunner.Result again = CliRunner.run("reproduce", "2", "--db", db.toString(),
        "--no-progress");
    assertThat(again.exitCode()).as(again.err()).isZero();
    assertThat(again.out()).startsWith("identical: run 3 repeats run 2 exactly (100 trials");
  }

  @Test
  void aThrowingFitFailsItsTrialAndAHangingOneTimesOutWithItsReason() throws Exception {
    Path specDir = Files.createDirectories(dir.resolve("faulty"));
    TinyExperiment.write(specDir, TinyExperiment.SPEC.replace("\"noop\"", "\"faulty\"")
        .replace("\"x\": [1, 2, 3]", "\"mode\": [\"ok\", \"throw\", \"hang\"]")
        .replace("\"seed\": 7", "\"seed\": 7, \"trialTimeoutSeconds\": 1.5"));
    Path db = dir.resolve("faulty.db");
    CliRunner.Result r = CliRunner.run("run", specDir.resolve("spec.json").toString(), "--db",
        db.toString(), "--no-progress", "--plugins", TinyExperiment.TEST_PLUGINS.toString(),
        "--executor", "spark", "--master", "local[2]");

    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(StoredRows.trials(db, 1)).containsExactly(
        "0 complete null null",
        "1 failed java.lang.IllegalStateException fit failed on purpose",
        "2 timeout java.util.concurrent.TimeoutException trial took longer than "
            + "trialTimeoutSeconds = 1.5 s; its Spark job was cancelled");
  }

  @Test
  void aWrongMasterIsOneErrorLineAndExit11AndStoresNothing() {
    Path db = dir.resolve("none.db");
    CliRunner.Result r = CliRunner.run("run", TITANIC_RANDOM.toString(), "--db", db.toString(),
        "--no-progress", "--executor", "spark", "--master", "nonsense");

    assertThat(r.exitCode()).isEqualTo(11);
    assertThat(r.err().lines().toList()).singleElement().asString()
        .startsWith("error: 'nonsense' is not a Spark master URL");
    assertThat(db).doesNotExist();
  }

  @Test
  void aSpecWithAPrunerIsRefusedBeforeARunIsStored() {
    Path db = dir.resolve("pruner.db");
    CliRunner.Result r = CliRunner.run("run",
        CliRunner.EXAMPLES.resolve("titanic/tpe.json").toString(), "--db", db.toString(),
        "--no-progress", "--executor", "spark", "--master", "local[1]");

    assertThat(r.exitCode()).isEqualTo(3);
    assertThat(r.err()).contains("error: the spec sets a pruner, which --executor spark does "
        + "not support");
    assertThat(db).doesNotExist();
  }
}
