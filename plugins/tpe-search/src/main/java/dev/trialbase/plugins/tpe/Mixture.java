package dev.trialbase.plugins.tpe;

import java.util.SplittableRandom;

/**
 * A Parzen estimator on one {@link Axis}: a weighted mixture of one kernel per observation
 * plus a prior kernel (the last component). Immutable.
 */
interface Mixture {

  /** Components, the prior included (it is the last). */
  int components();

  /** The log of component {@code i}'s normalised weight. */
  double logWeight(int i);

  /** The log density (mass, on a discrete or categorical axis) of kernel {@code i} at x. */
  double logKernel(int i, double x);

  /** {@link #logKernel} of every component at {@code x}, into {@code out}. */
  default void logKernels(double x, double[] out) {
    for (int i = 0; i < components(); i++) {
      out[i] = logKernel(i, x);
    }
  }

  /** One draw from kernel {@code i}, on the axis's internal scale. */
  double sampleKernel(int i, SplittableRandom random);

  /** The mixture's log density (mass) at {@code x}. */
  default double logDensity(double x) {
    double[] terms = new double[components()];
    for (int i = 0; i < terms.length; i++) {
      terms[i] = logWeight(i) + logKernel(i, x);
    }
    return LogSum.of(terms, terms.length);
  }

  /** One draw: a component chosen by weight, then a draw from its kernel. */
  default double sample(SplittableRandom random) {
    return sampleKernel(pick(this, random.nextDouble()), random);
  }

  /** The component whose cumulative weight first exceeds {@code u} in [0, 1). */
  static int pick(Mixture m, double u) {
    double cumulative = 0;
    int last = m.components() - 1;
    for (int i = 0; i < last; i++) {
      cumulative += Math.exp(m.logWeight(i));
      if (u < cumulative) {
        return i;
      }
    }
    return last;
  }
}
