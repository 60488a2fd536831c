package dev.trialbase.plugins.tpe;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * A mixture of Gaussians truncated to a numeric {@link Axis}'s interval {@code [a, b]}: one
 * kernel centred on each observation, plus a prior kernel centred on the interval's middle
 * with standard deviation {@code b - a} (Bergstra et al. 2011, section 4; Optuna's
 * {@code consider_prior}). On a discrete axis the value {@code i} has the kernel's mass of
 * its cell {@code [i - 1/2, i + 1/2]}.
 *
 * <p>Bandwidths: {@link #univariate} gives each observation the larger of its distances to
 * the nearest different value on either side (the prior's centre counts as a value; the
 * smallest and largest values use their inner neighbour only, Optuna's
 * {@code consider_endpoints=False}); {@link #withBandwidth} gives every observation the same
 * one. Either way bandwidths are clipped to {@code [(b - a) / min(100, 1 + K), b - a]}, K the
 * number of kernels (Optuna's {@code consider_magic_clip}).
 */
final class NumericMixture implements Mixture {

  private final boolean discrete;
  private final double low;
  private final double high;
  private final double[] mu;
  private final double[] sigma;
  private final double[] logWeight;
  /** {@code -log(sigma Z)} per kernel, Z its mass inside [low, high]. */
  private final double[] logNormaliser;

  private NumericMixture(Axis axis, double[] mu, double[] sigma, double[] weights) {
    this.discrete = axis.kind() == Axis.Kind.DISCRETE;
    this.low = axis.low();
    this.high = axis.high();
    this.mu = mu;
    this.sigma = sigma;
    this.logWeight = normalisedLogs(weights);
    this.logNormaliser = new double[mu.length];
    for (int i = 0; i < mu.length; i++) {
      logNormaliser[i] = TruncatedNormal.logNormaliser(mu[i], sigma[i], low, high);
    }
  }

  /**
   * The estimator of {@code observations} (internal coordinates) with their {@code weights},
   * bandwidths by the neighbour rule, and the prior with weight {@code priorWeight}.
   */
  static NumericMixture univariate(Axis axis, double[] observations, double[] weights,
      double priorWeight) {
    int n = observations.length;
    double range = axis.high() - axis.low();
    double prior = 0.5 * (axis.low() + axis.high());
    double[] values = Arrays.copyOf(observations, n + 1);
    values[n] = prior;
    double[] distinct = Arrays.stream(values).sorted().distinct().toArray();
    double[] distinctSigma = new double[distinct.length];
    int m = distinct.length;
    for (int j = 0; j < m; j++) {
      double left = j > 0 ? distinct[j] - distinct[j - 1] : distinct[j] - axis.low();
      double right = j < m - 1 ? distinct[j + 1] - distinct[j] : axis.high() - distinct[j];
      if (m >= 2 && j == 0) {
        distinctSigma[j] = right;
      } else if (m >= 2 && j == m - 1) {
        distinctSigma[j] = left;
      } else {
        distinctSigma[j] = Math.max(left, right);
      }
    }
    double[] mu = values;
    double[] sigma = new double[n + 1];
    double minSigma = minSigma(range, n + 1);
    for (int i = 0; i < n; i++) {
      double s = distinctSigma[Arrays.binarySearch(distinct, observations[i])];
      sigma[i] = clip(s, minSigma, range);
    }
    sigma[n] = range;
    return new NumericMixture(axis, mu, sigma, withPrior(weights, priorWeight));
  }

  /**
   * The estimator of {@code observations} with one bandwidth for all (before clipping), the
   * prior as in {@link #univariate}.
   */
  static NumericMixture withBandwidth(Axis axis, double[] observations, double[] weights,
      double priorWeight, double bandwidth) {
    int n = observations.length;
    double range = axis.high() - axis.low();
    double[] mu = Arrays.copyOf(observations, n + 1);
    mu[n] = 0.5 * (axis.low() + axis.high());
    double[] sigma = new double[n + 1];
    Arrays.fill(sigma, clip(bandwidth, minSigma(range, n + 1), range));
    sigma[n] = range;
    return new NumericMixture(axis, mu, sigma, withPrior(weights, priorWeight));
  }

  /** Optuna's "magic clip": no kernel narrower than the range over min(100, 1 + K). */
  static double minSigma(double range, int kernels) {
    return range / Math.min(100, 1 + kernels);
  }

  private static double clip(double v, double min, double max) {
    return Math.max(min, Math.min(max, v));
  }

  static double[] withPrior(double[] weights, double priorWeight) {
    double[] all = Arrays.copyOf(weights, weights.length + 1);
    all[weights.length] = priorWeight;
    return all;
  }

  static double[] normalisedLogs(double[] weights) {
    double total = 0;
    for (double w : weights) {
      total += w;
    }
    double[] out = new double[weights.length];
    for (int i = 0; i < weights.length; i++) {
      out[i] = Math.log(weights[i] / total);
    }
    return out;
  }

  @Override
  public int components() {
    return mu.length;
  }

  @Override
  public double logWeight(int i) {
    return logWeight[i];
  }

  double mu(int i) {
    return mu[i];
  }

  double sigma(int i) {
    return sigma[i];
  }

  @Override
  public double logKernel(int i, double x) {
    double s = sigma[i];
    if (!discrete || 1 < 1e-3 * s) {
      double z = (x - mu[i]) / s;
      return -0.5 * z * z - TruncatedNormal.LOG_SQRT_2PI + logNormaliser[i];
    }
    double cell = TruncatedNormal.mass((x - 0.5 - mu[i]) / s, (x + 0.5 - mu[i]) / s);
    return Math.log(cell) + logNormaliser[i] + Math.log(s);
  }

  /**
   * An upper bound of {@code logKernel(i, x)} that needs no error function: the density at
   * the cell's point nearest the centre times the cell's width, and never above log 1.
   */
  private double logKernelBound(int i, double x) {
    if (!discrete) {
      return logKernel(i, x);
    }
    double s = sigma[i];
    double distance = Math.max(0, Math.abs(x - mu[i]) - 0.5);
    double z = distance / s;
    double bound = -0.5 * z * z - TruncatedNormal.LOG_SQRT_2PI - Math.log(s);
    return Math.min(bound, 0) + logNormaliser[i] + Math.log(s);
  }

  /**
   * The mixture's log density at {@code x}. Kernels whose bound lies {@link LogSum#NEGLIGIBLE}
   * below the largest bound are skipped, so that a history of thousands of narrow kernels
   * costs one multiplication each rather than an exponential or an error function.
   */
  @Override
  public double logDensity(double x) {
    int k = mu.length;
    double[] bound = new double[k];
    double max = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < k; i++) {
      bound[i] = logWeight[i] + logKernelBound(i, x);
      max = Math.max(max, bound[i]);
    }
    double[] exact = new double[k];
    int used = 0;
    for (int i = 0; i < k; i++) {
      if (bound[i] > max - LogSum.NEGLIGIBLE) {
        exact[used++] = discrete ? logWeight[i] + logKernel(i, x) : bound[i];
      }
    }
    return LogSum.of(exact, used);
  }

  @Override
  public double sampleKernel(int i, SplittableRandom random) {
    double x = TruncatedNormal.sample(mu[i], sigma[i], low, high, random);
    return discrete ? Math.max(0, Math.min(high - 0.5, Math.rint(x))) : x;
  }
}
