package dev.trialbase.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trialbase.api.Dataset;
import dev.trialbase.api.Estimator;
import dev.trialbase.api.Model;
import dev.trialbase.api.ParamInfo;
import dev.trialbase.api.ParamSet;
import dev.trialbase.eval.Folds;
import dev.trialbase.eval.Metric;
import dev.trialbase.store.StoredTrial;
import dev.trialbase.store.TrialRecord;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * How many trials the scheduler keeps in flight: two per worker for trials of 10 ms or more,
 * more for fast ones (so a group commit has company), never unbounded; and on a stop request
 * queued trials are dropped unstarted while every trial that started is recorded.
 */
class TrialSchedulerTest {

  private static final int FOLDS = 2;

  @Test
  void slowTrialsKeepTwoPerWorkerInFlight() throws Exception {
    Plan plan = new Plan(12, Integer.MAX_VALUE);
    try (TrialScheduler scheduler = new TrialScheduler(2, new InProcessTrials(
        evaluator(new Sleepy(6)), null))) {
      scheduler.runAll(plan);
    }
    assertThat(plan.recorded).hasSize(12);
    assertThat(plan.maxInFlight).isLessThanOrEqualTo(4);
  }

  @Test
  void fastTrialsMayQueueMoreButBoundedAndEveryTrialIsRecordedOnce() throws Exception {
    Plan plan = new Plan(5_000, Integer.MAX_VALUE);
    try (TrialScheduler scheduler = new TrialScheduler(1, new InProcessTrials(
        evaluator(new Sleepy(0)), null))) {
      scheduler.runAll(plan);
    }
    assertThat(plan.recorded).hasSize(5_000);
    assertThat(new HashSet<>(plan.recorded)).hasSize(5_000);
    assertThat(plan.maxInFlight).isGreaterThan(2)
        .isLessThanOrEqualTo(TrialScheduler.MAX_IN_FLIGHT_PER_JOB);
  }

  @Test
  void aStopDropsQueuedTrialsAndRecordsEveryTrialThatStarted() throws Exception {
    Sleepy estimator = new Sleepy(0);
    Plan plan = new Plan(1_000_000, 2_000);
    try (TrialScheduler scheduler = new TrialScheduler(1, new InProcessTrials(
        evaluator(estimator), null))) {
      scheduler.runAll(plan);
    }
    assertThat(plan.recorded.size()).isBetween(2_000, 2_000 + TrialScheduler.MAX_IN_FLIGHT_PER_JOB);
    // Each started trial created one model per fold: none started without being recorded.
    assertThat(estimator.created.get()).isEqualTo(plan.recorded.size() * FOLDS);
  }

  @Test
  void theLimitFollowsTheSlowestRecentTrial() {
    try (TrialScheduler scheduler = new TrialScheduler(2, new InProcessTrials(
        evaluator(new Sleepy(0)), null))) {
      assertThat(scheduler.inFlightLimit()).isEqualTo(4);
    }
  }

  private static TrialEvaluator evaluator(Estimator estimator) {
    int[] labels = {0, 1, 0, 1, 0, 1, 0, 1};
    double[][] x = new double[labels.length][];
    for (int i = 0; i < x.length; i++) {
      x[i] = new double[] {i};
    }
    Dataset train = Dataset.classification(List.of("x"), x, labels, List.of("0", "1"));
    return new CrossValidation(estimator, ParamSet.empty(),
        new RunMetrics(List.of(Metric.ACCURACY), Metric.ACCURACY, 1), 1, train,
        Folds.stratified(labels, FOLDS, 1));
  }

  /** Fits for {@code millis}, predicts one half; counts the models it makes. */
  private static final class Sleepy implements Estimator {
    final AtomicInteger created = new AtomicInteger();
    private final long millis;

    Sleepy(long millis) {
      this.millis = millis;
    }

    @Override
    public String name() {
      return "sleepy";
    }

    @Override
    public String description() {
      return "sleeps";
    }

    @Override
    public List<ParamInfo> parameters() {
      return List.of();
    }

    @Override
    public Model create(ParamSet params) {
      created.incrementAndGet();
      return new Model() {
        @Override
        public void fit(Dataset train, long seed) throws Exception {
          if (millis > 0) {
            Thread.sleep(millis);
          }
        }

        @Override
        public double[][] predictProbabilities(Dataset data) {
          double[][] p = new double[data.size()][];
          for (int i = 0; i < p.length; i++) {
            p[i] = new double[] {0.5, 0.5};
          }
          return p;
        }
      };
    }
  }

  /** Proposes trials 0..planned-1; asks to stop once {@code stopAfter} are recorded. */
  private static final class Plan implements TrialPlan {
    final List<Long> recorded = new ArrayList<>();
    private final Set<Long> proposed = new HashSet<>();
    private final long planned;
    private final int stopAfter;
    int maxInFlight;

    Plan(long planned, int stopAfter) {
      this.planned = planned;
      this.stopAfter = stopAfter;
    }

    @Override
    public long planned() {
      return planned;
    }

    @Override
    public boolean done(long n) {
      return false;
    }

    @Override
    public boolean mayPropose(long n) {
      return true;
    }

    @Override
    public Optional<ParamSet> propose(long n) {
      proposed.add(n);
      maxInFlight = Math.max(maxInFlight, proposed.size() - recorded.size());
      return Optional.of(ParamSet.empty());
    }

    @Override
    public void finished(List<StoredTrial> trials) {
      trials.forEach(t -> recorded.add(t.record().number()));
    }

    @Override
    public void idle() {
    }

    @Override
    public boolean stopRequested() {
      return recorded.size() >= stopAfter;
    }
  }
}
