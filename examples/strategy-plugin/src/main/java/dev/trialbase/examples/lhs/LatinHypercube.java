package dev.trialbase.examples.lhs;

import dev.trialbase.api.Proposer;
import dev.trialbase.api.SearchSpace;
import dev.trialbase.api.SearchStrategy;
import dev.trialbase.api.StrategyOptions;
import org.pf4j.Extension;

/**
 * Latin hypercube sampling: {@code samples} points such that, for every parameter, each of
 * {@code samples} equal slices ("strata") of its range holds exactly one point. Random search
 * can leave parts of a range empty and crowd others; a Latin hypercube covers every range
 * evenly with the same number of trials.
 *
 * <p>Options ({@code strategy.options} in a spec):
 * <ul>
 *   <li>{@code samples} (required): how many points, which is also how many trials run;</li>
 *   <li>{@code seed} (optional): fixes the design whatever the run seed; by default the design
 *       derives from the run seed.</li>
 * </ul>
 *
 * <p>An extension is created once by PF4J with its no-arg constructor and shared: it keeps no
 * state; everything about one run lives in the {@link Proposer} that {@link #start} returns.
 */
@Extension
public class LatinHypercube implements SearchStrategy {

  @Override
  public String name() {
    return "latin-hypercube";
  }

  @Override
  public String description() {
    return "Latin hypercube sampling: each parameter's range cut into 'samples' strata, each used once";
  }

  /**
   * @throws IllegalArgumentException when {@code samples} is missing or not a positive integer,
   *     or {@code seed} is not an integer; Trialbase reports it as a spec error
   */
  @Override
  public Proposer start(SearchSpace space, StrategyOptions options) {
    int samples = samples(options.settings().get("samples"));
    long seed = options.settings().containsKey("seed")
        ? integer("seed", options.settings().get("seed"))
        : options.runSeed();
    return new LatinHypercubeProposer(space, samples, seed);
  }

  private static int samples(Object value) {
    if (value == null) {
      throw new IllegalArgumentException("latin-hypercube needs the number of points: set "
          + "\"options\": {\"samples\": 50} under \"strategy\"");
    }
    long n = integer("samples", value);
    if (n < 1 || n > 10_000_000) {
      throw new IllegalArgumentException("'samples' must be between 1 and 10000000, got " + n);
    }
    return (int) n;
  }

  private static long integer(String name, Object value) {
    if (value instanceof Integer || value instanceof Long || value instanceof Short) {
      return ((Number) value).longValue();
    }
    if (value instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())
        && Math.abs(n.doubleValue()) < 0x1p53) {
      return n.longValue();
    }
    throw new IllegalArgumentException("'" + name + "' must be an integer, got " + value);
  }
}
