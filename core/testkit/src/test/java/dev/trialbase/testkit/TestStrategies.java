package dev.trialbase.testkit;

import dev.trialbase.api.History;
import dev.trialbase.api.ParamSet;
import dev.trialbase.api.Proposer;
import dev.trialbase.api.SearchSpace;
import dev.trialbase.api.SearchStrategy;
import dev.trialbase.api.StrategyOptions;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Random;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;

/** Strategies that keep the contract, and strategies that each break one part of it. */
final class TestStrategies {

  private TestStrategies() {
  }

  /** A proposer as a lambda over (space, options, n, random, history). */
  interface Rule {
    Optional<ParamSet> propose(SearchSpace space, StrategyOptions options, long n,
        SplittableRandom random, History history);
  }

  /** A strategy whose proposers follow {@code rule}. */
  static SearchStrategy strategy(String name, Rule rule) {
    return strategy(name, rule, OptionalLong.empty(), false, 0);
  }

  static SearchStrategy strategy(String name, Rule rule, OptionalLong size, boolean history,
      int lag) {
    return new SearchStrategy() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public String description() {
        return "test strategy " + name;
      }

      @Override
      public Proposer start(SearchSpace space, StrategyOptions options) {
        return new Proposer() {
          @Override
          public Optional<ParamSet> propose(long n, SplittableRandom random, History h) {
            return rule.propose(space, options, n, random, h);
          }

          @Override
          public OptionalLong size() {
            return size;
          }

          @Override
          public boolean usesHistory() {
            return history;
          }

          @Override
          public int historyLag() {
            return lag;
          }
        };
      }
    };
  }

  // ---------------------------------------------------------------------------------------------
  // Keep the contract

  /** Independent draws from the trial's random stream. */
  static SearchStrategy random() {
    return strategy("good-random", (space, options, n, random, h) ->
        Optional.of(Draw.point(space, random)));
  }

  /**
   * Adaptive, lag 2: perturbs the best succeeded trial of the history below {@code n - 2} (each
   * parameter redrawn with probability 1/2), or draws afresh when there is none.
   */
  static SearchStrategy adaptive() {
    return strategy("good-adaptive", (space, options, n, random, h) -> {
      Optional<History.FinishedTrial> best = h.trials().stream()
          .filter(t -> t.number() < n - 2)
          .filter(History.FinishedTrial::succeeded)
          .max(Comparator.comparingDouble((History.FinishedTrial t) -> t.score().getAsDouble())
              .thenComparing(t -> -t.number()));
      if (best.isEmpty()) {
        return Optional.of(Draw.point(space, random));
      }
      Map<String, Object> values = new LinkedHashMap<>();
      space.parameters().forEach((name, d) -> values.put(name, random.nextBoolean()
          ? Draw.value(d, random) : best.get().params().get(name)));
      return Optional.of(ParamSet.of(values));
    }, OptionalLong.empty(), true, 2);
  }

  /** Finite: 20 draws, each from the trial's stream mixed with the run seed. */
  static SearchStrategy finite() {
    return strategy("good-finite", (space, options, n, random, h) -> n < 20
        ? Optional.of(Draw.point(space, TrialRandom.forTrial(options.runSeed(), n)))
        : Optional.empty(), OptionalLong.of(20), false, 0);
  }

  // ---------------------------------------------------------------------------------------------
  // Break it

  /** new Random(): unseeded, so nothing repeats. */
  static SearchStrategy unseededRandom() {
    return strategy("unseeded-random", (space, options, n, random, h) ->
        Optional.of(Draw.point(space, new Random())));
  }

  /** Seeds its proposer from System.nanoTime() in start(): pure per proposer, not per run. */
  static SearchStrategy clockSeeded() {
    return new SearchStrategy() {
      @Override
      public String name() {
        return "clock-seeded";
      }

      @Override
      public String description() {
        return "seeds from the clock";
      }

      @Override
      public Proposer start(SearchSpace space, StrategyOptions options) {
        long t = System.nanoTime();
        return (n, random, h) -> Optional.of(Draw.point(space, new SplittableRandom(t + n)));
      }
    };
  }

  /** Forgets the step of integer ranges: values between the steps fall outside the space. */
  static SearchStrategy ignoresIntStep() {
    return strategy("ignores-int-step", (space, options, n, random, h) -> {
      Map<String, Object> values = new LinkedHashMap<>();
      space.parameters().forEach((name, d) -> values.put(name,
          d instanceof dev.trialbase.api.Distribution.IntRange r
              ? r.low() + random.nextLong(r.high() - r.low() + 1)
              : Draw.value(d, random)));
      return Optional.of(ParamSet.of(values));
    });
  }

  /** Finite (size 20) but proposes each point twice: trial n is point n / 2. */
  static SearchStrategy repeatsPoints() {
    return strategy("repeats-points", (space, options, n, random, h) -> n < 20
        ? Optional.of(Draw.point(space, TrialRandom.forTrial(options.runSeed(), n / 2)))
        : Optional.empty(), OptionalLong.of(20), false, 0);
  }

  /** Declares size 20 but never runs out. */
  static SearchStrategy overrunsItsSize() {
    return strategy("overruns-its-size", (space, options, n, random, h) ->
        Optional.of(Draw.point(space, TrialRandom.forTrial(options.runSeed(), n))),
        OptionalLong.of(20), false, 0);
  }

  /** Counts calls and draws the counter's point, ignoring the trial number: hidden state. */
  static SearchStrategy hiddenCounter() {
    return new SearchStrategy() {
      @Override
      public String name() {
        return "hidden-counter";
      }

      @Override
      public String description() {
        return "keeps a counter between calls";
      }

      @Override
      public Proposer start(SearchSpace space, StrategyOptions options) {
        AtomicLong calls = new AtomicLong();
        return (n, random, h) -> Optional.of(Draw.point(space,
            TrialRandom.forTrial(options.runSeed(), calls.getAndIncrement())));
      }
    };
  }

  /** Mixes the current thread's name into its draws. */
  static SearchStrategy threadDependent() {
    return strategy("thread-dependent", (space, options, n, random, h) ->
        Optional.of(Draw.point(space,
            new SplittableRandom(random.nextLong() ^ Thread.currentThread().getName().hashCode()))));
  }

  /** Ignores the random stream and the run seed, though it claims to use randomness. */
  static SearchStrategy ignoresSeed() {
    return strategy("ignores-seed", (space, options, n, random, h) ->
        Optional.of(Draw.point(space, new SplittableRandom(n))));
  }

  /**
   * Adaptive, but forgets to declare it: the best trial of the history, perturbed. The engine
   * gives it an empty history, so in a real run it is random search pretending.
   */
  static SearchStrategy forgetsUsesHistory() {
    SearchStrategy adaptive = adaptive();
    return strategy("forgets-uses-history", (space, options, n, random, h) ->
        adaptive.start(space, options).propose(n + 2, random, h));
  }

  /**
   * Adaptive with lag 2, but perturbs the latest trial of whatever history it gets: harmless
   * only as long as nobody hands it a trial numbered n - 2 or later.
   */
  static SearchStrategy readsPastItsLag() {
    return strategy("reads-past-its-lag", (space, options, n, random, h) -> {
      if (h.trials().isEmpty()) {
        return Optional.of(Draw.point(space, random));
      }
      ParamSet latest = h.trials().get(h.trials().size() - 1).params();
      Map<String, Object> values = new LinkedHashMap<>();
      space.parameters().forEach((name, d) -> values.put(name, random.nextBoolean()
          ? Draw.value(d, random) : latest.get(name)));
      return Optional.of(ParamSet.of(values));
    }, OptionalLong.empty(), true, 2);
  }

  /** Uses the random stream, but its contract says it is seed-independent. */
  static SearchStrategy claimsSeedIndependence() {
    return random();
  }
}
