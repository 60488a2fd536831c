package dev.trialbase.plugins.tpe;

import java.util.List;
import java.util.SplittableRandom;

/**
 * The multivariate Parzen estimator: one component per observation (and the prior), whose
 * kernel is the product of that component's kernels on every axis. The per-axis mixtures
 * share the observations and weights, so component {@code i} means the same trial on every
 * axis.
 */
final class JointMixture {

  private final List<Mixture> axes;

  JointMixture(List<Mixture> axes) {
    this.axes = List.copyOf(axes);
  }

  /** The joint log density at {@code x} (one internal coordinate per axis). */
  double logDensity(double[] x) {
    Mixture first = axes.get(0);
    int k = first.components();
    double[] terms = new double[k];
    double[] column = new double[k];
    for (int i = 0; i < k; i++) {
      terms[i] = first.logWeight(i);
    }
    for (int d = 0; d < x.length; d++) {
      axes.get(d).logKernels(x[d], column);
      for (int i = 0; i < k; i++) {
        terms[i] += column[i];
      }
    }
    return LogSum.of(terms, k);
  }

  /** One draw: a component by weight, then its kernel on every axis. */
  double[] sample(SplittableRandom random) {
    int i = Mixture.pick(axes.get(0), random.nextDouble());
    double[] x = new double[axes.size()];
    for (int d = 0; d < x.length; d++) {
      x[d] = axes.get(d).sampleKernel(i, random);
    }
    return x;
  }
}
