package dev.trialbase.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trialbase.api.ParamSet;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The streamed trials are exactly what the whole-run queries give, and the ranks SQLite
 * computes are scikit-learn's (ties share the lowest rank, a missing mean ranks last), for a
 * metric where higher is better and one where lower is.
 */
class TrialCursorTest {

  private static final List<String> METRICS = List.of("accuracy", "log_loss");

  @TempDir
  Path dir;

  @Test
  void streamedTrialsEqualTheWholeRunQueriesAndRanksAreScikitLearns() {
    Database db = Database.open(dir.resolve("cursor.db"));
    long run = mixedRun(db, 400);
    RunQueries queries = new RunQueries(db);
    List<TrialView> whole = queries.trials(run);
    Map<Long, Map<String, List<Double>>> folds = queries.foldMetrics(run, null);

    List<TrialCursor.Row> streamed = new ArrayList<>();
    try (TrialCursor cursor = TrialCursor.ranked(db, run, m -> !m.equals("log_loss"))) {
      cursor.forEachRemaining(streamed::add);
    }

    assertThat(streamed).extracting(TrialCursor.Row::trial).isEqualTo(whole);
    for (TrialCursor.Row row : streamed) {
      assertThat(row.folds()).as("trial " + row.trial().number())
          .isEqualTo(folds.getOrDefault(row.trial().number(), Map.of()));
    }
    for (String metric : METRICS) {
      Map<Long, Integer> expected = referenceRanks(whole, metric, !metric.equals("log_loss"));
      for (TrialCursor.Row row : streamed) {
        if (row.trial().means().containsKey(metric)) {
          assertThat(row.ranks().get(metric)).as(metric + " of trial " + row.trial().number())
              .isEqualTo(expected.get(row.trial().number()));
        }
      }
    }
    try (TrialCursor cursor = TrialCursor.open(db, run, TrialCursor.Metrics.NONE)) {
      List<TrialView> bare = new ArrayList<>();
      cursor.forEachRemaining(r -> bare.add(r.trial()));
      assertThat(bare).extracting(TrialView::params)
          .isEqualTo(whole.stream().map(TrialView::params).toList());
      assertThat(bare).allMatch(t -> t.means().isEmpty());
    }
  }

  /**
   * A database of a schema before fold scores were packed, opened read-only (so never
   * migrated): the cursor reads the fold_metrics rows of the time, as the whole-run queries do.
   */
  @Test
  void olderSchemasAreStreamedAsTheWholeRunQueriesReadThem() {
    int packing = MigrationScripts.all().stream()
        .filter(s -> s.fileName().contains("packed_fold_scores"))
        .findFirst().orElseThrow().version();
    for (MigrationScripts.Script older : MigrationScripts.all()) {
      if (older.version() >= packing) {
        continue;
      }
      Path file = dir.resolve("v" + older.version() + ".db");
      try (Handle h = org.jdbi.v3.core.Jdbi.create(OlderDatabases.flyway(file, older.version()))
          .open()) {
        OlderDatabases.insertRun(h, 1);
        for (long trial = 0; trial < 4; trial++) {
          h.execute("insert into trials (run_id, number, status, started_at) values "
              + "(1, ?, ?, 'x')", trial, trial == 3 ? "pruned" : "complete");
          h.execute("insert into params values (1, ?, 'C', 0, 'float', ?, ?)", trial,
              Double.toString(trial / 4.0), trial / 4.0);
          for (String metric : METRICS) {
            for (int fold = 0; fold < (trial == 3 ? 2 : 5); fold++) {
              h.execute("insert into fold_metrics values (1, ?, ?, ?, ?)", trial, metric, fold,
                  trial == 1 && fold == 2 ? null : (trial + fold) / 10.0);
            }
            h.execute("insert into trial_metrics values (1, ?, ?, ?, 0.1)", trial, metric,
                trial == 2 ? null : 0.5);
          }
        }
      }
      Database db = Database.openReadOnly(file);
      RunQueries queries = new RunQueries(db);
      Map<Long, Map<String, List<Double>>> folds = queries.foldMetrics(1, null);
      List<TrialCursor.Row> streamed = new ArrayList<>();
      try (TrialCursor cursor = TrialCursor.ranked(db, 1, m -> true)) {
        cursor.forEachRemaining(streamed::add);
      }
      assertThat(streamed).extracting(TrialCursor.Row::trial).as("V" + older.version())
          .isEqualTo(queries.trials(1));
      assertThat(streamed).extracting(TrialCursor.Row::folds)
          .isEqualTo(List.of(folds.get(0L), folds.get(1L), folds.get(2L), folds.get(3L)));
      assertThat(streamed).extracting(r -> r.ranks().get("accuracy"))
          .containsExactly(1, 1, 4, 1);
    }
  }

  @Test
  void trialNumbersComeInPagesFromWhereAsked() {
    Database db = Database.open(dir.resolve("pages.db"));
    long run = mixedRun(db, 50);
    try (Handle h = db.jdbi().open()) {
      h.execute("delete from trial_metrics where run_id = ? and trial_number in (3, 4, 40)", run);
      h.execute("delete from params where run_id = ? and trial_number in (3, 4, 40)", run);
      h.execute("delete from trials where run_id = ? and number in (3, 4, 40)", run);
    }
    RunQueries queries = new RunQueries(db);
    assertThat(queries.trialNumbers(run, 0, 4)).containsExactly(0, 1, 2, 5);
    assertThat(queries.trialNumbers(run, 3, 3)).containsExactly(5, 6, 7);
    assertThat(queries.trialNumbers(run, 39, 100)).containsExactly(39, 41, 42, 43, 44, 45, 46,
        47, 48, 49);
    assertThat(queries.trialNumbers(run, 50, 100)).isEmpty();
  }

  /**
   * {@code trials} trials: params of mixed types (some missing), two metrics with many tied
   * means, undefined folds, failed trials without metrics and pruned ones with fewer folds.
   */
  static long mixedRun(Database db, int trials) {
    Random random = new Random(17);
    try (RunRecorder recorder = new RunRecorder(db)) {
      long run = recorder.beginRun(StoreTestData.newRun("cursor"));
      for (int n = 0; n < trials; n++) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("z", random.nextDouble());
        if (n % 7 != 0) {
          p.put("k", (long) random.nextInt(5));
        }
        p.put("s", n % 3 == 0 ? null : n % 3 == 1 ? "two  words" : "a,b");
        p.put("b", n % 2 == 0);
        ParamSet params = ParamSet.of(p);
        if (n % 11 == 5) {
          recorder.recordTrial(run, StoreTestData.failed(n, params));
          continue;
        }
        int folds = n % 13 == 4 ? 2 : 4;
        double[][] values = new double[METRICS.size()][folds];
        for (double[] row : values) {
          for (int k = 0; k < folds; k++) {
            row[k] = n % 17 == 9 && k == 1 ? Double.NaN : random.nextInt(4) / 4.0;
          }
        }
        TrialRecord record = StoreTestData.complete(n, params, METRICS, values, values[0][0]);
        if (folds == 2) {
          record = new TrialRecord(n, TrialStatus.PRUNED, params, record.startedAt(),
              record.endedAt(), METRICS, values, Double.NaN, null, "pruned");
        }
        recorder.recordTrial(run, record);
      }
      return run;
    }
  }

  /** What export computed before it streamed: sort the means, equal means share a rank. */
  private static Map<Long, Integer> referenceRanks(List<TrialView> trials, String metric,
      boolean higherIsBetter) {
    List<TrialView> scored = new ArrayList<>(trials.stream()
        .filter(t -> t.means().get(metric) != null).toList());
    Comparator<TrialView> byMean = Comparator.comparing(t -> t.means().get(metric));
    scored.sort(higherIsBetter ? byMean.reversed() : byMean);
    Map<Long, Integer> out = new HashMap<>();
    for (int i = 0; i < scored.size(); i++) {
      double mean = scored.get(i).means().get(metric);
      int rank = i > 0 && scored.get(i - 1).means().get(metric) == mean
          ? out.get(scored.get(i - 1).number()) : i + 1;
      out.put(scored.get(i).number(), rank);
    }
    trials.forEach(t -> out.putIfAbsent(t.number(), scored.size() + 1));
    return out;
  }
}
