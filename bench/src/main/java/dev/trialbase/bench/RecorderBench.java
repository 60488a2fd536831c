package dev.trialbase.bench;

import dev.trialbase.api.ParamSet;
import dev.trialbase.store.Database;
import dev.trialbase.store.NewRun;
import dev.trialbase.store.RunRecorder;
import dev.trialbase.store.StoredTrial;
import dev.trialbase.store.TrialRecord;
import dev.trialbase.store.TrialStatus;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The store alone: {@link RunRecorder#recordTrials} with noop-shaped trials (4 parameters, 6
 * metrics on 5 folds) in groups of 1, 2, 16 and 256 per transaction. Shows what a commit costs
 * and what the rows cost, apart from the engine. Then {@link RunRecorder#recordStored} with
 * trials already in their stored form, as the engine's workers hand them over: what the
 * writing thread itself spends per trial.
 */
final class RecorderBench {

  /**
   * @param floor true for rows made inside SQLite by one statement per table (no JDBC per row)
   * @param stored true for trials put in their stored form before the clock starts
   */
  record Point(int group, boolean floor, boolean stored, double microsPerTrial) {
  }

  private RecorderBench() {
  }

  static List<Point> run(Path work, int trials) {
    List<Point> points = new ArrayList<>();
    List<String> metrics = List.of("accuracy", "precision", "recall", "f1", "roc_auc", "log_loss");
    for (int round = 0; round < 2; round++) {
      points.clear();
      for (int group : new int[] {1, 2, 16, 256}) {
        Database db = Database.open(work.resolve("recorder-" + round + "-" + group + ".db"));
        points.add(new Point(group, false, false, recordTrials(db, trials, group, metrics)));
      }
      points.add(new Point(256, false, true, stored(work.resolve("recorder-stored-" + round
          + ".db"), trials, 256, metrics)));
      Database db = Database.open(work.resolve("recorder-floor-" + round + ".db"));
      points.add(new Point(256, true, false, floor(db, trials, 256)));
    }
    return points;
  }

  /**
   * Microseconds per trial for {@link RunRecorder#recordTrials} of {@code trials} noop-shaped
   * trials into {@code db}, {@code group} per transaction.
   */
  static double recordTrials(Database db, int trials, int group, List<String> metrics) {
    try (RunRecorder recorder = new RunRecorder(db)) {
      long runId = recorder.beginRun(new NewRun("bench-recorder", "random", "noop", 1, 5,
          "accuracy", true, (long) trials, "{}", "spec.json", "train.csv", "00", null, null,
          "[]", "0.1.0", "jvm", "os", "host", 1, Instant.now(), "classification", "class",
          null, null));
      long start = System.nanoTime();
      List<TrialRecord> batch = new ArrayList<>();
      for (int n = 0; n < trials; n++) {
        batch.add(trial(n, metrics));
        if (batch.size() == group) {
          recorder.recordTrials(runId, batch);
          batch = new ArrayList<>();
        }
      }
      recorder.recordTrials(runId, batch);
      return (System.nanoTime() - start) / 1e3 / trials;
    }
  }

  /**
   * The same rows (a trial, 4 parameters, 6 metric rows with their 5 packed fold scores) made by SQLite itself from
   * a recursive CTE, one statement per table and transaction: what SQLite's B-trees, indexes
   * and foreign-key checks cost for a trial, without any per-row work in Java or JDBC.
   */
  static double floor(Database db, int trials, int group) {
    String numbers = "with recursive n(i) as (select :from union all select i + 1 from n "
        + "where i < :to) ";
    String metrics = "(select 'accuracy' as m union all select 'precision' union all select "
        + "'recall' union all select 'f1' union all select 'roc_auc' union all select 'log_loss')";
    String params = "(select 'x' as name, 0 as pos, 'float' as type, '0.5' as t, 0.5 as v "
        + "union all select 'y', 1, 'int', '3', 3.0 union all select 'z', 2, 'float', '0.25', "
        + "0.25 union all select 'c', 3, 'string', 'lbfgs', null)";
    List<String> statements = List.of(
        numbers + "insert into trials (run_id, number, status, objective, started_at, ended_at,"
            + " duration_ms) select :run, i, 'complete', 0.52, '2024-03-01T10:00:00.000400Z',"
            + " '2024-03-01T10:00:00.000420Z', 0.02 from n",
        numbers + "insert into params (run_id, trial_number, name, position, type, value_text,"
            + " value_num) select :run, i, p.name, p.pos, p.type, p.t, p.v from n cross join "
            + params + " p",
        numbers + "insert into trial_metrics (run_id, trial_number, metric, mean, std, "
            + "fold_scores) select :run, i, m.m, 0.52, 0.0158, "
            + "'[0.5,0.51,0.52,0.53,0.54]' from n cross join " + metrics + " m");
    try (RunRecorder recorder = new RunRecorder(db)) {
      long runId = recorder.beginRun(new NewRun("bench-floor", "random", "noop", 1, 5,
          "accuracy", true, (long) trials, "{}", "spec.json", "train.csv", "00", null, null,
          "[]", "0.1.0", "jvm", "os", "host", 1, Instant.now(), "classification", "class",
              null, null));
      long start = System.nanoTime();
      for (int from = 0; from < trials; from += group) {
        int first = from;
        int last = Math.min(trials, from + group) - 1;
        db.jdbi().useTransaction(h -> {
          for (String sql : statements) {
            h.createUpdate(sql).bind("from", first).bind("to", last).bind("run", runId)
                .execute();
          }
        });
      }
      return (System.nanoTime() - start) / 1e3 / trials;
    }
  }

  /** Trials made into their stored form first (as on the engine's workers), then timed. */
  private static double stored(Path file, int trials, int group, List<String> metrics) {
    List<StoredTrial> all = new ArrayList<>(trials);
    for (int n = 0; n < trials; n++) {
      all.add(StoredTrial.of(trial(n, metrics)));
    }
    Database db = Database.open(file);
    try (RunRecorder recorder = new RunRecorder(db)) {
      long runId = recorder.beginRun(new NewRun("bench-stored", "random", "noop", 1, 5,
          "accuracy", true, (long) trials, "{}", "spec.json", "train.csv", "00", null, null,
          "[]", "0.1.0", "jvm", "os", "host", 1, Instant.now(), "classification", "class",
          null, null));
      long start = System.nanoTime();
      for (int from = 0; from < trials; from += group) {
        recorder.recordStored(runId, all.subList(from, Math.min(trials, from + group)));
      }
      return (System.nanoTime() - start) / 1e3 / trials;
    }
  }

  private static TrialRecord trial(long n, List<String> metrics) {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("x", 0.001 * n);
    p.put("y", n);
    p.put("z", 0.5);
    p.put("c", "lbfgs");
    double[][] values = new double[metrics.size()][5];
    for (double[] row : values) {
      for (int k = 0; k < 5; k++) {
        row[k] = 0.5 + 0.01 * k;
      }
    }
    Instant now = Instant.now();
    return new TrialRecord(n, TrialStatus.COMPLETE, ParamSet.of(p), now, now, metrics, values,
        0.52, null, null);
  }

  static Report report(List<Point> points) {
    Report report = new Report();
    for (Point p : points) {
      report.info("store", p.floor()
              ? "SQLite alone: the same rows made inside SQLite, " + p.group() + " trials per transaction"
              : p.stored()
              ? "recordStored (trials already in stored form, as from the workers), "
                  + p.group() + " per transaction"
              : "recordTrials, " + p.group() + " trial(s) per transaction",
          Report.num(p.microsPerTrial(), 1) + " µs per trial");
    }
    return report;
  }
}
