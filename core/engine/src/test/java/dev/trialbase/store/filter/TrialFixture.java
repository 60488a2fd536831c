package dev.trialbase.store.filter;

import dev.trialbase.api.ParamSet;
import dev.trialbase.store.Database;
import dev.trialbase.store.NewRun;
import dev.trialbase.store.RunRecorder;
import dev.trialbase.store.RunStatus;
import dev.trialbase.store.TrialRecord;
import dev.trialbase.store.TrialStatus;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A real experiment database with one run of ten trials, written through {@link RunRecorder},
 * and a second run whose trials reuse the same numbers (so a filter that forgot the run key
 * would see them).
 *
 * <pre>
 * #  status    penalty     C          fit    max_depth  class weight  accuracy (2 folds)   ms
 * 0  complete  l2          0.1        true   3          balanced      0.80, 0.80           100
 * 1  complete  l1          1.0        false  null       -             0.85, 0.85           200
 * 2  complete  l2          9.0        true   'auto'     -             0.90, 0.90           300
 * 3  complete  l2          10.0       false  5          -             0.88, 0.88           400
 * 4  complete  elasticnet  100.0      true   7          -             0.65, 0.75 (std>0)   500
 * 5  complete  l1          10 (int)   true   3          -             0.81, 0.91 (std>0)   600
 * 6  failed    l2          0.5        -      -          -             none; error "/ by zero"
 * 7  complete  L2          5.0        -      -          -             0.92, 0.92           800
 * 8  complete  l2          '10' (str) -      -          -             0.75, 0.75           900
 * 9  complete  none        -          -      -          balanced      0.60, 0.60          1000
 * </pre>
 *
 * <p>log_loss is 1 - accuracy per fold; the objective is the accuracy mean.
 */
final class TrialFixture {

  static final Instant T0 = Instant.parse("2024-01-01T00:00:00Z");

  final Database database;
  final long run;
  final long otherRun;

  private TrialFixture(Database database, long run, long otherRun) {
    this.database = database;
    this.run = run;
    this.otherRun = otherRun;
  }

  static TrialFixture create(Path dir) {
    return create(Database.open(dir.resolve("trials.db")));
  }

  /** The fixture's runs written into {@code db}, a new empty database. */
  static TrialFixture create(Database db) {
    try (RunRecorder recorder = new RunRecorder(db)) {
      long run = recorder.beginRun(newRun("main"));
      trial(recorder, run, 0, params("l2", 0.1, true, 3L, "balanced"), 0.80, 0.80);
      Map<String, Object> p1 = params("l1", 1.0, false, null, null);
      p1.put("max_depth", null);
      trial(recorder, run, 1, p1, 0.85, 0.85);
      trial(recorder, run, 2, params("l2", 9.0, true, "auto", null), 0.90, 0.90);
      trial(recorder, run, 3, params("l2", 10.0, false, 5L, null), 0.88, 0.88);
      trial(recorder, run, 4, params("elasticnet", 100.0, true, 7L, null), 0.65, 0.75);
      trial(recorder, run, 5, params("l1", 10L, true, 3L, null), 0.81, 0.91);
      recorder.recordTrial(run, new TrialRecord(6, TrialStatus.FAILED,
          ParamSet.of(params("l2", 0.5, null, null, null)), T0, T0.plusMillis(700), List.of(),
          new double[0][], Double.NaN, "java.lang.ArithmeticException", "/ by zero"));
      trial(recorder, run, 7, params("L2", 5.0, null, null, null), 0.92, 0.92);
      trial(recorder, run, 8, params("l2", "10", null, null, null), 0.75, 0.75);
      trial(recorder, run, 9, params("none", null, null, null, "balanced"), 0.60, 0.60);
      recorder.finishRun(run, RunStatus.COMPLETE, 7L, Map.of(), null);

      long other = recorder.beginRun(newRun("other"));
      for (int n = 0; n < 3; n++) {
        trial(recorder, other, n, params("l2", 1000.0, true, 3L, "balanced"), 0.99, 0.99);
      }
      recorder.finishRun(other, RunStatus.COMPLETE, 0L, Map.of(), null);
      return new TrialFixture(db, run, other);
    }
  }

  /** The parameters of a trial; null arguments are left out. */
  private static Map<String, Object> params(String penalty, Object c, Boolean fit, Object depth,
      String classWeight) {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("penalty", penalty);
    if (c != null) {
      p.put("C", c);
    }
    if (fit != null) {
      p.put("fit_intercept", fit);
    }
    if (depth != null) {
      p.put("max_depth", depth);
    }
    if (classWeight != null) {
      p.put("class weight", classWeight);
    }
    return p;
  }

  private static void trial(RunRecorder recorder, long run, long number, Map<String, Object> params,
      double fold0, double fold1) {
    double[][] folds = {{fold0, fold1}, {1 - fold0, 1 - fold1}};
    recorder.recordTrial(run, new TrialRecord(number, TrialStatus.COMPLETE,
        ParamSet.of(params), T0, T0.plusMillis(100 * (number + 1)),
        List.of("accuracy", "log_loss"), folds, (fold0 + fold1) / 2, null, null));
  }

  private static NewRun newRun(String experiment) {
    return new NewRun(experiment, "grid", "weka-logistic", 42, 2, "accuracy", true, 10L, "{}",
        null, "train.csv", "0".repeat(64), null, null, "[]", "test", "jvm", "os", "host", 1,
        T0, "classification", "class", null, null);
  }

  /** The trial numbers of the main run matching {@code where}, by number. */
  List<Long> where(String where) {
    return TrialFilterQuery.numbers(database, run, Filter.parse(where), null, null, null);
  }
}
