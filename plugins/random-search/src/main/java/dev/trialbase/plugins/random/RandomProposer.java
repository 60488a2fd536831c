package dev.trialbase.plugins.random;

import dev.trialbase.api.Distribution;
import dev.trialbase.api.Distribution.Categorical;
import dev.trialbase.api.Distribution.FloatRange;
import dev.trialbase.api.Distribution.IntRange;
import dev.trialbase.api.History;
import dev.trialbase.api.ParamSet;
import dev.trialbase.api.Proposer;
import dev.trialbase.api.SearchSpace;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * Draws one parameter set per call, a pure function of the space and the random stream: the
 * trial number and history are not consulted, because the engine already derived
 * {@code random} from (run seed, trial number).
 */
final class RandomProposer implements Proposer {

  private final SearchSpace space;

  RandomProposer(SearchSpace space) {
    this.space = space;
  }

  @Override
  public Optional<ParamSet> propose(long number, SplittableRandom random, History history) {
    Map<String, Object> values = new LinkedHashMap<>();
    space.parameters().forEach((name, distribution) -> values.put(name, draw(distribution, random)));
    return Optional.of(ParamSet.of(values));
  }

  /** One value of {@code d}: a {@code Long} for integer ranges, a {@code Double} for floats. */
  static Object draw(Distribution d, SplittableRandom random) {
    if (d instanceof Categorical c) {
      return c.choices().get(random.nextInt(c.choices().size()));
    }
    if (d instanceof IntRange r) {
      return r.low() + r.step() * random.nextLong(r.size());
    }
    FloatRange f = (FloatRange) d;
    if (f.low() == f.high()) {
      return f.low();
    }
    double v;
    if (f.log()) {
      v = Math.exp(random.nextDouble(Math.log(f.low()), Math.log(f.high())));
    } else if (Double.isFinite(f.high() - f.low())) {
      v = random.nextDouble(f.low(), f.high());
    } else {
      v = wide(f.low(), f.high(), random.nextDouble());
    }
    return Math.min(f.high(), Math.max(f.low(), v));
  }

  /**
   * {@code low + u * (high - low)} for a range so wide that {@code high - low} overflows to
   * infinity (such as [-1.7e308, 1.7e308]): the half span is finite, and adding it scaled twice
   * never leaves the range.
   */
  static double wide(double low, double high, double u) {
    double half = high / 2 - low / 2;
    return low + u * half + u * half;
  }
}
