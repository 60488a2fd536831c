package dev.trialbase.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.trialbase.api.ParamSet;
import dev.trialbase.eval.Summary;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.StringJoiner;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The recorder's multi-row inserts across trials: groups of every size around the statement
 * sizes (1, 4, 16, 64 rows), trials of irregular shapes (no parameters, no metrics, fewer folds,
 * undefined scores, errors) side by side in one group, and a group that fails part-way. What
 * it stores is compared value for value ({@code quote()} of every column, so type and text
 * too) with the same trials written row by row through plain JDBI in a second database.
 */
class RunRecorderGroupsTest {

  private static final List<String> METRICS =
      List.of("accuracy", "precision", "recall", "f1", "roc_auc", "log_loss");
  private static final List<String> NAMES = List.of("C", "max_iter", "solver", "fit", "none",
      "tol", "l1_ratio");
  private static final int[] GROUPS = {1, 2, 3, 4, 5, 15, 16, 17, 63, 64, 65, 100, 257};

  @TempDir
  Path dir;

  @Test
  void groupsOfEverySizeStoreExactlyWhatRowByRowInsertsStore() {
    Random random = new Random(16);
    List<List<TrialRecord>> groups = new ArrayList<>();
    long number = 0;
    for (int size : GROUPS) {
      List<TrialRecord> group = new ArrayList<>();
      for (int i = 0; i < size; i++) {
        group.add(trial(random, number++));
      }
      groups.add(group);
    }
    Database db = Database.open(dir.resolve("recorder.db"));
    Database reference = Database.open(dir.resolve("reference.db"));
    long runId;
    try (RunRecorder recorder = new RunRecorder(db)) {
      runId = recorder.beginRun(StoreTestData.newRun("groups"));
      for (List<TrialRecord> group : groups) {
        recorder.recordTrials(runId, group);
      }
    }
    writeByRows(reference, groups);

    assertSameRows(db, reference);
    assertThat(rows(db, "trials")).hasSize((int) number);
    assertThat(count(db, "select count(*) from params")).isGreaterThan(number);
    assertThat(count(db, "select count(*) from trial_metrics")).isGreaterThan(2 * number);
    assertThat(count(db, "select count(*) from trials where status = 'failed'")).isPositive();
    try (Handle h = db.jdbi().open()) {
      assertThat(h.createQuery("pragma foreign_key_check").mapToMap().list()).isEmpty();
    }
  }

  @Test
  void aGroupThatFailsPartWayLeavesNothingAndTheNextGroupIsStoredWhole() {
    Random random = new Random(7);
    List<TrialRecord> first = new ArrayList<>();
    for (int n = 0; n < 100; n++) {
      first.add(trial(random, n));
    }
    // Trial 170's number is already stored: the group fails on its 71st trial row.
    List<TrialRecord> clashing = new ArrayList<>();
    for (int n = 100; n < 200; n++) {
      clashing.add(trial(random, n == 170 ? 5 : n));
    }
    List<TrialRecord> second = new ArrayList<>();
    for (int n = 100; n < 200; n++) {
      second.add(trial(random, n));
    }
    Database db = Database.open(dir.resolve("recorder.db"));
    try (RunRecorder recorder = new RunRecorder(db)) {
      long runId = recorder.beginRun(StoreTestData.newRun("groups"));
      recorder.recordTrials(runId, first);
      long params = count(db, "select count(*) from params");
      long metrics = count(db, "select count(*) from trial_metrics");

      assertThatThrownBy(() -> recorder.recordTrials(runId, clashing))
          .isInstanceOf(StoreException.class);
      assertThat(count(db, "select count(*) from trials")).isEqualTo(100);
      assertThat(count(db, "select count(*) from params")).isEqualTo(params);
      assertThat(count(db, "select count(*) from trial_metrics")).isEqualTo(metrics);

      recorder.recordTrials(runId, second);
    }
    Database reference = Database.open(dir.resolve("reference.db"));
    writeByRows(reference, List.of(first, second));
    assertSameRows(db, reference);
  }

  @Test
  void aRunBegunAfterTrialsGetsItsOwnId() {
    Database db = Database.open(dir.resolve("recorder.db"));
    try (RunRecorder recorder = new RunRecorder(db)) {
      long first = recorder.beginRun(StoreTestData.newRun("a"));
      recorder.recordTrials(first, List.of(trial(new Random(1), 0), trial(new Random(2), 1)));
      long second = recorder.beginRun(StoreTestData.newRun("b"));
      recorder.recordTrials(second, List.of(trial(new Random(3), 0)));

      assertThat(second).isNotEqualTo(first);
      try (Handle h = db.jdbi().open()) {
        assertThat(h.createQuery("select id from runs order by id").mapTo(Long.class).list())
            .containsExactly(first, second);
        assertThat(h.createQuery("select r.id from runs r join experiments e "
                + "on e.id = r.experiment_id where e.name = 'b'").mapTo(Long.class).one())
            .isEqualTo(second);
        assertThat(h.createQuery("select count(*) from trials where run_id = :r")
            .bind("r", second).mapTo(Long.class).one()).isEqualTo(1);
      }
    }
  }

  /** A trial of a random shape: 0 - 7 parameters of every type, 0 - 6 metrics of 0 - 5 folds. */
  private static TrialRecord trial(Random random, long number) {
    Map<String, Object> params = new LinkedHashMap<>();
    int paramCount = random.nextInt(NAMES.size() + 1);
    for (int p = 0; p < paramCount; p++) {
      Object value = switch (random.nextInt(6)) {
        case 0 -> random.nextDouble() * Math.pow(10, random.nextInt(40) - 20);
        case 1 -> random.nextLong();
        case 2 -> random.nextBoolean();
        case 3 -> null;
        case 4 -> "it's \"l" + random.nextInt(3) + "\" é";
        default -> (double) random.nextInt(5);
      };
      params.put(NAMES.get(p), value);
    }
    Instant start = Instant.ofEpochSecond(1_700_000_000L + random.nextInt(1_000_000),
        random.nextInt(4) == 0 ? 0 : random.nextInt(1_000_000_000));
    Instant end = start.plusNanos(random.nextInt(50_000_000));
    if (random.nextInt(8) == 0) {
      return new TrialRecord(number, TrialStatus.FAILED, ParamSet.of(params), start, end,
          METRICS, new double[0][], Double.NaN, "java.lang.IllegalStateException",
          "fold " + random.nextInt(5) + " failed: it's bad");
    }
    int metricCount = 1 + random.nextInt(METRICS.size());
    int folds = 1 + random.nextInt(5);
    double[][] values = new double[metricCount][];
    for (int m = 0; m < metricCount; m++) {
      // Now and then a metric without scores (no row) or with fewer folds (pruned).
      int scored = random.nextInt(10) == 0 ? 0 : random.nextInt(6) == 0 ? folds - 1 : folds;
      values[m] = new double[Math.max(0, scored)];
      for (int f = 0; f < values[m].length; f++) {
        values[m][f] = random.nextInt(12) == 0 ? Double.NaN
            : random.nextInt(3) == 0 ? random.nextInt(200) / 200.0 : random.nextDouble();
      }
    }
    TrialStatus status = random.nextInt(5) == 0 ? TrialStatus.PRUNED : TrialStatus.COMPLETE;
    double objective = values[0].length == 0 ? Double.NaN : Summary.of(values[0]).mean();
    return new TrialRecord(number, status, ParamSet.of(params), start, end,
        METRICS.subList(0, metricCount), values, objective, null, null);
  }

  /** The rows the recorder should store, one plain insert per row, parents first. */
  private static void writeByRows(Database reference, List<List<TrialRecord>> groups) {
    long runId;
    try (RunRecorder recorder = new RunRecorder(reference)) {
      runId = recorder.beginRun(StoreTestData.newRun("groups"));
    }
    reference.jdbi().useTransaction(h -> {
      for (List<TrialRecord> group : groups) {
        for (TrialRecord t : group) {
          h.createUpdate("insert into trials (run_id, number, status, objective, started_at, "
                  + "ended_at, duration_ms, error_class, error_message) values (?, ?, ?, ?, ?, "
                  + "?, ?, ?, ?)")
              .bind(0, runId).bind(1, t.number()).bind(2, t.status().id())
              .bind(3, finite(t.objective())).bind(4, t.startedAt().toString())
              .bind(5, t.endedAt().toString()).bind(6, t.durationMs())
              .bind(7, t.errorClass()).bind(8, t.errorMessage())
              .execute();
          int position = 0;
          for (Map.Entry<String, Object> p : t.params().asMap().entrySet()) {
            Object v = p.getValue();
            String type = v == null ? "null" : v instanceof Double ? "float"
                : v instanceof Long ? "int" : v instanceof Boolean ? "bool" : "string";
            Double num = null;
            if (v instanceof Double d) {
              num = d;
            } else if (v instanceof Long l) {
              num = l.doubleValue();
            } else if (v instanceof Boolean b) {
              num = b ? 1.0 : 0.0;
            }
            h.createUpdate("insert into params (run_id, trial_number, name, position, type, "
                    + "value_text, value_num) values (?, ?, ?, ?, ?, ?, ?)")
                .bind(0, runId).bind(1, t.number()).bind(2, p.getKey()).bind(3, position++)
                .bind(4, type).bind(5, v == null ? null : String.valueOf(v)).bind(6, num)
                .execute();
          }
          for (int m = 0; m < t.foldValues().length; m++) {
            double[] values = t.foldValues()[m];
            if (values.length == 0) {
              continue;
            }
            StringJoiner json = new StringJoiner(",", "[", "]");
            for (double v : values) {
              json.add(Double.isFinite(v) ? Double.toString(v) : "null");
            }
            Summary summary = Summary.of(values);
            h.createUpdate("insert into trial_metrics (run_id, trial_number, metric, mean, std, "
                    + "fold_scores) values (?, ?, ?, ?, ?, ?)")
                .bind(0, runId).bind(1, t.number()).bind(2, t.metrics().get(m))
                .bind(3, finite(summary.mean())).bind(4, finite(summary.std()))
                .bind(5, json.toString())
                .execute();
          }
        }
      }
    });
  }

  private static Double finite(double v) {
    return Double.isFinite(v) ? v : null;
  }

  private static void assertSameRows(Database db, Database reference) {
    for (String table : List.of("trials", "params", "trial_metrics", "fold_metrics")) {
      List<String> expected = rows(reference, table);
      assertThat(expected).isNotEmpty();
      assertThat(rows(db, table)).as(table).containsExactlyElementsOf(expected);
    }
  }

  /** Every row of {@code table}, each column as SQLite's {@code quote()}, in key order. */
  private static List<String> rows(Database db, String table) {
    try (Handle h = db.jdbi().open()) {
      List<String> columns = h.createQuery("select name from pragma_table_info(:t) order by cid")
          .bind("t", table).mapTo(String.class).list();
      StringJoiner select = new StringJoiner(" || '|' || ");
      for (String c : columns) {
        select.add("quote(" + c + ")");
      }
      String order = switch (table) {
        case "trials" -> "run_id, number";
        case "params" -> "run_id, trial_number, position";
        case "trial_metrics" -> "run_id, trial_number, metric";
        default -> "run_id, trial_number, metric, fold";
      };
      return h.createQuery("select " + select + " from " + table + " order by " + order)
          .mapTo(String.class).list();
    }
  }

  private static long count(Database db, String sql) {
    try (Handle h = db.jdbi().open()) {
      return h.createQuery(sql).mapTo(Long.class).one();
    }
  }
}
