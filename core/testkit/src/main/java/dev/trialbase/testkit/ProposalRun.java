package dev.trialbase.testkit;

import dev.trialbase.api.History;
import dev.trialbase.api.ParamSet;
import dev.trialbase.api.Proposer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.ToDoubleFunction;

/**
 * Asks a {@link Proposer} for trials the way the engine does, without running any: trial
 * {@code n} gets {@link TrialRandom#forTrial(long, long) its own random stream} and, when the
 * proposer {@link Proposer#usesHistory() uses history}, exactly the earlier trials numbered
 * below {@code n - historyLag()}, scored by a deterministic stand-in objective. Every fifth
 * trial (numbers 4, 9, 14, ...) counts as failed, so adaptive strategies meet failures too.
 */
public final class ProposalRun {

  private final Proposer proposer;
  private final long runSeed;
  private final ToDoubleFunction<ParamSet> objective;

  /**
   * @param objective the stand-in score of a finished trial (higher is better), a pure
   *     function of its parameters
   */
  public ProposalRun(Proposer proposer, long runSeed, ToDoubleFunction<ParamSet> objective) {
    this.proposer = proposer;
    this.runSeed = runSeed;
    this.objective = objective;
  }

  /** A run scored by {@link #defaultObjective}. */
  public ProposalRun(Proposer proposer, long runSeed) {
    this(proposer, runSeed, ProposalRun::defaultObjective);
  }

  /** A score in [0, 1) that is a pure function of the parameters (of their hash code). */
  public static double defaultObjective(ParamSet params) {
    return (TrialRandom.mix(params.hashCode()) >>> 11) * 0x1.0p-53;
  }

  /**
   * Trials {@code 0 .. count-1}, proposed in number order, each seeing the ones before it as
   * history. Empty entries are trials a finite strategy did not propose.
   */
  public List<Optional<ParamSet>> sequential(int count) {
    List<Optional<ParamSet>> proposals = new ArrayList<>(count);
    for (int n = 0; n < count; n++) {
      proposals.add(propose(n, proposals));
    }
    return proposals;
  }

  /**
   * Trial {@code n}, with the history made from {@code earlier}: the proposals of trials
   * {@code 0, 1, ...} (at least up to {@code n - historyLag() - 1} when the proposer uses history).
   */
  public Optional<ParamSet> propose(long n, List<Optional<ParamSet>> earlier) {
    Optional<ParamSet> proposal = proposer.propose(n, TrialRandom.forTrial(runSeed, n),
        history(n, earlier));
    if (proposal == null) {
      throw new AssertionError("trial " + n + ": propose returned null; return "
          + "Optional.empty() when a finite strategy is done");
    }
    return proposal;
  }

  /** What the engine would hand the proposer as history for trial {@code n}. */
  public History history(long n, List<Optional<ParamSet>> earlier) {
    if (!proposer.usesHistory()) {
      return History.empty();
    }
    return finished(earlier, 0, n - proposer.historyLag(), 0);
  }

  /**
   * A history the engine never gives: every trial of {@code earlier} numbered below
   * {@code n + 2}, so also the {@code historyLag()} trials just before {@code n}, {@code n}
   * itself and the one after, whatever {@link Proposer#usesHistory()} says. The trials at or
   * after {@code n - historyLag()} score 2 above the stand-in objective (better than any
   * visible trial), so that a proposer that read them would likely change its proposal.
   */
  public History historyWithLaterTrials(long n, List<Optional<ParamSet>> earlier) {
    long visible = proposer.usesHistory() ? n - proposer.historyLag() : 0;
    List<History.FinishedTrial> all = new ArrayList<>(
        finished(earlier, 0, visible, 0).trials());
    all.addAll(finished(earlier, Math.max(0, visible), n + 2, 2).trials());
    return new History(all);
  }

  /** Trials {@code from .. to-1} of {@code earlier}, every fifth failed, scores shifted. */
  private History finished(List<Optional<ParamSet>> earlier, long from, long to, double shift) {
    List<History.FinishedTrial> finished = new ArrayList<>();
    for (int k = (int) Math.max(0, from); k < to && k < earlier.size(); k++) {
      Optional<ParamSet> p = earlier.get(k);
      if (p.isEmpty()) {
        continue;
      }
      boolean ok = k % 5 != 4;
      finished.add(new History.FinishedTrial(k, p.get(), ok, ok
          ? OptionalDouble.of(shift + objective.applyAsDouble(p.get())) : OptionalDouble.empty()));
    }
    return new History(finished);
  }
}
