package dev.trialbase;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trialbase.api.Objective;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An objective that reports a value per step, under the median pruner: losing trials stop
 * early as pruned with the steps they reported, and the decisions do not depend on the number
 * of parallel trials.
 */
class PrunedObjectiveTest {

  static final int STEPS = 5;

  /** A "training curve": the final loss approached from above, one report per step. */
  static final Objective CURVE = (params, trial) -> {
    double x = params.getDouble("x");
    double last = (x - 1) * (x - 1) + new SplittableRandom(trial.seed()).nextDouble() * 0.01;
    for (int step = 1; step < STEPS; step++) {
      if (trial.report(last + (STEPS - step))) {
        return Double.NaN;   // ignored: the trial is pruned
      }
    }
    trial.report(last);
    return last;
  };

  @TempDir
  Path dir;

  static Spec spec() {
    return Spec.builder()
        .experiment("curve")
        .function("curve", java.util.Map.of(), STEPS)
        .space("x", Space.floatRange(-4, 4))
        .strategy("random")
        .pruner("median", java.util.Map.of("startupTrials", 3))
        .trials(30)
        .seed(3)
        .build();
  }

  @Test
  void losingTrialsArePrunedWithTheStepsTheyReported() {
    try (Trialbase tb = Trialbase.open(dir.resolve("runs.db"))) {
      tb.objective("curve", "1", CURVE);
      RunInfo run = tb.run(spec());
      List<TrialInfo> pruned = tb.trials(run.id(), "status = 'pruned'", null, null);
      assertThat(pruned).isNotEmpty();
      assertThat(pruned).allSatisfy(t -> assertThat(t.errorMessage()).startsWith("median"));
      assertThat(run.complete() + pruned.size()).isEqualTo(30);
      TrialInfo best = tb.best(run.id()).orElseThrow();
      assertThat(best.status()).isEqualTo("complete");
      assertThat(best.objective()).isLessThan(0.5);
    }
  }

  @Test
  void pruningDoesNotDependOnParallelTrials() {
    try (Trialbase tb = Trialbase.open(dir.resolve("runs.db"))) {
      tb.objective("curve", "1", CURVE);
      RunInfo one = tb.run(spec(), 1);
      RunInfo three = tb.run(spec(), 3);
      assertThat(tb.trials(three.id())).extracting(TrialInfo::status, TrialInfo::objective)
          .isEqualTo(tb.trials(one.id()).stream()
              .map(t -> org.assertj.core.groups.Tuple.tuple(t.status(), t.objective()))
              .toList());
      assertThat(tb.reproduce(one.id(), 2).identical()).isTrue();
    }
  }
}
