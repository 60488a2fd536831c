package dev.trialbase.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trialbase.store.Database;
import dev.trialbase.store.RunDiff;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Same spec and seed give bit-identical runs, whatever the number of parallel trials. */
class ReproducibilityTest {

  @TempDir
  Path dir;

  @Test
  void jobsOneAndJobsTwoStoreIdenticalParametersAndFoldScores() {
    Path db = dir.resolve("jobs.db");
    String spec = CliRunner.EXAMPLES.resolve("titanic/random.json").toString();
    assertThat(CliRunner.run("run", spec, "--db", db.toString(), "--jobs", "1").exitCode())
        .isZero();
    assertThat(CliRunner.run("run", spec, "--db", db.toString(), "--jobs", "2").exitCode())
        .isZero();

    List<RunDiff.Difference> differences = RunDiff.between(Database.openReadOnly(db), 1, 2);

    assertThat(differences).isEmpty();
  }

  /**
   * TPE with the median pruner over Weka's logistic regression: two parallel trials store the
   * same trials as one — every parameter, fold score, pruning decision and reason — and no
   * pruned trial is the best.
   */
  @Test
  void prunedTpeRunsAreIdenticalWithOneAndTwoJobs() throws Exception {
    Path data = dir.resolve("tpe");
    Files.createDirectories(data);
    for (String f : List.of("tpe.json", "train.csv", "test.csv")) {
      Files.copy(CliRunner.EXAMPLES.resolve("titanic").resolve(f), data.resolve(f));
    }
    Path spec = Files.writeString(data.resolve("tpe.json"),
        Files.readString(data.resolve("tpe.json")).replace("\"trials\": 50", "\"trials\": 30"));
    Path db = dir.resolve("tpe.db");
    CliRunner.Result one = CliRunner.run("run", spec.toString(), "--db", db.toString(),
        "--jobs", "1");
    assertThat(one.exitCode()).as(one.err()).isZero();
    assertThat(one.out()).containsPattern("30 trials, 0 failed, [1-9]\\d* pruned");
    CliRunner.Result two = CliRunner.run("run", spec.toString(), "--db", db.toString(),
        "--jobs", "2");
    assertThat(two.exitCode()).as(two.err()).isZero();

    assertThat(RunDiff.between(Database.openReadOnly(db), 1, 2)).isEmpty();
    try (var h = Database.openReadOnly(db).jdbi().open()) {
      assertThat(h.createQuery("select count(*) from trials t join fold_metrics f on "
              + "f.run_id = t.run_id and f.trial_number = t.number and f.metric = 'accuracy' "
              + "where t.status = 'pruned' and t.error_message like 'median pruner:%' "
              + "group by t.run_id, t.number having count(*) < 5")
          .mapTo(Long.class).list()).as("pruned trials keep fewer folds and their reason")
          .isNotEmpty();
      assertThat(h.createQuery("select count(*) from runs r join trials t on t.run_id = r.id "
              + "and t.number = r.best_trial where t.status <> 'complete'")
          .mapTo(Long.class).one()).as("a pruned trial is never the best").isZero();
    }
    CliRunner.Result reproduced = CliRunner.run("reproduce", "1", "--db", db.toString(),
        "--jobs", "2");
    assertThat(reproduced.out()).startsWith("identical: run 3 repeats run 1");
  }

  /**
   * RandomForest through the generic Weka estimator, some trials with Weka's own threads
   * (numExecutionSlots 2): --jobs 1 and --jobs 2 store the same fold scores bit for bit, and
   * reproduce says identical.
   */
  @Test
  void wekaRandomForestIsIdenticalWithJobsOneAndTwoAndWekasOwnThreads() throws Exception {
    Path spec = Files.writeString(dir.resolve("forest.json"), """
        {
          "data": {"train": "%s", "positive": "bad"},
          "estimator": {"name": "weka", "params": {"class": "RandomForest"}},
          "strategy": {"name": "random"},
          "space": {
            "numIterations": {"type": "int", "low": 5, "high": 10},
            "numExecutionSlots": [1, 2],
            "maxDepth": [0, 4]
          },
          "trials": 3,
          "folds": 3,
          "seed": 5
        }
        """.formatted(CliRunner.EXAMPLES.resolve("weka/credit-g.arff").toString()
        .replace('\\', '/')));
    Path db = dir.resolve("forest.db");
    assertThat(CliRunner.run("run", spec.toString(), "--db", db.toString(), "--jobs", "1")
        .exitCode()).isZero();
    assertThat(CliRunner.run("run", spec.toString(), "--db", db.toString(), "--jobs", "2")
        .exitCode()).isZero();

    assertThat(RunDiff.between(Database.openReadOnly(db), 1, 2)).isEmpty();
    CliRunner.Result r = CliRunner.run("reproduce", "2", "--db", db.toString(), "--jobs", "2");
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out()).startsWith("identical:");
  }

  @Test
  void theDefaultJobsIsTheProcessorCountAndStoresWhatJobsOneStores() {
    Path db = dir.resolve("default-jobs.db");
    String spec = CliRunner.EXAMPLES.resolve("titanic/random.json").toString();
    assertThat(ExecutionOptions.defaultJobs())
        .isEqualTo(Runtime.getRuntime().availableProcessors());
    picocli.CommandLine.ParseResult parsed =
        Main.commandLine(new Main(), new String[] {"run", spec}).parseArgs("run", spec);
    RunCommand run = (RunCommand) parsed.subcommand().commandSpec().userObject();
    assertThat(run.execution.jobs()).isEqualTo(ExecutionOptions.defaultJobs());

    assertThat(CliRunner.run("run", spec, "--db", db.toString()).exitCode()).isZero();
    assertThat(CliRunner.run("run", spec, "--db", db.toString(), "--jobs", "1").exitCode())
        .isZero();

    // Parameters, every fold score and the test scores, value by value.
    assertThat(RunDiff.between(Database.openReadOnly(db), 1, 2)).isEmpty();
  }

  @Test
  void reproduceReportsIdenticalAndExitsZero() {
    Path db = dir.resolve("reproduce.db");
    String spec = CliRunner.EXAMPLES.resolve("titanic/random.json").toString();
    assertThat(CliRunner.run("run", spec, "--db", db.toString(), "--jobs", "2").exitCode())
        .isZero();

    CliRunner.Result r = CliRunner.run("reproduce", "1", "--db", db.toString());

    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out()).startsWith("identical: run 2 repeats run 1");
    assertThat(r.err()).doesNotContain("warning");
  }

  @Test
  void reproduceWarnsAboutChangedDataAndReportsTheDifference() throws Exception {
    Path data = dir.resolve("titanic");
    Files.createDirectories(data);
    for (String f : List.of("random.json", "train.csv", "test.csv")) {
      Files.copy(CliRunner.EXAMPLES.resolve("titanic").resolve(f), data.resolve(f));
    }
    String spec = Files.readString(data.resolve("random.json")).replace("\"trials\": 100",
        "\"trials\": 10");
    Files.writeString(data.resolve("random.json"), spec);
    Path db = dir.resolve("changed.db");
    assertThat(CliRunner.run("run", data.resolve("random.json").toString(), "--db",
        db.toString()).exitCode()).isZero();
    // Flip the label of the first training row.
    List<String> lines = Files.readAllLines(data.resolve("train.csv"));
    String first = lines.get(1);
    lines.set(1, first.substring(0, first.length() - 1) + (first.endsWith("0") ? "1" : "0"));
    Files.write(data.resolve("train.csv"), lines);

    CliRunner.Result r = CliRunner.run("reproduce", "1", "--db", db.toString());

    assertThat(r.exitCode()).isEqualTo(ExitCode.DIFFERENT);
    assertThat(r.err()).contains("warning: training data").contains("changed: SHA-256");
    assertThat(r.out()).startsWith("different: run 2 differs from run 1")
        .containsPattern("trial \\d+: \\w+ fold \\d: [0-9.]+ vs [0-9.]+ \\(difference");
  }
}
