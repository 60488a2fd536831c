package dev.trialbase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.trialbase.api.Objective;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Timeouts and resume apply to objectives as they do to estimators. */
class ObjectiveLifecycleTest {

  @TempDir
  Path dir;

  static Spec.Builder line(long trials) {
    return Spec.builder().experiment("line").function("line")
        .space("x", Space.intRange(0, 1000)).strategy("random").trials(trials).seed(9);
  }

  static final Objective LINE = (params, trial) -> params.getLong("x") * 0.5;

  @Test
  void aTrialRunningPastItsTimeoutStopsWithStatusTimeout() {
    try (Trialbase tb = Trialbase.open(dir.resolve("runs.db"))) {
      tb.objective("line", "1", (params, trial) -> {
        if (trial.number() == 2) {
          Thread.sleep(60_000);
        }
        return LINE.evaluate(params, trial);
      });
      RunInfo run = tb.run(line(4).trialTimeoutSeconds(0.5).build(), 2);
      assertThat(tb.trials(run.id())).extracting(TrialInfo::status)
          .containsExactly("complete", "complete", "timeout", "complete");
      assertThat(tb.trials(run.id()).get(2).errorMessage()).contains("trialTimeoutSeconds");
    }
  }

  @Test
  void aRunWhoseObjectiveBrokeTheRunIsResumedToTheTrialsOfAWholeRun() {
    try (Trialbase tb = Trialbase.open(dir.resolve("runs.db"))) {
      // Whatever an objective throws fails only its trial; what breaks a whole run is the
      // program around it, here its observer giving up after 20 stored trials. 5 ms a trial:
      // few are in flight (fast trials queue and commit by hundreds), so the run is cut short.
      tb.objective("line", "1", (params, trial) -> {
        Thread.sleep(5);
        return LINE.evaluate(params, trial);
      });
      assertThatThrownBy(() -> tb.run(line(40).build(), 1, breaksAfter(20)))
          .hasMessageContaining("failed");
      RunInfo broken = tb.runs().get(0);
      assertThat(broken.status()).isEqualTo("failed");
      assertThat(broken.trials()).isLessThan(40);

      tb.objective("line", "1", LINE);
      RunInfo resumed = tb.resume(broken.id(), 2, false);
      assertThat(resumed.status()).isEqualTo("complete");
      RunInfo whole = tb.run(line(40).build());
      List<TrialInfo> a = tb.trials(resumed.id());
      List<TrialInfo> b = tb.trials(whole.id());
      assertThat(a).extracting(TrialInfo::params).isEqualTo(
          b.stream().map(TrialInfo::params).toList());
      assertThat(a).extracting(TrialInfo::objective).isEqualTo(
          b.stream().map(TrialInfo::objective).toList());
      assertThat(tb.resume(resumed.id(), 1, false)).isEqualTo(resumed);
    }
  }

  @Test
  void anObserverSeesEveryTrialAndStopsTheRunCleanlyForResume() {
    try (Trialbase tb = Trialbase.open(dir.resolve("runs.db"))) {
      // 20 ms a trial: few are in flight when the stop comes (fast trials queue by hundreds).
      tb.objective("line", "1", (params, trial) -> {
        Thread.sleep(20);
        return LINE.evaluate(params, trial);
      });
      List<Long> seen = new java.util.ArrayList<>();
      RunObserver stopAfterTen = new RunObserver() {
        @Override
        public void trialFinished(long number, String status, double objective,
            double bestObjective) {
          seen.add(number);
          assertThat(status).isEqualTo("complete");
          assertThat(bestObjective).isLessThanOrEqualTo(objective);
        }

        @Override
        public boolean stopRequested() {
          return seen.size() >= 10;
        }
      };
      RunInfo stopped = tb.run(line(60).build(), 2, stopAfterTen);
      assertThat(stopped.status()).isEqualTo("interrupted");
      assertThat(stopped.trials()).isEqualTo(seen.size()).isBetween(10, 20);

      tb.objective("line", "1", LINE);
      RunInfo resumed = tb.resume(stopped.id(), 2, false);
      assertThat(resumed.status()).isEqualTo("complete");
      assertThat(resumed.trials()).isEqualTo(60);
      RunInfo whole = tb.run(line(60).build());
      assertThat(tb.trials(resumed.id())).extracting(TrialInfo::objective).isEqualTo(
          tb.trials(whole.id()).stream().map(TrialInfo::objective).toList());
    }
  }

  @Test
  void resumingRefusesAnObjectiveWhoseVersionChanged() {
    try (Trialbase tb = Trialbase.open(dir.resolve("runs.db"))) {
      tb.objective("line", "1", LINE);
      assertThatThrownBy(() -> tb.run(line(10).build(), 1, breaksAfter(3)));
      long id = tb.runs().get(0).id();
      tb.objective("line", "2", LINE);
      assertThatThrownBy(() -> tb.resume(id, 1, false))
          .hasMessageContaining("objective 'line' was version 1")
          .hasMessageContaining("now 2");
      assertThat(tb.resume(id, 1, true).status()).isEqualTo("complete");
    }
  }

  /** An observer that throws once {@code trials} trials are stored, breaking the run. */
  private static RunObserver breaksAfter(int trials) {
    return new RunObserver() {
      private int seen;

      @Override
      public void trialFinished(long number, String status, double objective,
          double bestObjective) {
        if (++seen == trials) {
          throw new IllegalStateException("the program around the run gave up");
        }
      }
    };
  }
}
