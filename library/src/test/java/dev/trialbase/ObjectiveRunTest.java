package dev.trialbase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.trialbase.api.Objective;
import dev.trialbase.spec.SpecException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Objectives given in code, run through the library into real SQLite files. */
class ObjectiveRunTest {

  /** (x - 2)² + (y + 1)² plus noise drawn from the trial's seed: deterministic. */
  static final Objective QUADRATIC = (params, trial) -> {
    double x = params.getDouble("x");
    double y = params.getDouble("y");
    double noise = new SplittableRandom(trial.seed()).nextGaussian() * 0.01;
    return (x - 2) * (x - 2) + (y + 1) * (y + 1) + noise;
  };

  @TempDir
  Path dir;

  static Spec.Builder quadratic(String strategy, long trials) {
    return Spec.builder()
        .experiment("quadratic")
        .function("quadratic")
        .space("x", Space.floatRange(-5, 5))
        .space("y", Space.floatRange(-5, 5))
        .strategy(strategy)
        .trials(trials)
        .seed(11);
  }

  @Test
  void tpeFindsTheQuadraticsMinimumAndStoresEveryTrial() {
    try (Trialbase tb = Trialbase.open(dir.resolve("runs.db"))) {
      tb.objective("quadratic", "1", QUADRATIC);
      RunInfo run = tb.run(quadratic("tpe", 60).build());
      assertThat(run.status()).isEqualTo("complete");
      assertThat(run.trials()).isEqualTo(60);
      assertThat(run.scorer()).isEqualTo("quadratic");
      assertThat(run.objective()).isEqualTo("score");
      assertThat(run.maximize()).isFalse();
      TrialInfo best = tb.best(run.id()).orElseThrow();
      assertThat(best.objective()).isLessThan(1.0).isEqualTo(run.bestObjective());
      assertThat(tb.trials(run.id())).hasSize(60)
          .allSatisfy(t -> assertThat(t.metrics()).containsOnlyKeys("score"));
    }
  }

  @Test
  void oneAndTwoParallelTrialsStoreIdenticalTrials() {
    try (Trialbase tb = Trialbase.open(dir.resolve("runs.db"))) {
      tb.objective("quadratic", "1", QUADRATIC);
      RunInfo one = tb.run(quadratic("tpe", 40).build(), 1);
      RunInfo two = tb.run(quadratic("tpe", 40).build(), 2);
      List<TrialInfo> a = tb.trials(one.id());
      List<TrialInfo> b = tb.trials(two.id());
      assertThat(b).hasSize(40);
      for (int i = 0; i < a.size(); i++) {
        assertThat(b.get(i).params()).isEqualTo(a.get(i).params());
        assertThat(b.get(i).objective()).isEqualTo(a.get(i).objective());
        assertThat(b.get(i).status()).isEqualTo(a.get(i).status());
      }
      Reproduction again = tb.reproduce(one.id(), 2);
      assertThat(again.differences()).isEmpty();
      assertThat(again.identical()).isTrue();
    }
  }

  @Test
  void reproducingAnObjectiveThatChangedSaysWhere() {
    try (Trialbase tb = Trialbase.open(dir.resolve("runs.db"))) {
      tb.objective("quadratic", "1", QUADRATIC);
      RunInfo run = tb.run(quadratic("random", 5).build());
      tb.objective("quadratic", "2", (p, t) -> QUADRATIC.evaluate(p, t) + 1);
      Reproduction again = tb.reproduce(run.id(), 1);
      assertThat(again.identical()).isFalse();
      assertThat(again.differences()).hasSize(5);
    }
  }

  @Test
  void aThrowingObjectiveFailsOnlyItsTrialWithTheReasonStored() {
    try (Trialbase tb = Trialbase.open(dir.resolve("runs.db"))) {
      tb.objective("quadratic", "1", (params, trial) -> {
        if (trial.number() % 3 == 1) {
          throw new IllegalStateException("simulation diverged at x=" + params.get("x"));
        }
        return QUADRATIC.evaluate(params, trial);
      });
      RunInfo run = tb.run(quadratic("random", 9).build(), 2);
      assertThat(run.status()).isEqualTo("complete");
      assertThat(run.complete()).isEqualTo(6);
      List<TrialInfo> failed = tb.trials(run.id(), "status = 'failed'", null, null);
      assertThat(failed).extracting(TrialInfo::number).containsExactly(1L, 4L, 7L);
      assertThat(failed).allSatisfy(t -> {
        assertThat(t.errorClass()).isEqualTo(IllegalStateException.class.getName());
        assertThat(t.errorMessage()).startsWith("simulation diverged at x=");
      });
    }
  }

  @Test
  void aNonFiniteScoreFailsItsTrial() {
    try (Trialbase tb = Trialbase.open(dir.resolve("runs.db"))) {
      tb.objective("quadratic", "1", (params, trial) -> Double.NaN);
      RunInfo run = tb.run(quadratic("random", 2).build());
      assertThat(tb.trials(run.id())).allSatisfy(t -> {
        assertThat(t.status()).isEqualTo("failed");
        assertThat(t.errorMessage()).contains("returned NaN");
      });
      assertThat(tb.best(run.id())).isEmpty();
    }
  }

  @Test
  void trialsAreQueriedWithTheCommandLinesFilterLanguage() {
    try (Trialbase tb = Trialbase.open(dir.resolve("runs.db"))) {
      tb.objective("quadratic", "1", QUADRATIC);
      RunInfo run = tb.run(quadratic("random", 30).objective("loss").build());
      List<TrialInfo> good = tb.trials(run.id(), "metrics.loss < 10 and params.x > 0",
          "objective", 3);
      assertThat(good).hasSizeLessThanOrEqualTo(3).isNotEmpty();
      assertThat(good).allSatisfy(t -> {
        assertThat(t.metrics().get("loss")).isLessThan(10);
        assertThat(t.params().getDouble("x")).isPositive();
      });
      assertThat(good).extracting(TrialInfo::objective).isSorted();
      assertThat(good.get(0).objective()).isEqualTo(tb.best(run.id()).orElseThrow().objective());
    }
  }

  @Test
  void maximizingRanksTheHighestScoreBest() {
    try (Trialbase tb = Trialbase.open(dir.resolve("runs.db"))) {
      tb.objective("quadratic", "1", QUADRATIC);
      RunInfo run = tb.run(quadratic("random", 20).direction("maximize").build());
      double highest = tb.trials(run.id()).stream().mapToDouble(TrialInfo::objective).max()
          .orElseThrow();
      assertThat(tb.best(run.id()).orElseThrow().objective()).isEqualTo(highest);
      assertThat(tb.best(run.id(), "score").orElseThrow().objective()).isEqualTo(highest);
      assertThat(tb.trials(run.id(), null, "score", 1).get(0).objective()).isEqualTo(highest);
    }
  }

  @Test
  void aReadOnlyStoreAnswersQueriesAndRefusesToRun() {
    Path file = dir.resolve("runs.db");
    long id;
    try (Trialbase tb = Trialbase.open(file)) {
      tb.objective("quadratic", "1", QUADRATIC);
      id = tb.run(quadratic("random", 3).build()).id();
    }
    try (Trialbase tb = Trialbase.openReadOnly(file)) {
      assertThat(tb.runs("quadratic", "complete")).extracting(RunInfo::id).containsExactly(id);
      assertThat(tb.runs("other", null)).isEmpty();
      assertThat(tb.trials(id, null, null, null, "complete")).hasSize(3);
      assertThat(tb.foldScores(id, 0L)).containsOnlyKeys("score");
      assertThatThrownBy(() -> tb.reproduce(id, 1))
          .isInstanceOf(IllegalStateException.class).hasMessageContaining("read-only");
      assertThatThrownBy(() -> tb.trials(id + 1)).hasMessageContaining("no run " + (id + 1));
    }
  }

  @Test
  void fixedParamsReachTheObjective() {
    try (Trialbase tb = Trialbase.open(dir.resolve("runs.db"))) {
      tb.objective("shifted", "1", (p, t) -> p.getDouble("x") + p.getDouble("shift"));
      RunInfo run = tb.run(Spec.builder().function("shifted", Map.of("shift", 100.0), null)
          .space("x", Space.choice(1.0, 2.0)).strategy("grid").seed(1).build());
      assertThat(tb.trials(run.id())).extracting(TrialInfo::objective)
          .containsExactly(101.0, 102.0);
    }
  }

  @Test
  void aSpecMistakeIsRefusedBeforeAnythingIsStored() {
    try (Trialbase tb = Trialbase.open(dir.resolve("runs.db"))) {
      tb.objective("quadratic", "1", QUADRATIC);
      assertThatThrownBy(() -> tb.run(quadratic("random", 5).folds(3).build()))
          .isInstanceOf(SpecException.class).hasMessageContaining("'folds' is for estimator");
      assertThatThrownBy(() -> tb.run(quadratic("random", 5).function("cubic").build()))
          .hasMessageContaining("no objective function 'cubic'");
      assertThatThrownBy(() -> tb.run(quadratic("random", 5).direction("down").build()))
          .hasMessageContaining("'direction' must be minimize or maximize");
      assertThat(tb.runs()).isEmpty();
    }
  }

  @Test
  void aSpecFileNamesAnObjectiveGivenInCode() throws Exception {
    Path spec = dir.resolve("quadratic.json");
    Files.writeString(spec, quadratic("random", 4).build().toJson());
    try (Trialbase tb = Trialbase.open(dir.resolve("runs.db"))) {
      tb.objective("quadratic", "1", QUADRATIC);
      RunInfo fromFile = tb.run(spec);
      RunInfo fromCode = tb.run(quadratic("random", 4).build());
      assertThat(tb.trials(fromFile.id())).extracting(TrialInfo::objective)
          .isEqualTo(tb.trials(fromCode.id()).stream().map(TrialInfo::objective).toList());
    }
  }
}
