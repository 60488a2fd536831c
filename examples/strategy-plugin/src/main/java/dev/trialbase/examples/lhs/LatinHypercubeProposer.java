package dev.trialbase.examples.lhs;

import dev.trialbase.api.Distribution;
import dev.trialbase.api.Distribution.Categorical;
import dev.trialbase.api.Distribution.FloatRange;
import dev.trialbase.api.Distribution.IntRange;
import dev.trialbase.api.History;
import dev.trialbase.api.ParamSet;
import dev.trialbase.api.Proposer;
import dev.trialbase.api.SearchSpace;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.SplittableRandom;

/**
 * One Latin hypercube design of {@code samples} points over a space.
 *
 * <p>Each parameter's range is mapped to [0, 1) and cut into {@code samples} strata. For
 * parameter {@code j}, a permutation {@code perm[j]} says which stratum trial {@code n} takes,
 * so every stratum is taken exactly once. The permutations are the only thing the trials
 * share; they are made here, once, from the design seed and never change, so the proposer is
 * immutable and thread-safe. Where in its stratum a trial falls comes from the trial's own
 * random stream. So trial {@code n} is a pure function of (space, samples, seed, n, random):
 * the determinism rule of {@link Proposer}.
 */
final class LatinHypercubeProposer implements Proposer {

  private final List<String> names;
  private final List<Distribution> distributions;
  private final int samples;
  /** {@code strata[j][n]}: the stratum of parameter {@code j} that trial {@code n} takes. */
  private final int[][] strata;

  LatinHypercubeProposer(SearchSpace space, int samples, long seed) {
    this.names = List.copyOf(space.parameters().keySet());
    this.distributions = List.copyOf(space.parameters().values());
    this.samples = samples;
    this.strata = new int[names.size()][];
    for (int j = 0; j < names.size(); j++) {
      // A separate stream per parameter, so adding a parameter leaves the others' strata alone.
      strata[j] = permutation(samples, mix(seed + 0x9E37_79B9_7F4A_7C15L * (j + 1)));
    }
  }

  /** A uniformly random permutation of 0 .. n-1 (Fisher-Yates). */
  static int[] permutation(int n, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    int[] p = new int[n];
    for (int i = 0; i < n; i++) {
      p[i] = i;
    }
    for (int i = n - 1; i > 0; i--) {
      int k = random.nextInt(i + 1);
      int t = p[i];
      p[i] = p[k];
      p[k] = t;
    }
    return p;
  }

  /** The SplitMix64 finaliser. */
  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58_476D_1CE4_E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D0_49BB_1331_11EBL;
    return z ^ (z >>> 31);
  }

  @Override
  public Optional<ParamSet> propose(long number, SplittableRandom random, History history) {
    if (number < 0) {
      throw new IllegalArgumentException("trial numbers start at 0, got " + number);
    }
    if (number >= samples) {
      return Optional.empty();
    }
    int n = (int) number;
    Map<String, Object> values = new LinkedHashMap<>();
    for (int j = 0; j < names.size(); j++) {
      // A point of [0, 1) inside the stratum: its lower edge plus a uniform offset.
      double u = (strata[j][n] + random.nextDouble()) / samples;
      values.put(names.get(j), value(distributions.get(j), Math.min(u, Math.nextDown(1.0))));
    }
    return Optional.of(ParamSet.of(values));
  }

  /** The value at position {@code u} in [0, 1) of a parameter's range. */
  static Object value(Distribution d, double u) {
    if (d instanceof Categorical c) {
      return c.choices().get(index(u, c.choices().size()));
    }
    if (d instanceof IntRange r) {
      return r.low() + r.step() * index(u, r.size());
    }
    FloatRange f = (FloatRange) d;
    double v = f.log()
        ? Math.exp(Math.log(f.low()) + u * (Math.log(f.high()) - Math.log(f.low())))
        : f.low() + u * (f.high() - f.low());
    // exp(log(x)) need not be x, and rounding can step past a bound: stay inside the range.
    return Math.min(f.high(), Math.max(f.low(), v));
  }

  /** Which of {@code count} equal cells of [0, 1) holds {@code u}. */
  private static int index(double u, int count) {
    return (int) Math.min(count - 1, (long) (u * count));
  }

  private static long index(double u, long count) {
    return Math.min(count - 1, (long) (u * count));
  }

  @Override
  public OptionalLong size() {
    return OptionalLong.of(samples);
  }
}
