package dev.trialbase.eval.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The tabulated exact p-value of {@link WilcoxonSignedRankTest} equals brute-force enumeration
 * of all 2^n sign assignments of the observed ranks, with and without ties and zeros; and the
 * p-value is a probability that does not change when the two sides swap. Checked on many
 * generated samples.
 *
 * <p>The ranks enumerated here are computed by this test from exact integer differences, not
 * taken from {@link SignedRanks}, so ranking, dropping zeros, averaging ties and absorbing
 * rounding noise are checked along with the tabulation.
 *
 * <p>The samples come from {@link SplittableRandom}s with fixed seeds, so every run checks the
 * same cases. A failure names the case's own seed: {@code sample(new SplittableRandom(seed))}
 * rebuilds its input.
 */
class WilcoxonExactDistributionTest {

  private static final long SEED = 0x3A1C_0C0A_5161L;
  private static final int CASES = 600;

  /**
   * Paired scores {@code a} and {@code b} whose differences are {@code steps[i] / scale}
   * exactly; in doubles {@code a[i] - b[i]} may be off by rounding noise.
   */
  private record Sample(double[] a, double[] b, int[] steps, int scale) {

    @Override
    public String toString() {
      return "a=" + Arrays.toString(a) + ", b=" + Arrays.toString(b) + " (differences "
          + Arrays.toString(steps) + " / " + scale + ")";
    }
  }

  @Test
  void tabulatedEqualsEnumerated() {
    SplittableRandom seeds = new SplittableRandom(SEED);
    int withTies = 0;
    int withZeros = 0;
    int allZero = 0;
    for (int i = 0; i < CASES; i++) {
      long seed = seeds.nextLong();
      Sample s = sample(new SplittableRandom(seed));
      String context = String.format("case %d of %d (base seed 0x%x, case seed 0x%x): %s", i,
          CASES, SEED, seed, s);
      int[] nonZero = Arrays.stream(s.steps()).filter(d -> d != 0).toArray();
      int n = nonZero.length;
      int[] doubledRanks = doubledRanks(nonZero);
      int doubledPlus = 0;
      for (int k = 0; k < n; k++) {
        if (nonZero[k] > 0) {
          doubledPlus += doubledRanks[k];
        }
      }

      WilcoxonResult r = test(s.a(), s.b(), context);
      assertThat(r.n()).as(context).isEqualTo(n);
      assertThat(r.exact()).as(context).isTrue();
      assertThat(r.wPlus()).as(context).isEqualTo(doubledPlus / 2.0);
      assertThat(r.wPlus() + r.wMinus()).as(context).isEqualTo(n * (n + 1) / 2.0);
      assertThat(r.p()).as(context).isCloseTo(enumerated(doubledRanks, doubledPlus),
          within(1e-12));

      if (Arrays.stream(doubledRanks).distinct().count() < n) {
        withTies++;
      }
      if (n < s.steps().length) {
        withZeros++;
      }
      if (n == 0) {
        allZero++;
      }
    }
    // The generator must reach ties, zeros and the empty case, or the check proves little.
    String of = String.format(" of %d samples (base seed 0x%x)", CASES, SEED);
    assertThat(withTies).as("samples with tied ranks" + of).isGreaterThanOrEqualTo(CASES / 3);
    assertThat(withZeros).as("samples with zero differences" + of)
        .isGreaterThanOrEqualTo(CASES / 5);
    assertThat(allZero).as("samples with only zero differences" + of).isPositive();
  }

  @Test
  void pIsAProbabilityAndSymmetric() {
    long base = SEED + 1;
    SplittableRandom seeds = new SplittableRandom(base);
    for (int i = 0; i < CASES; i++) {
      long seed = seeds.nextLong();
      Sample s = sample(new SplittableRandom(seed));
      String context = String.format("case %d of %d (base seed 0x%x, case seed 0x%x): %s", i,
          CASES, base, seed, s);
      WilcoxonResult forward = test(s.a(), s.b(), context);
      WilcoxonResult backward = test(s.b(), s.a(), context);
      assertThat(forward.p()).as(context).isBetween(0.0, 1.0);
      assertThat(backward.p()).as(context).isCloseTo(forward.p(), within(1e-12));
      assertThat(backward.wPlus()).as(context).isEqualTo(forward.wMinus());
    }
  }

  /**
   * 1 to 16 pairs with differences that are small integers, so that ties and zeros are
   * common. Half the samples are differences against zeros, as {@code (d, 0)}; the other half
   * are scores on a grid of twentieths in [0, 1], like fold accuracies, whose differences in
   * doubles carry rounding noise (0.9 - 0.8 != 0.8 - 0.7) that must not break ties.
   */
  private static Sample sample(SplittableRandom r) {
    int n = 1 + r.nextInt(16);
    double[] a = new double[n];
    double[] b = new double[n];
    int[] steps = new int[n];
    if (r.nextBoolean()) {
      for (int i = 0; i < n; i++) {
        steps[i] = r.nextInt(-6, 7);
        a[i] = steps[i];
      }
      return new Sample(a, b, steps, 1);
    }
    for (int i = 0; i < n; i++) {
      int x = r.nextInt(21);
      int y = Math.max(0, Math.min(20, x + r.nextInt(-4, 5)));
      a[i] = x / 20.0;
      b[i] = y / 20.0;
      steps[i] = x - y;
    }
    return new Sample(a, b, steps, 20);
  }

  /** The test of {@code a} against {@code b}; an exception is reported with the case. */
  private static WilcoxonResult test(double[] a, double[] b, String context) {
    try {
      return WilcoxonSignedRankTest.test(a, b);
    } catch (RuntimeException e) {
      throw new AssertionError(context, e);
    }
  }

  /** Twice the rank of each |d| among all |d|, ties sharing their average rank. */
  private static int[] doubledRanks(int[] d) {
    int[] doubled = new int[d.length];
    for (int i = 0; i < d.length; i++) {
      int below = 0;
      int equal = 0;
      for (int x : d) {
        if (Math.abs(x) < Math.abs(d[i])) {
          below++;
        } else if (Math.abs(x) == Math.abs(d[i])) {
          equal++;
        }
      }
      // Ranks below + 1 .. below + equal; twice their average is 2 * below + equal + 1.
      doubled[i] = 2 * below + equal + 1;
    }
    return doubled;
  }

  /** P(|W+ - E| >= |w+ - E|) over all 2^n equally likely sign assignments, by enumeration. */
  private static double enumerated(int[] doubledRanks, int doubledPlus) {
    int n = doubledRanks.length;
    if (n == 0) {
      return 1;
    }
    int total = Arrays.stream(doubledRanks).sum();
    int observed = Math.abs(2 * doubledPlus - total);
    long asExtreme = 0;
    for (long mask = 0; mask < (1L << n); mask++) {
      int plus = 0;
      for (int i = 0; i < n; i++) {
        if ((mask & (1L << i)) != 0) {
          plus += doubledRanks[i];
        }
      }
      if (Math.abs(2 * plus - total) >= observed) {
        asExtreme++;
      }
    }
    return (double) asExtreme / (1L << n);
  }
}
