package dev.trialbase.plugins.tpe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.trialbase.api.Distribution.Categorical;
import dev.trialbase.api.Distribution.FloatRange;
import dev.trialbase.api.Distribution.IntRange;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The Parzen estimators against densities computed by hand on tiny histories. Notation:
 * phi and Phi are the standard normal density and distribution function; a kernel
 * N(mu, s) truncated to [a, b] has density phi((x - mu)/s) / s / Z with
 * Z = Phi((b - mu)/s) - Phi((a - mu)/s). The numbers were checked with scipy.stats.norm
 * (Debian's python3-scipy): {@code norm.pdf((x-mu)/s)/s/(norm.cdf((b-mu)/s)-norm.cdf((a-mu)/s))}.
 */
class ParzenDensityTest {

  private static final double[] ONES2 = {1, 1};

  /**
   * Linear float on [0, 10], observations 2 and 6 (weight 1 each), prior weight 1.
   * Bandwidths: the values with the prior's centre 5 are 2, 5, 6. 2 is the smallest: its inner
   * neighbour is 3 away, s = 3. 6 is the largest: 1 away, s = 1, clipped up to
   * 10 / min(100, 1 + 3 kernels) = 2.5. The prior: mu 5, s = 10. Weights 1/3 each.
   * At x = 4:
   *   kernel 2:     phi(2/3)/3   / (Phi(8/3) - Phi(-2/3))  = 0.106483 / 0.743683 = 0.143184
   *   kernel 6:     phi(-0.8)/2.5 / (Phi(1.6) - Phi(-2.4)) = 0.115876 / 0.937001 = 0.123667
   *   prior:        phi(-0.1)/10  / (Phi(0.5) - Phi(-0.5)) = 0.039695 / 0.382925 = 0.103663
   *   l(4) = (0.143184 + 0.123667 + 0.103663) / 3 = 0.123505
   */
  @Test
  void univariateDensityMatchesTheHandComputation() {
    Axis axis = new Axis("x", new FloatRange(0, 10, false, 0));
    NumericMixture l = NumericMixture.univariate(axis, new double[] {2, 6}, ONES2, 1.0);

    assertThat(l.sigma(0)).isEqualTo(3.0);
    assertThat(l.sigma(1)).isEqualTo(2.5);
    assertThat(l.sigma(2)).isEqualTo(10.0);
    assertThat(Math.exp(l.logKernel(0, 4))).isCloseTo(0.1431840, within(1e-6));
    assertThat(Math.exp(l.logKernel(1, 4))).isCloseTo(0.1236673, within(1e-6));
    assertThat(Math.exp(l.logKernel(2, 4))).isCloseTo(0.1036633, within(1e-6));
    assertThat(Math.exp(l.logDensity(4))).isCloseTo(0.1235049, within(1e-6));
  }

  /**
   * A log range is modelled on ln(value): C in [e^0, e^10] with observations e^2 and e^6 is
   * the density above, in ln C.
   */
  @Test
  void logRangeIsTheSameDensityOnTheLogScale() {
    Axis axis = new Axis("C", new FloatRange(1, Math.exp(10), true, 0));
    NumericMixture l = NumericMixture.univariate(axis,
        new double[] {axis.encode(Math.exp(2)), axis.encode(Math.exp(6))}, ONES2, 1.0);

    assertThat(Math.exp(l.logDensity(axis.encode(Math.exp(4))))).isCloseTo(0.1235049,
        within(1e-6));
    assertThat(axis.decode(axis.encode(Math.exp(4)))).isEqualTo(Math.exp(4));
  }

  /**
   * Integers 10, 20, ..., 50 are step indices 0..4 on [-0.5, 4.5] (range 5); each value has
   * its kernel's mass of its cell. Observation 20 is index 1; with the prior's centre 2 the
   * values are 1, 2: s = 1, clipped up to 5 / min(100, 1 + 2) = 5/3. Prior: mu 2, s 5.
   * The mass of 30 (index 2, cell [1.5, 2.5]):
   *   kernel 1: (Phi(0.9) - Phi(0.3)) / (Phi(2.1) - Phi(-0.9)) = 0.198036 / 0.798072 = 0.248132
   *   prior:    (Phi(0.1) - Phi(-0.1)) / (Phi(0.5) - Phi(-0.5)) = 0.079656 / 0.382925 = 0.208019
   *   mass = (0.248132 + 0.208019) / 2 = 0.228076
   */
  @Test
  void integerStepsHaveTheMassOfTheirCell() {
    Axis axis = new Axis("n", new IntRange(10, 50, 10));
    NumericMixture l = NumericMixture.univariate(axis, new double[] {axis.encode(20L)},
        new double[] {1}, 1.0);

    assertThat(l.sigma(0)).isCloseTo(5.0 / 3, within(1e-12));
    assertThat(Math.exp(l.logDensity(axis.encode(30L)))).isCloseTo(0.2280758, within(1e-6));
    double total = 0;
    for (long v = 10; v <= 50; v += 10) {
      total += Math.exp(l.logDensity(axis.encode(v)));
    }
    assertThat(total).as("the five cells hold all the mass").isCloseTo(1.0, within(1e-6));
  }

  /**
   * Choices a, null, c; observations null, null, a (weight 1 each); prior weight 1. Each
   * observation's kernel: (1 + 1/3)/2 = 2/3 on its own choice, (1/3)/2 = 1/6 on the others;
   * the prior 1/3 on each. Total weight 3 + 1 = 4.
   *   P(null) = (2/3 + 2/3 + 1/6 + 1/3) / 4 = 11/24
   *   P(a)    = (1/6 + 1/6 + 2/3 + 1/3) / 4 = 1/3
   *   P(c)    = (1/6 + 1/6 + 1/6 + 1/3) / 4 = 5/24
   */
  @Test
  void categoricalMassIsSmoothedWeightedCounts() {
    Axis axis = new Axis("penalty", new Categorical(Arrays.asList("a", null, "c")));
    CategoricalMixture l = new CategoricalMixture(axis,
        new double[] {axis.encode(null), axis.encode(null), axis.encode("a")},
        new double[] {1, 1, 1}, 1.0);

    assertThat(Math.exp(l.logDensity(axis.encode(null)))).isCloseTo(11.0 / 24, within(1e-12));
    assertThat(Math.exp(l.logDensity(axis.encode("a")))).isCloseTo(1.0 / 3, within(1e-12));
    assertThat(Math.exp(l.logDensity(axis.encode("c")))).isCloseTo(5.0 / 24, within(1e-12));
    // The mixture of kernels gives the same masses term by term.
    for (Object choice : Arrays.asList("a", null, "c")) {
      double x = axis.encode(choice);
      double sum = 0;
      for (int i = 0; i < l.components(); i++) {
        sum += Math.exp(l.logWeight(i) + l.logKernel(i, x));
      }
      assertThat(sum).isCloseTo(Math.exp(l.logDensity(x)), within(1e-12));
    }
  }

  /** Draws follow the density: the share of draws per cell is its mass (4000 draws, 3 sd). */
  @Test
  void drawsFollowTheDensity() {
    Axis axis = new Axis("n", new IntRange(10, 50, 10));
    NumericMixture l = NumericMixture.univariate(axis, new double[] {1, 3, 3},
        new double[] {1, 1, 1}, 1.0);
    SplittableRandom random = new SplittableRandom(5);
    int[] counts = new int[5];
    int draws = 4000;
    for (int i = 0; i < draws; i++) {
      counts[(int) l.sample(random)]++;
    }
    for (int v = 0; v < 5; v++) {
      double p = Math.exp(l.logDensity(v));
      double sd = Math.sqrt(p * (1 - p) / draws);
      assertThat(counts[v] / (double) draws).as("cell %d", v).isCloseTo(p, within(3 * sd));
    }
  }

  /**
   * Optuna's default weights: 1 each up to 25 observations; beyond, the oldest n - 25 ramp
   * linearly from 1/n to 1 (numpy.linspace(1/n, 1, n - 25)). For n = 28: 1/28, (1/28 + 1)/2,
   * 1, then 25 ones.
   */
  @Test
  void olderObservationsWeighLessBeyondTwentyFive() {
    assertThat(Split.weights(25)).containsOnly(1.0).hasSize(25);
    double[] w = Split.weights(28);
    assertThat(w[0]).isCloseTo(1.0 / 28, within(1e-15));
    assertThat(w[1]).isCloseTo((1.0 / 28 + 1) / 2, within(1e-15));
    assertThat(w[2]).isCloseTo(1.0, within(1e-15));
    assertThat(Arrays.copyOfRange(w, 3, 28)).containsOnly(1.0);
  }
}
