package dev.trialbase.testkit;

import dev.trialbase.api.Distribution;
import dev.trialbase.api.Distribution.Categorical;
import dev.trialbase.api.Distribution.FloatRange;
import dev.trialbase.api.Distribution.IntRange;
import dev.trialbase.api.ParamSet;
import dev.trialbase.api.SearchSpace;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.random.RandomGenerator;

/** Correct draws from a space, which the test strategies build on (and some break). */
final class Draw {

  private Draw() {
  }

  static ParamSet point(SearchSpace space, RandomGenerator random) {
    Map<String, Object> values = new LinkedHashMap<>();
    space.parameters().forEach((name, d) -> values.put(name, value(d, random)));
    return ParamSet.of(values);
  }

  static Object value(Distribution d, RandomGenerator random) {
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
    double v = f.log()
        ? Math.exp(random.nextDouble(Math.log(f.low()), Math.log(f.high())))
        : random.nextDouble(f.low(), f.high());
    return Math.min(f.high(), Math.max(f.low(), v));
  }
}
