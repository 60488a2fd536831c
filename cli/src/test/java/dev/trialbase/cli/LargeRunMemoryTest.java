package dev.trialbase.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trialbase.store.Database;
import java.io.BufferedReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code resume}, {@code export} and {@code RunDiff} (what {@code reproduce} compares with) on
 * a run of {@value #TRIALS} trials, each in a child JVM whose heap (16 MB) cannot hold
 * the run: they read and write trials as streams (issue 17, item 20). Before, each loaded the
 * whole run (trial views, export rows, maps of fold scores) and ran out of memory.
 *
 * <p>The run is made fast: a real 10-trial run of the {@code noop} estimator, then its trials
 * copied by SQL up to {@value #TRIALS}, its plan raised to match and a few trials removed, so
 * that resuming it has real trials to run.
 */
class LargeRunMemoryTest {

  static final int TRIALS = 50_000;
  /** The child JVM's options: a heap far smaller than the run, C1 only as the launcher uses. */
  static final List<String> JVM = List.of("-Xmx16m", "-XX:TieredStopAtLevel=1");
  /** The trials removed from the stored run: resume runs them again. */
  static final List<Long> MISSING = List.of(5L, 25_000L, 25_001L, 49_998L, 49_999L);

  @TempDir
  Path dir;

  private Path db;

  @BeforeEach
  void largeInterruptedRun() {
    Path spec = TinyExperiment.write(dir.resolve("data"), """
        {
          "experiment": "large",
          "data": {"train": "train.csv", "test": "test.csv", "target": "y"},
          "estimator": {"name": "noop"},
          "strategy": {"name": "random"},
          "space": {"x": {"type": "float", "low": 0.001, "high": 1000, "log": true},
                    "y": {"type": "int", "low": 1, "high": 9}, "c": ["a b", "c,d", null]},
          "trials": 10, "folds": 2, "metrics": ["accuracy", "roc_auc"], "seed": 7
        }
        """);
    db = dir.resolve("large.db");
    CliRunner.Result r = TinyExperiment.cli("run", spec.toString(), "--db", db.toString(),
        "--no-progress");
    assertThat(r.exitCode()).as(r.err()).isZero();
    try (Handle h = Database.open(db).jdbi().open()) {
      h.useTransaction(t -> {
        String numbers = "with recursive s(n) as (select 10 union all select n + 1 from s "
            + "where n < " + (TRIALS - 1) + ") ";
        t.execute(numbers + """
            insert into trials (run_id, number, status, objective, started_at, ended_at,
              duration_ms, error_class, error_message)
            select 1, s.n, t.status, t.objective, t.started_at, t.ended_at, t.duration_ms,
              t.error_class, t.error_message
            from s join trials t on t.run_id = 1 and t.number = s.n % 10""");
        t.execute(numbers + """
            insert into params (run_id, trial_number, name, position, type, value_text,
              value_num)
            select 1, s.n, p.name, p.position, p.type, p.value_text, p.value_num
            from s join params p on p.run_id = 1 and p.trial_number = s.n % 10""");
        t.execute(numbers + """
            insert into trial_metrics (run_id, trial_number, metric, mean, std, fold_scores)
            select 1, s.n, m.metric, m.mean, m.std, m.fold_scores
            from s join trial_metrics m on m.run_id = 1 and m.trial_number = s.n % 10""");
        for (String table : List.of("params", "trial_metrics")) {
          t.execute("delete from " + table + " where run_id = 1 and trial_number in ("
              + join(MISSING) + ")");
        }
        t.execute("delete from trials where run_id = 1 and number in (" + join(MISSING) + ")");
        t.execute("delete from test_metrics where run_id = 1");
        t.execute("update runs set status = 'interrupted', planned_trials = ?, spec_json = "
            + "replace(spec_json, '\"trials\":10,', '\"trials\":" + TRIALS + ",') where id = 1",
            TRIALS);
      });
    }
  }

  @Test
  void resumeExportAndRunDiffStreamARunTooLargeForTheirHeap() throws Exception {
    Child resume = child(List.of("resume", "1", "--db", db.toString(), "--plugins",
        TinyExperiment.TEST_PLUGINS.toString(), "--no-progress"), null);
    assertThat(resume.exit()).as(resume.output()).isZero();
    assertThat(resume.output()).contains("run 1 complete: " + TRIALS + " trials, 0 failed");

    Path csv = dir.resolve("export.csv");
    Child export = child(List.of("export", "1", "--db", db.toString(), "--out", csv.toString()),
        null);
    assertThat(export.exit()).as(export.output()).isZero();
    assertThat(export.output()).contains("wrote " + TRIALS + " trials of run 1");
    List<String> head = new ArrayList<>();
    long lines = 0;
    try (BufferedReader in = Files.newBufferedReader(csv)) {
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        if (head.size() < 3) {
          head.add(line);
        }
        lines++;
      }
    }
    assertThat(lines).isEqualTo(TRIALS + 1);
    assertThat(head.get(0)).startsWith("number,status,duration_ms,param_x,param_y,param_c,"
        + "params,mean_test_accuracy,std_test_accuracy,rank_test_accuracy,split0_test_accuracy,"
        + "split1_test_accuracy,mean_test_roc_auc");
    assertThat(head.get(1)).startsWith("0,complete,");

    Path json = dir.resolve("export.json");
    Child exportJson = child(List.of("export", "1", "--db", db.toString(), "--format", "json",
        "--out", json.toString()), null);
    assertThat(exportJson.exit()).as(exportJson.output()).isZero();
    assertThat(exportJson.output()).contains("wrote " + TRIALS + " trials of run 1");

    // Run 2: a copy of run 1 with one fold score changed, as a reproduction that differs.
    try (Handle h = Database.open(db).jdbi().open()) {
      h.useTransaction(t -> {
        for (String table : List.of("runs", "trials", "params", "trial_metrics",
            "test_metrics")) {
          // Every table's first column is the run's id.
          List<String> columns = t.createQuery("select name from pragma_table_info(:t)")
              .bind("t", table).mapTo(String.class).list();
          String rest = String.join(", ", columns.subList(1, columns.size()));
          t.execute("insert into " + table + " select 2, " + rest + " from " + table
              + " where " + columns.get(0) + " = 1");
        }
        t.execute("update trial_metrics set fold_scores = '[0.25,0.75]' where run_id = 2 "
            + "and trial_number = 37777 and metric = 'accuracy'");
      });
    }
    Child diff = child(List.of(db.toString(), "1", "2"), DiffProbe.class.getName());
    assertThat(diff.exit()).as(diff.output()).isZero();
    assertThat(diff.output()).startsWith("2 differences")
        .contains("trial 37777: accuracy fold 0: ").contains("trial 37777: accuracy fold 1: ");
  }

  private record Child(int exit, String output) {
  }

  /** Runs the CLI ({@code mainClass} null) or {@code mainClass} in a JVM of {@link #JVM}. */
  private Child child(List<String> args, String mainClass) throws Exception {
    Path log = Files.createTempFile(dir, "child", ".log");
    Process p;
    if (mainClass == null) {
      p = ChildProcess.start(log, JVM, args.toArray(String[]::new));
    } else {
      List<String> command = new ArrayList<>();
      command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
      command.addAll(JVM);
      command.addAll(List.of("-cp", System.getProperty("java.class.path"), mainClass));
      command.addAll(args);
      p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile())
          .start();
    }
    if (!p.waitFor(120, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("timed out: " + args + "\n" + Files.readString(log));
    }
    return new Child(p.exitValue(), Files.readString(log));
  }

  private static String join(List<Long> numbers) {
    return String.join(", ", numbers.stream().map(String::valueOf).toList());
  }
}
