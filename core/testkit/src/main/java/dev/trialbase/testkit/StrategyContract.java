package dev.trialbase.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trialbase.api.ParamSet;
import dev.trialbase.api.Proposer;
import dev.trialbase.api.SearchSpace;
import dev.trialbase.api.SearchStrategy;
import dev.trialbase.api.StrategyOptions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.junit.jupiter.api.Test;

/**
 * The contract every {@link SearchStrategy} keeps, as JUnit 5 tests. A strategy's test extends
 * this class and supplies the strategy:
 *
 * <pre>{@code
 * class MyStrategyContractTest extends StrategyContract {
 *   @Override
 *   protected SearchStrategy strategy() {
 *     return new MyStrategy();
 *   }
 * }
 * }</pre>
 *
 * <p>It checks, on every space of {@link #spaces()} (by default {@link ContractSpaces#all()}
 * plus {@link #extraSpaces()}), that:
 * <ul>
 *   <li>the same seed gives the same proposals, from a fresh proposer each time;</li>
 *   <li>different seeds give different proposals ({@link #usesRandomness()}), or the same
 *       proposals for a strategy that declares itself seed-independent;</li>
 *   <li>every proposal lies inside the space, for every parameter type;</li>
 *   <li>a finite strategy ({@link Proposer#size()} present) proposes exactly {@code size()}
 *       points, distinct where the space has that many, and then nothing;</li>
 *   <li>no proposal depends on the clock, or on which thread asks in which order;</li>
 *   <li>asking for the same trial twice gives the same answer (no state between calls);</li>
 *   <li>an adaptive proposer reads only the trials below {@code n - historyLag()}, even when
 *       handed later ones;</li>
 *   <li>a proposer that does not declare {@link Proposer#usesHistory()} ignores any history.</li>
 * </ul>
 *
 * <p>Trials are proposed as the engine proposes them (see {@link ProposalRun}): a fresh random
 * stream per trial derived from (seed, trial number) by {@link TrialRandom}, and for an adaptive
 * proposer the earlier trials below {@code n - historyLag()} as history, scored by
 * {@link #objective}. The run seed is also passed as {@link StrategyOptions#runSeed()}.
 *
 * <p>The test methods are public so that the checks can also be called directly.
 */
public abstract class StrategyContract {

  /** The seeds the determinism checks use; two runs of each must agree. */
  private static final long[] SEEDS = {1, 42, -7};

  /** The strategy under test. Called once per check; may return the same instance. */
  protected abstract SearchStrategy strategy();

  /**
   * The free-form options ({@code strategy.options} in a spec) every proposer is started with,
   * such as {@code Map.of("samples", 50)}. Empty by default.
   */
  protected Map<String, Object> settings() {
    return Map.of();
  }

  /**
   * Whether proposals depend on the seed. True by default; a deterministic strategy such as a
   * grid returns false, and is then checked to give the same proposals whatever the seed.
   */
  protected boolean usesRandomness() {
    return true;
  }

  /** Spaces to check beyond {@link ContractSpaces#all()}, by name. None by default. */
  protected Map<String, SearchSpace> extraSpaces() {
    return Map.of();
  }

  /**
   * Every space the checks run on, by name: {@link ContractSpaces#all()} then
   * {@link #extraSpaces()}. Override to leave out a space the strategy cannot search (its
   * {@code start} throws {@link IllegalArgumentException}), and say why in a comment.
   */
  protected Map<String, SearchSpace> spaces() {
    Map<String, SearchSpace> spaces = new LinkedHashMap<>(ContractSpaces.all());
    spaces.putAll(extraSpaces());
    return spaces;
  }

  /** The space on which different seeds must give different proposals. */
  protected SearchSpace seedSensitiveSpace() {
    return ContractSpaces.mixed();
  }

  /**
   * How many trials each check proposes (fewer when a finite strategy has fewer). A finite
   * strategy is always exhausted in full by the exhaustion check when it has at most
   * {@link #exhaustionLimit()} points.
   */
  protected int trialsToCheck() {
    return 60;
  }

  /** The largest finite strategy the exhaustion check proposes in full. */
  protected long exhaustionLimit() {
    return 20_000;
  }

  /** The stand-in objective adaptive strategies see in their history; pure, higher is better. */
  protected double objective(ParamSet params) {
    return ProposalRun.defaultObjective(params);
  }

  /** How long the clock check waits between two runs. */
  protected Duration clockGap() {
    return Duration.ofMillis(25);
  }

  /** How many threads propose at once in the thread-order check. */
  protected int threads() {
    return 4;
  }

  /** The options a run seeded with {@code runSeed} gives the strategy. */
  protected StrategyOptions options(long runSeed) {
    return new StrategyOptions(settings(), true, runSeed);
  }

  // ---------------------------------------------------------------------------------------------
  // The checks

  @Test
  public void describesItself() {
    SearchStrategy strategy = strategy();
    assertThat(strategy.name()).as("name()").isNotBlank().doesNotContainAnyWhitespaces();
    assertThat(strategy.description()).as("description()").isNotBlank();
    for (Map.Entry<String, SearchSpace> e : spaces().entrySet()) {
      Proposer proposer = start(e.getKey(), e.getValue(), 1);
      assertThat(proposer.historyLag()).as("historyLag() on space '%s'", e.getKey())
          .isNotNegative();
      proposer.size().ifPresent(size -> assertThat(size)
          .as("size() on space '%s'", e.getKey()).isNotNegative());
    }
  }

  @Test
  public void sameSeedGivesSameProposals() {
    forEachSpace((name, space) -> {
      for (long seed : SEEDS) {
        List<Optional<ParamSet>> first = run(start(name, space, seed), seed);
        List<Optional<ParamSet>> second = run(start(name, space, seed), seed);
        assertSame("space '" + name + "', seed " + seed + ": two runs with the same seed",
            first, second);
      }
    });
  }

  @Test
  public void differentSeedsGiveDifferentProposalsUnlessSeedIndependent() {
    if (usesRandomness()) {
      SearchSpace space = seedSensitiveSpace();
      List<List<Optional<ParamSet>>> runs = new ArrayList<>();
      for (long seed : SEEDS) {
        runs.add(run(start("seed-sensitive", space, seed), seed));
      }
      for (int i = 0; i < runs.size(); i++) {
        for (int j = i + 1; j < runs.size(); j++) {
          assertThat(runs.get(i))
              .as("seeds %d and %d gave the same %d proposals; a strategy that uses no "
                  + "randomness must override usesRandomness() to return false",
                  SEEDS[i], SEEDS[j], runs.get(i).size())
              .isNotEqualTo(runs.get(j));
        }
      }
    } else {
      forEachSpace((name, space) -> {
        List<Optional<ParamSet>> reference = run(start(name, space, SEEDS[0]), SEEDS[0]);
        for (long seed : SEEDS) {
          assertSame("space '" + name + "': usesRandomness() is false, so seed " + SEEDS[0]
              + " and seed " + seed, reference, run(start(name, space, seed), seed));
        }
      });
    }
  }

  @Test
  public void everyProposalLiesInTheSpace() {
    forEachSpace((name, space) -> {
      for (long seed : SEEDS) {
        Proposer proposer = start(name, space, seed);
        int count = proposer.size().isPresent()
            ? (int) Math.min(proposer.size().getAsLong(), Math.max(trialsToCheck(), 2_000))
            : trialsToCheck() * 10;
        List<Optional<ParamSet>> proposals = new ProposalRun(proposer, seed, this::objective)
            .sequential(count);
        for (int n = 0; n < proposals.size(); n++) {
          Optional<ParamSet> p = proposals.get(n);
          if (p.isPresent() && !space.contains(p.get())) {
            throw new AssertionError("space '" + name + "', seed " + seed + ", trial " + n
                + ": proposal " + p.get() + " lies outside the space: "
                + ContractSpaces.outside(space, p.get()));
          }
        }
      }
    });
  }

  @Test
  public void finiteStrategyExhaustsItsSpaceExactlyOnce() {
    forEachSpace((name, space) -> {
      long seed = SEEDS[1];
      Proposer proposer = start(name, space, seed);
      ProposalRun run = new ProposalRun(proposer, seed, this::objective);
      OptionalLong size = proposer.size();
      if (size.isEmpty()) {
        List<Optional<ParamSet>> proposals = run.sequential(trialsToCheck());
        for (int n = 0; n < proposals.size(); n++) {
          assertThat(proposals.get(n))
              .as("space '%s', trial %d: an unbounded proposer (size() empty) proposed "
                  + "nothing; a strategy that can run out must report size()", name, n)
              .isPresent();
        }
        return;
      }
      long s = size.getAsLong();
      String where = "space '" + name + "', size() " + s;
      if (s <= exhaustionLimit()) {
        List<Optional<ParamSet>> proposals = run.sequential((int) s);
        Set<ParamSet> distinct = new HashSet<>();
        for (int n = 0; n < s; n++) {
          Optional<ParamSet> p = proposals.get(n);
          assertThat(p).as("%s: trial %d is below size() but nothing was proposed", where, n)
              .isPresent();
          boolean isNew = distinct.add(p.get());
          if (!isNew && ContractSpaces.distinctPoints(space) >= s) {
            throw new AssertionError(where + ": trial " + n + " repeats an earlier point "
                + p.get() + " although the space has at least " + s + " distinct points");
          }
        }
        for (long n : new long[] {s, s + 1, 2 * s + 17}) {
          assertThat(run.propose(n, proposals))
              .as("%s: trial %d is past the end but something was proposed", where, n)
              .isEmpty();
        }
      } else if (!proposer.usesHistory()) {
        assertThat(run.propose(s - 1, List.of()))
            .as("%s: the last trial, %d, proposed nothing", where, s - 1).isPresent();
        assertThat(run.propose(s, List.of()))
            .as("%s: trial %d is past the end but something was proposed", where, s).isEmpty();
      }
    });
  }

  @Test
  public void proposalsDoNotDependOnTheClock() throws InterruptedException {
    Map<String, List<Optional<ParamSet>>> before = new LinkedHashMap<>();
    Map<String, Proposer> proposers = new LinkedHashMap<>();
    long seed = SEEDS[0];
    for (Map.Entry<String, SearchSpace> e : spaces().entrySet()) {
      Proposer proposer = start(e.getKey(), e.getValue(), seed);
      proposers.put(e.getKey(), proposer);
      before.put(e.getKey(), run(proposer, seed));
    }
    Thread.sleep(clockGap().toMillis());
    for (Map.Entry<String, SearchSpace> e : spaces().entrySet()) {
      String name = e.getKey();
      assertSame("space '" + name + "': the same proposer asked again " + clockGap().toMillis()
          + " ms later", before.get(name), run(proposers.get(name), seed));
      assertSame("space '" + name + "': a proposer started " + clockGap().toMillis()
          + " ms later", before.get(name), run(start(name, e.getValue(), seed), seed));
    }
  }

  @Test
  public void proposalsDoNotDependOnThreadOrder() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads());
    try {
      for (Map.Entry<String, SearchSpace> e : spaces().entrySet()) {
        String name = e.getKey();
        long seed = SEEDS[2];
        Proposer proposer = start(name, e.getValue(), seed);
        ProposalRun run = new ProposalRun(proposer, seed, this::objective);
        List<Optional<ParamSet>> reference = run.sequential(count(proposer));
        for (int round = 0; round < 3; round++) {
          List<Integer> order = new ArrayList<>();
          for (int n = 0; n < reference.size(); n++) {
            order.add(n);
          }
          Collections.shuffle(order, new Random(round));
          AtomicReferenceArray<Optional<ParamSet>> got =
              new AtomicReferenceArray<>(reference.size());
          CountDownLatch go = new CountDownLatch(1);
          List<Future<?>> futures = new ArrayList<>();
          int workers = threads();
          for (int w = 0; w < workers; w++) {
            int worker = w;
            futures.add(pool.submit(() -> {
              go.await();
              for (int i = worker; i < order.size(); i += workers) {
                int n = order.get(i);
                got.set(n, run.propose(n, reference));
              }
              return null;
            }));
          }
          go.countDown();
          for (Future<?> f : futures) {
            try {
              f.get(60, TimeUnit.SECONDS);
            } catch (ExecutionException ex) {
              throw new AssertionError("space '" + name + "': proposing from " + workers
                  + " threads at once failed: " + ex.getCause(), ex.getCause());
            }
          }
          List<Optional<ParamSet>> concurrent = new ArrayList<>();
          for (int n = 0; n < got.length(); n++) {
            concurrent.add(got.get(n));
          }
          assertSame("space '" + name + "': trials proposed in shuffled order from " + workers
              + " threads at once (round " + round + ")", reference, concurrent);
        }
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  public void proposingTheSameTrialTwiceGivesTheSameAnswer() {
    forEachSpace((name, space) -> {
      long seed = SEEDS[1];
      Proposer proposer = start(name, space, seed);
      ProposalRun run = new ProposalRun(proposer, seed, this::objective);
      List<Optional<ParamSet>> reference = run.sequential(count(proposer));
      for (int n = 0; n < reference.size(); n++) {
        Optional<ParamSet> again = run.propose(n, reference);
        if (!again.equals(reference.get(n))) {
          throw new AssertionError("space '" + name + "': trial " + n + " asked twice on the "
              + "same proposer gave " + reference.get(n) + " then " + again + "; propose must "
              + "keep no state between calls");
        }
      }
      List<Optional<ParamSet>> backwards = new ArrayList<>(reference);
      for (int n = reference.size() - 1; n >= 0; n--) {
        backwards.set(n, run.propose(n, reference));
      }
      assertSame("space '" + name + "': the same trials asked again in reverse order",
          reference, backwards);
    });
  }

  /**
   * An adaptive proposer uses only the trials numbered below {@code n - historyLag()}: given
   * also the later ones (which the engine never gives it), it proposes the same. A proposer
   * that read past its lag would change its answer with the finish order of parallel trials.
   */
  @Test
  public void historyBeyondTheLagIsNeverRead() {
    forEachSpace((name, space) -> {
      long seed = SEEDS[1];
      Proposer proposer = start(name, space, seed);
      if (!proposer.usesHistory()) {
        return; // nonAdaptiveProposalsIgnoreTheHistory covers these
      }
      historyLeak(proposer, seed).ifPresent(leak -> {
        int lag = proposer.historyLag();
        throw new AssertionError("space '" + name + "', trial " + leak.trial() + ": proposed "
            + show(leak.plain()) + " from the trials below " + (leak.trial() - lag)
            + " but " + show(leak.withMore()) + " when the history also held trials numbered "
            + (leak.trial() - lag) + " or later; with historyLag() " + lag
            + " a proposal must use only the trials numbered below "
            + "n - historyLag(), or it would depend on which parallel trials finished first");
      });
    });
  }

  /**
   * A proposer that does not declare {@link Proposer#usesHistory()} gets an empty history from
   * the engine; if its proposals changed with a history, it forgot to declare it (and the
   * engine would not wait for the trials it means to read).
   */
  @Test
  public void nonAdaptiveProposalsIgnoreTheHistory() {
    forEachSpace((name, space) -> {
      long seed = SEEDS[2];
      Proposer proposer = start(name, space, seed);
      if (proposer.usesHistory()) {
        return;
      }
      historyLeak(proposer, seed).ifPresent(leak -> {
        throw new AssertionError("space '" + name + "', trial " + leak.trial() + ": proposed "
            + show(leak.plain()) + " with an empty history but " + show(leak.withMore())
            + " when given earlier trials, yet usesHistory() is false; a proposer that "
            + "reads the history must declare usesHistory() (and its historyLag())");
      });
    });
  }

  /** A trial whose proposal changed when its history also held trials the engine withholds. */
  private record Leak(int trial, Optional<ParamSet> plain, Optional<ParamSet> withMore) {
  }

  /**
   * Proposes every trial with the history the engine gives it, then with the later trials
   * too: the first trial whose proposal changed. Empty also for a proposer that is not a pure
   * function at all, which the purity checks report; whole runs are compared first, so a
   * random proposer cannot pass that guard by drawing one point twice.
   */
  private Optional<Leak> historyLeak(Proposer proposer, long seed) {
    ProposalRun run = new ProposalRun(proposer, seed, this::objective);
    List<Optional<ParamSet>> reference = run.sequential(count(proposer));
    if (!reference.equals(run.sequential(count(proposer)))) {
      return Optional.empty();
    }
    for (int n = 0; n < reference.size(); n++) {
      Optional<ParamSet> plain = run.propose(n, reference);
      if (!plain.equals(reference.get(n))) {
        return Optional.empty();
      }
      Optional<ParamSet> withMore = proposer.propose(n, TrialRandom.forTrial(seed, n),
          run.historyWithLaterTrials(n, reference));
      if (!withMore.equals(plain)) {
        return Optional.of(new Leak(n, plain, withMore));
      }
    }
    return Optional.empty();
  }

  // ---------------------------------------------------------------------------------------------
  // Helpers

  private interface SpaceCheck {
    void check(String name, SearchSpace space);
  }

  private void forEachSpace(SpaceCheck check) {
    spaces().forEach(check::check);
  }

  /** Starts the strategy on {@code space}; a refusal fails with a hint. */
  protected Proposer start(String name, SearchSpace space, long runSeed) {
    SearchStrategy strategy = strategy();
    Proposer proposer;
    try {
      proposer = strategy.start(space, options(runSeed));
    } catch (IllegalArgumentException e) {
      throw new AssertionError("strategy '" + strategy.name() + "' refused space '" + name
          + "' " + space.parameters() + ": " + e.getMessage()
          + " (override spaces() to leave out a space it cannot search)", e);
    }
    assertThat(proposer).as("start() on space '%s'", name).isNotNull();
    return proposer;
  }

  private int count(Proposer proposer) {
    OptionalLong size = proposer.size();
    return size.isPresent() ? (int) Math.min(size.getAsLong() + 2, trialsToCheck())
        : trialsToCheck();
  }

  private List<Optional<ParamSet>> run(Proposer proposer, long seed) {
    return new ProposalRun(proposer, seed, this::objective).sequential(count(proposer));
  }

  /** Fails naming the first trial on which two lists of proposals differ. */
  private static void assertSame(String what, List<Optional<ParamSet>> expected,
      List<Optional<ParamSet>> actual) {
    for (int n = 0; n < Math.min(expected.size(), actual.size()); n++) {
      if (!expected.get(n).equals(actual.get(n))) {
        throw new AssertionError(what + " disagree at trial " + n + ": " + show(expected.get(n))
            + " then " + show(actual.get(n)) + "; a proposal must be a pure function of "
            + "(space, options, trial number, random stream, history): no clock, no other "
            + "randomness, no state between calls, nothing thread-dependent");
      }
    }
    if (expected.size() != actual.size()) {
      throw new AssertionError(what + ": " + expected.size() + " then " + actual.size()
          + " proposals");
    }
  }

  private static String show(Optional<ParamSet> p) {
    return p.map(ParamSet::toString).orElse("nothing");
  }
}
