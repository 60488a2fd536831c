package dev.trialbase.engine;

import dev.trialbase.api.History;
import dev.trialbase.api.ParamSet;
import dev.trialbase.api.Proposer;
import dev.trialbase.store.RunRecorder;
import dev.trialbase.store.StoredTrial;
import dev.trialbase.store.TrialCursor;
import dev.trialbase.store.TrialRecord;
import dev.trialbase.store.TrialStatus;
import dev.trialbase.store.TrialView;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * The state of one run while its trials execute: which trials are already stored (after a
 * resume, asked of {@link StoredNumbers}), the best trial so far, the counts, and — for
 * adaptive proposers only — the history they may see; with a pruner, its {@link FoldPruning}.
 * Holds nothing per trial for non-adaptive strategies without a pruner, resumed or not, so
 * such a run of any length fits in a small heap.
 * Used from the scheduler's calling thread only.
 */
final class RunLoop implements TrialPlan {

  private final long runId;
  private final PreparedRun prepared;
  private final RunRecorder recorder;
  private final RunListener listener;
  private final RunControl control;
  private final Proposer proposer;
  private final long seed;
  private final boolean maximize;
  private final StoredNumbers stored;
  /**
   * The history an adaptive proposer may see: trials 0, 1, 2, ... finished without a gap, in
   * number order. Trials that finished ahead of a gap wait in {@link #ahead}.
   */
  private final List<History.FinishedTrial> history = new ArrayList<>();
  private final TreeMap<Long, History.FinishedTrial> ahead = new TreeMap<>();
  private final Best best;
  /** The run's pruner; null when the spec has none. */
  private final FoldPruning pruning;
  private long trials;
  private long failed;
  private long pruned;

  /**
   * @param stored the trials already stored (a resumed run's), asked in rising order; the
   *     run loop learns their outcomes through {@link #restore}
   */
  RunLoop(long runId, PreparedRun prepared, RunRecorder recorder, RunListener listener,
      RunControl control, StoredNumbers stored) {
    this.runId = runId;
    this.prepared = prepared;
    this.recorder = recorder;
    this.listener = listener;
    this.control = control;
    this.stored = stored;
    this.proposer = prepared.proposer();
    this.seed = prepared.spec().spec().seed();
    this.maximize = prepared.maximize();
    this.best = new Best(maximize);
    this.pruning = prepared.pruning() == null ? null
        : new FoldPruning(prepared.pruning(), maximize);
  }

  /** Whether {@link #restore} needs each stored trial's fold scores (for the pruner). */
  boolean restoresFolds() {
    return pruning != null;
  }

  /**
   * Counts a trial stored before a resume, as if it had just finished: the best trial, the
   * counts and, only where the run keeps them anyway, the strategy's and pruner's history.
   */
  void restore(TrialCursor.Row row) {
    TrialView t = row.trial();
    TrialStatus status = TrialStatus.byId(t.status());
    if (pruning != null) {
      pruning.stored(t.number(), status, FoldPruning.objectiveFolds(row.folds(),
          prepared.objectiveId()));
    }
    count(t.number(), status, t.params(), t.objective() == null ? Double.NaN : t.objective());
  }

  @Override
  public long planned() {
    return prepared.plannedTrials();
  }

  @Override
  public boolean done(long n) {
    return stored.contains(n);
  }

  @Override
  public boolean mayPropose(long n) {
    long visible = n - proposer.historyLag();
    boolean proposable = !proposer.usesHistory() || visible <= 0
        || visible <= history.size();
    return proposable && (pruning == null || pruning.mayStart(n));
  }

  @Override
  public FoldCheck foldCheck(long n) {
    return pruning == null ? FoldCheck.NONE : pruning.forTrial(n);
  }

  /**
   * The proposal for trial {@code n}: its random stream derives from (seed, n) alone, and an
   * adaptive proposer sees exactly the trials numbered below {@code n - historyLag()}.
   */
  @Override
  public Optional<ParamSet> propose(long n) {
    SplittableRandom random = new SplittableRandom(
        Seeds.derive(seed, Seeds.Stream.PROPOSAL, n, 0));
    History visible = History.empty();
    if (proposer.usesHistory()) {
      long below = Math.max(0, n - proposer.historyLag());
      if (below > history.size()) {
        throw new IllegalStateException("trial " + n + " proposed before trials below " + below
            + " finished");
      }
      visible = new History(history.subList(0, (int) below));
    }
    return proposer.propose(n, random, visible);
  }

  @Override
  public void finished(List<StoredTrial> batch) {
    recorder.recordStored(runId, batch);
    for (StoredTrial stored : batch) {
      TrialRecord trial = stored.record();
      if (pruning != null) {
        pruning.finished(trial, prepared.objectiveId());
      }
      count(trial.number(), trial.status(), trial.params(), trial.objective());
      listener.trialFinished(trial, best.score());
    }
  }

  private void count(long number, TrialStatus status, ParamSet params, double objective) {
    boolean complete = status == TrialStatus.COMPLETE;
    best.offer(number, complete, objective, params);
    trials++;
    failed += complete ? 0 : 1;
    pruned += status == TrialStatus.PRUNED ? 1 : 0;
    if (proposer.usesHistory()) {
      boolean scored = complete && Double.isFinite(objective);
      ahead.put(number, new History.FinishedTrial(number, params, scored, scored
          ? OptionalDouble.of(maximize ? objective : -objective) : OptionalDouble.empty()));
      for (var next = ahead.remove((long) history.size()); next != null;
          next = ahead.remove((long) history.size())) {
        history.add(next);
      }
    }
  }

  @Override
  public void idle() {
    recorder.heartbeat(runId);
  }

  @Override
  public boolean stopRequested() {
    return control.stopRequested();
  }

  Best best() {
    return best;
  }

  long trials() {
    return trials;
  }

  long failed() {
    return failed;
  }

  long pruned() {
    return pruned;
  }

  /** The best complete trial so far: highest (or lowest) objective, lowest number on ties. */
  static final class Best {
    private final boolean maximize;
    private Long number;
    private ParamSet params;
    private double score = Double.NaN;

    Best(boolean maximize) {
      this.maximize = maximize;
    }

    void offer(long trial, boolean complete, double objective, ParamSet trialParams) {
      if (!complete || !Double.isFinite(objective)) {
        return;
      }
      boolean better = number == null
          || (maximize ? objective > score : objective < score)
          || (objective == score && trial < number);
      if (better) {
        number = trial;
        params = trialParams;
        score = objective;
      }
    }

    Long number() {
      return number;
    }

    ParamSet params() {
      return params;
    }

    double score() {
      return score;
    }
  }
}
