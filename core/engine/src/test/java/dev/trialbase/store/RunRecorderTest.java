package dev.trialbase.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.trialbase.api.ParamSet;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunRecorderTest {

  private static final List<String> METRICS = List.of("roc_auc", "accuracy");
  // foldValues[metric][fold], four folds.
  //   roc_auc:  0.75, NaN, 0.5, 0.25  (fold 1 had one class only)
  //   accuracy: 0.8, 0.6, 0.7, 0.9
  // accuracy mean = 3.0 / 4 = 0.75; deviations 0.05 -0.15 -0.05 0.15, squares sum to 0.05;
  // sample std = sqrt(0.05 / 3) = 0.12909944487358.
  private static final double[][] FOLD_VALUES = {
      {0.75, Double.NaN, 0.5, 0.25},
      {0.8, 0.6, 0.7, 0.9}};

  @TempDir
  Path dir;

  private Database db;
  private RunRecorder recorder;
  private RunQueries queries;

  @BeforeEach
  void open() {
    db = Database.open(dir.resolve("runs.db"));
    recorder = new RunRecorder(db);
    queries = new RunQueries(db);
  }

  @AfterEach
  void close() {
    recorder.close();
  }

  private long runWithTwoTrials() {
    long runId = recorder.beginRun(StoreTestData.newRun("titanic"));
    recorder.recordTrial(runId, StoreTestData.complete(0, StoreTestData.mixedParams(), METRICS,
        FOLD_VALUES, 0.75));
    recorder.recordTrial(runId, StoreTestData.failed(1, ParamSet.of(Map.of("C", 1.0))));
    return runId;
  }

  @Test
  void beginRunStoresProvenanceInStateRunning() {
    long runId = recorder.beginRun(StoreTestData.newRun("titanic"));
    RunDetail detail = queries.run(runId).orElseThrow();
    RunView v = detail.summary();
    assertThat(v.id()).isEqualTo(runId);
    assertThat(v.experiment()).isEqualTo("titanic");
    assertThat(v.status()).isEqualTo("running");
    assertThat(v.strategy()).isEqualTo("grid");
    assertThat(v.estimator()).isEqualTo("weka-logistic");
    assertThat(v.seed()).isEqualTo(42L);
    assertThat(v.objective()).isEqualTo("accuracy");
    assertThat(v.maximize()).isTrue();
    assertThat(v.trials()).isZero();
    assertThat(v.bestObjective()).isNull();
    assertThat(v.bestTrial()).isNull();
    assertThat(v.startedAt()).isEqualTo(StoreTestData.START.toString());
    assertThat(v.endedAt()).isNull();
    assertThat(detail.folds()).isEqualTo(4);
    assertThat(detail.plannedTrials()).isEqualTo(3L);
    assertThat(detail.specJson()).isEqualTo("{\"experiment\":\"titanic\"}");
    assertThat(detail.specPath()).isEqualTo("/specs/spec.json");
    assertThat(detail.trainPath()).isEqualTo("/data/train.csv");
    assertThat(detail.trainSha256()).isEqualTo("ab".repeat(32));
    assertThat(detail.testPath()).isEqualTo("/data/test.csv");
    assertThat(detail.testSha256()).isEqualTo("cd".repeat(32));
    assertThat(detail.pluginsJson()).isEqualTo("[{\"id\":\"weka\"}]");
    assertThat(detail.trialbaseVersion()).isEqualTo("0.1.0");
    assertThat(detail.jvm()).isEqualTo("17.0.9");
    assertThat(detail.os()).isEqualTo("Linux");
    assertThat(detail.host()).isEqualTo(StoreTestData.HOST);
    assertThat(detail.pid()).isEqualTo(StoreTestData.PID);
    assertThat(detail.heartbeatAt()).isEqualTo(StoreTestData.START.toString());
    assertThat(detail.error()).isNull();
  }

  @Test
  void runOfAnotherHostWithAStaleHeartbeatIsInterrupted() {
    NewRun mine = StoreTestData.newRun("live");
    NewRun gone = new NewRun("gone", "grid", "weka-logistic", 1L, 2, "accuracy", true, null,
        "{}", null, "/t.csv", "00", null, null, "[]", "0.1.0", "17", "Linux",
        "elsewhere.invalid", 99L, StoreTestData.START.minus(Liveness.STALE).minusSeconds(1),
        "classification", "class", null, null);
    long live = recorder.beginRun(mine);
    long dead = recorder.beginRun(gone);
    // Read-only view: the stored status stays "running", but reads as "interrupted".
    assertThat(queries.runs()).extracting(RunView::status)
        .containsExactly("running", "interrupted");
    // The next writer records it.
    Database reopened = Database.open(db.file());
    try (Handle h = reopened.jdbi().open()) {
      assertThat(h.createQuery("select status from runs where id = :id").bind("id", dead)
          .mapTo(String.class).one()).isEqualTo("interrupted");
      assertThat(h.createQuery("select status from runs where id = :id").bind("id", live)
          .mapTo(String.class).one()).isEqualTo("running");
    }
    assertThat(new RunQueries(reopened).run(dead).orElseThrow().error()).contains("resume");
  }

  @Test
  void unknownRunIsEmpty() {
    assertThat(queries.run(999)).isEmpty();
    assertThat(queries.trials(999)).isEmpty();
    assertThat(queries.testMetrics(999)).isEmpty();
  }

  @Test
  void runsOfOneExperimentShareItsRow() {
    long first = recorder.beginRun(StoreTestData.newRun("titanic"));
    long second = recorder.beginRun(StoreTestData.newRun("titanic"));
    long other = recorder.beginRun(StoreTestData.newRun("iris"));
    assertThat(queries.runs()).extracting(RunView::id).containsExactly(first, second, other);
    assertThat(queries.runs()).extracting(RunView::experiment)
        .containsExactly("titanic", "titanic", "iris");
    try (Handle h = db.jdbi().open()) {
      assertThat(h.createQuery("select count(*) from experiments").mapTo(Integer.class).one())
          .isEqualTo(2);
    }
  }

  @Test
  void paramTypesAndDeclarationOrderSurviveTheRoundTrip() {
    long runId = runWithTwoTrials();
    TrialView trial = queries.trials(runId).get(0);
    ParamSet params = trial.params();
    assertThat(params).isEqualTo(StoreTestData.mixedParams());
    assertThat(new ArrayList<>(params.names()))
        .containsExactly("z_ridge", "a_iters", "m_penalty", "b_fit", "n_none", "w_whole");
    assertThat(params.get("z_ridge")).isInstanceOf(Double.class).isEqualTo(0.5);
    assertThat(params.get("a_iters")).isInstanceOf(Long.class).isEqualTo(3L);
    assertThat(params.get("m_penalty")).isEqualTo("l2");
    assertThat(params.get("b_fit")).isEqualTo(Boolean.TRUE);
    assertThat(params.get("n_none")).isNull();
    assertThat(params.has("n_none")).isTrue();
    // 3.0 stays a float, not the integer 3.
    assertThat(params.get("w_whole")).isInstanceOf(Double.class).isEqualTo(3.0);
  }

  @Test
  void extremeParamValuesSurviveTheRoundTrip() {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("big", Long.MAX_VALUE);
    p.put("tiny", 1e-300);
    p.put("third", 1.0 / 3);
    p.put("false", false);
    p.put("text", "x'); drop table runs; --");
    long runId = recorder.beginRun(StoreTestData.newRun("edge"));
    recorder.recordTrial(runId, StoreTestData.complete(0, ParamSet.of(p), METRICS, FOLD_VALUES,
        0.75));
    assertThat(queries.trials(runId).get(0).params().asMap()).isEqualTo(p);
  }

  @Test
  void foldValuesMeansAndStdsAreStored() {
    long runId = runWithTwoTrials();
    Map<String, List<Double>> folds = queries.foldMetrics(runId, 0);
    assertThat(folds.keySet()).containsExactlyInAnyOrder("roc_auc", "accuracy");
    assertThat(folds.get("accuracy")).containsExactly(0.8, 0.6, 0.7, 0.9);
    // The NaN fold is stored as NULL and read back as null, in its place.
    assertThat(folds.get("roc_auc")).containsExactly(0.75, null, 0.5, 0.25);

    TrialView trial = queries.trials(runId).get(0);
    assertThat(trial.number()).isZero();
    assertThat(trial.status()).isEqualTo("complete");
    assertThat(trial.objective()).isEqualTo(0.75);
    assertThat(trial.means().get("accuracy")).isCloseTo(0.75, within(1e-12));
    assertThat(trial.stds().get("accuracy")).isCloseTo(0.12909944487358, within(1e-12));
    // A NaN fold makes the mean and std NaN, stored as NULL.
    assertThat(trial.means()).containsEntry("roc_auc", null);
    assertThat(trial.stds()).containsEntry("roc_auc", null);
    // ended - started = 1.4997 s: 1500 ms later minus 0.3 ms.
    assertThat(trial.durationMs()).isCloseTo(1499.7, within(1e-9));
    assertThat(trial.errorClass()).isNull();
    assertThat(trial.errorMessage()).isNull();
  }

  @Test
  void singleFoldHasZeroStd() {
    long runId = recorder.beginRun(StoreTestData.newRun("one"));
    recorder.recordTrial(runId, StoreTestData.complete(0, ParamSet.empty(),
        List.of("accuracy"), new double[][] {{0.4}}, 0.4));
    TrialView trial = queries.trials(runId).get(0);
    assertThat(trial.means()).containsEntry("accuracy", 0.4);
    assertThat(trial.stds()).containsEntry("accuracy", 0.0);
    assertThat(trial.params().names()).isEmpty();
  }

  @Test
  void failedTrialKeepsItsErrorAndHasNoMetrics() {
    long runId = runWithTwoTrials();
    TrialView failed = queries.trials(runId).get(1);
    assertThat(failed.number()).isEqualTo(1);
    assertThat(failed.status()).isEqualTo("failed");
    assertThat(failed.params()).isEqualTo(ParamSet.of(Map.of("C", 1.0)));
    assertThat(failed.objective()).isNull();
    assertThat(failed.means()).isEmpty();
    assertThat(failed.stds()).isEmpty();
    assertThat(failed.errorClass()).isEqualTo("dev.trialbase.api.InvalidParamsException");
    assertThat(failed.errorMessage()).isEqualTo("L1 needs a different solver");
    assertThat(failed.durationMs()).isCloseTo(20.0, within(1e-9));
    assertThat(queries.foldMetrics(runId, 1)).isEmpty();
  }

  @Test
  void trialsComeBackInNumberOrder() {
    long runId = recorder.beginRun(StoreTestData.newRun("order"));
    for (long n : new long[] {2, 0, 1}) {
      recorder.recordTrial(runId, StoreTestData.complete(n, ParamSet.of(Map.of("n", n)),
          List.of("accuracy"), new double[][] {{0.5, 0.5}}, 0.5));
    }
    assertThat(queries.trials(runId)).extracting(TrialView::number).containsExactly(0L, 1L, 2L);
    assertThat(queries.trials(runId)).extracting(t -> t.params().get("n"))
        .containsExactly(0L, 1L, 2L);
  }

  @Test
  void trialThatFailsToStoreLeavesNothingBehind() {
    long runId = recorder.beginRun(StoreTestData.newRun("atomic"));
    // The same metric twice violates trial_metrics' primary key after the trial row and its
    // parameters were inserted; the whole transaction must roll back.
    TrialRecord broken = StoreTestData.complete(0, StoreTestData.mixedParams(),
        List.of("accuracy", "accuracy"), new double[][] {{0.5, 0.5}, {0.5, 0.5}}, 0.5);
    assertThatThrownBy(() -> recorder.recordTrial(runId, broken)).isInstanceOf(Exception.class);
    assertThat(queries.trials(runId)).isEmpty();
    try (Handle h = db.jdbi().open()) {
      assertThat(h.createQuery("select count(*) from params").mapTo(Integer.class).one())
          .isZero();
    }
    // The recorder is still usable afterwards.
    recorder.recordTrial(runId, StoreTestData.complete(0, StoreTestData.mixedParams(), METRICS,
        FOLD_VALUES, 0.75));
    assertThat(queries.trials(runId)).hasSize(1);
  }

  @Test
  void sameTrialNumberTwiceIsRejected() {
    long runId = recorder.beginRun(StoreTestData.newRun("dup"));
    recorder.recordTrial(runId, StoreTestData.failed(0, ParamSet.empty()));
    assertThatThrownBy(() -> recorder.recordTrial(runId,
        StoreTestData.failed(0, ParamSet.empty()))).isInstanceOf(Exception.class);
    assertThat(queries.trials(runId)).hasSize(1);
  }

  @Test
  void finishRunStoresStatusBestTrialAndTestMetrics() {
    long runId = runWithTwoTrials();
    Map<String, Double> test = new LinkedHashMap<>();
    test.put("roc_auc", Double.NaN);
    test.put("accuracy", 0.8);
    recorder.finishRun(runId, RunStatus.COMPLETE, 0L, test, null);

    RunView view = queries.runs().get(0);
    assertThat(view.status()).isEqualTo("complete");
    assertThat(view.trials()).isEqualTo(2);
    assertThat(view.complete()).isEqualTo(1);
    assertThat(view.notComplete()).isEqualTo(1);
    assertThat(view.bestTrial()).isEqualTo(0L);
    assertThat(view.bestObjective()).isEqualTo(0.75);
    assertThat(view.endedAt()).isNotNull();
    Map<String, Double> stored = queries.testMetrics(runId);
    assertThat(stored).containsOnlyKeys("accuracy", "roc_auc");
    assertThat(stored.get("accuracy")).isEqualTo(0.8);
    assertThat(stored.get("roc_auc")).isNull();
  }

  @Test
  void failedRunKeepsItsError() {
    long runId = recorder.beginRun(StoreTestData.newRun("broken"));
    recorder.finishRun(runId, RunStatus.FAILED, null, Map.of(), "plugin crashed");
    RunDetail detail = queries.run(runId).orElseThrow();
    assertThat(detail.summary().status()).isEqualTo("failed");
    assertThat(detail.summary().bestTrial()).isNull();
    assertThat(detail.error()).isEqualTo("plugin crashed");
    assertThat(queries.testMetrics(runId)).isEmpty();
  }

  @Test
  void trialSummaryViewGivesParamsAndMetricsAsJson() throws Exception {
    long runId = runWithTwoTrials();
    JsonMapper json = JsonMapper.builder().build();
    try (Handle h = db.jdbi().open()) {
      Map<String, Object> row = h.createQuery(
              "select params, metrics, status, objective from trial_summary "
                  + "where run_id = :run and number = 0")
          .bind("run", runId).mapToMap().one();
      assertThat(row.get("status")).isEqualTo("complete");
      assertThat(((Number) row.get("objective")).doubleValue()).isEqualTo(0.75);
      JsonNode params = json.readTree((String) row.get("params"));
      assertThat(params.get("z_ridge").isFloatingPointNumber()).isTrue();
      assertThat(params.get("z_ridge").doubleValue()).isEqualTo(0.5);
      assertThat(params.get("a_iters").isIntegralNumber()).isTrue();
      assertThat(params.get("a_iters").longValue()).isEqualTo(3L);
      assertThat(params.get("m_penalty").textValue()).isEqualTo("l2");
      assertThat(params.get("b_fit").isBoolean()).isTrue();
      assertThat(params.get("b_fit").booleanValue()).isTrue();
      assertThat(params.get("n_none").isNull()).isTrue();
      assertThat(params.get("w_whole").doubleValue()).isEqualTo(3.0);
      assertThat(params.size()).isEqualTo(6);
      JsonNode metrics = json.readTree((String) row.get("metrics"));
      assertThat(metrics.get("accuracy").doubleValue()).isCloseTo(0.75, within(1e-12));
      assertThat(metrics.get("roc_auc").isNull()).isTrue();

      Map<String, Object> failed = h.createQuery(
              "select params, metrics, error_message from trial_summary "
                  + "where run_id = :run and number = 1")
          .bind("run", runId).mapToMap().one();
      assertThat(json.readTree((String) failed.get("params")).get("C").doubleValue())
          .isEqualTo(1.0);
      assertThat(json.readTree((String) failed.get("metrics")).size()).isZero();
      assertThat(failed.get("error_message")).isEqualTo("L1 needs a different solver");
    }
  }

  @Test
  void trialSummaryViewKeepsLargeIntegersExact() throws Exception {
    // 2^53 + 1 has no exact double; the view must not round it through REAL.
    long big = 9_007_199_254_740_993L;
    long runId = recorder.beginRun(StoreTestData.newRun("big"));
    recorder.recordTrial(runId, StoreTestData.complete(0, ParamSet.of(Map.of("seed", big)),
        List.of("accuracy"), new double[][] {{0.5, 0.5}}, 0.5));
    assertThat(queries.trials(runId).get(0).params().get("seed")).isEqualTo(big);
    try (Handle h = db.jdbi().open()) {
      String params = h.createQuery("select params from trial_summary where run_id = :run")
          .bind("run", runId).mapTo(String.class).one();
      assertThat(JsonMapper.builder().build().readTree(params).get("seed").longValue())
          .isEqualTo(big);
    }
  }

  @Test
  void runSummaryViewCountsTrials() {
    long runId = runWithTwoTrials();
    recorder.finishRun(runId, RunStatus.COMPLETE, 0L, Map.of(), null);
    try (Handle h = db.jdbi().open()) {
      Map<String, Object> row = h.createQuery("select * from run_summary where id = :id")
          .bind("id", runId).mapToMap().one();
      assertThat(row.get("experiment")).isEqualTo("titanic");
      assertThat(row.get("status")).isEqualTo("complete");
      assertThat(((Number) row.get("trials")).intValue()).isEqualTo(2);
      assertThat(((Number) row.get("complete")).intValue()).isEqualTo(1);
      assertThat(((Number) row.get("not_complete")).intValue()).isEqualTo(1);
      assertThat(((Number) row.get("best_objective")).doubleValue()).isEqualTo(0.75);
    }
  }

  @Test
  void foldMetricsListFoldsInOrder() {
    // Twelve folds: ordering by fold must be numeric (fold 10 after fold 9, not after 1).
    double[] values = new double[12];
    Arrays.setAll(values, i -> i / 100.0);
    long runId = recorder.beginRun(StoreTestData.newRun("many"));
    recorder.recordTrial(runId, StoreTestData.complete(0, ParamSet.empty(), List.of("accuracy"),
        new double[][] {values}, 0.055));
    assertThat(queries.foldMetrics(runId, 0).get("accuracy"))
        .containsExactly(Arrays.stream(values).boxed().toArray(Double[]::new));
  }

  @Test
  void aPrunedTrialStoresTheFewerFoldsItScoredBesideFullOnes() {
    long runId = recorder.beginRun(StoreTestData.newRun("pruned"));
    recorder.recordTrials(runId, List.of(
        StoreTestData.complete(0, ParamSet.empty(), List.of("accuracy", "roc_auc"),
            new double[][] {{0.5, 0.6, 0.7, 0.8, 0.9}, {0.1, 0.2, 0.3, 0.4, 0.5}}, 0.7),
        new TrialRecord(1, TrialStatus.PRUNED, ParamSet.empty(), Instant.EPOCH,
            Instant.EPOCH.plusMillis(5), List.of("accuracy", "roc_auc"),
            new double[][] {{0.25, 0.5}, {0.75}}, 0.375, null, null)));

    assertThat(queries.foldMetrics(runId, 1)).containsExactly(
        Map.entry("accuracy", List.of(0.25, 0.5)), Map.entry("roc_auc", List.of(0.75)));
    assertThat(queries.foldMetrics(runId, null).get(0L).get("accuracy")).hasSize(5);
    try (Handle h = db.jdbi().open()) {
      // The view for sqlite3 users shows one row per fold actually scored.
      assertThat(h.createQuery("select count(*) from fold_metrics where run_id = :r "
          + "and trial_number = 1").bind("r", runId).mapTo(Integer.class).one()).isEqualTo(3);
      assertThat(h.createQuery("select fold_scores from trial_metrics where run_id = :r "
              + "and trial_number = 1 and metric = 'accuracy'").bind("r", runId)
          .mapTo(String.class).one()).isEqualTo("[0.25,0.5]");
    }
  }

  @Test
  void everythingRecordedKeepsItsForeignKeysThoughTheRecorderDoesNotCheckThem() {
    long runId = runWithTwoTrials();
    recorder.finishRun(runId, RunStatus.COMPLETE, 0L, Map.of("accuracy", 0.5), null);
    try (Handle h = db.jdbi().open()) {
      assertThat(h.createQuery("pragma foreign_keys").mapTo(Integer.class).one()).isEqualTo(1);
      assertThat(h.createQuery("pragma foreign_key_check").mapToMap().list()).isEmpty();
      assertThat(h.createQuery("select count(*) from trial_metrics").mapTo(Integer.class).one())
          .isPositive();
    }
  }
}
