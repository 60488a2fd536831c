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
 * number of observations plus the prior (Optuna's {@code consider_magic_clip}). Observations
 * of the same value share one kernel with their summed weight, which changes nothing in the
 * mixture but keeps a long history of repeated values cheap.
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
  /** Whether every observation's kernel has the same bandwidth ({@link #withBandwidth}). */
  private final boolean sharedSigma;
  /** {@code logWeight + logNormaliser - log sqrt(2 pi)}: a continuous term is this - z^2/2. */
  private final double[] logCoefficient;

  private NumericMixture(Axis axis, double[] mu, double[] sigma, double[] weights,
      boolean sharedSigma) {
    this.sharedSigma = sharedSigma;
    this.discrete = axis.kind() == Axis.Kind.DISCRETE;
    this.low = axis.low();
    this.high = axis.high();
    this.mu = mu;
    this.sigma = sigma;
    this.logWeight = normalisedLogs(weights);
    this.logNormaliser = new double[mu.length];
    this.logCoefficient = new double[mu.length];
    for (int i = 0; i < mu.length; i++) {
      logNormaliser[i] = TruncatedNormal.logNormaliser(mu[i], sigma[i], low, high);
      logCoefficient[i] = logWeight[i] + logNormaliser[i] - TruncatedNormal.LOG_SQRT_2PI;
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
    double[] distinct = sortedDistinct(values);
    int m = distinct.length;
    // Observations of the same value have the same kernel: one component per distinct
    // observed value, carrying their summed weight (exact, and what keeps a long history of
    // a few integer or repeated values cheap).
    double[] summed = new double[m];
    boolean[] observed = new boolean[m];
    for (int i = 0; i < n; i++) {
      int j = Arrays.binarySearch(distinct, observations[i]);
      summed[j] += weights[i];
      observed[j] = true;
    }
    int kernels = 0;
    for (int j = 0; j < m; j++) {
      kernels += observed[j] ? 1 : 0;
    }
    double minSigma = minSigma(range, n + 1);
    double[] mu = new double[kernels + 1];
    double[] sigma = new double[kernels + 1];
    double[] w = new double[kernels + 1];
    int k = 0;
    for (int j = 0; j < m; j++) {
      if (!observed[j]) {
        continue;
      }
      double left = j > 0 ? distinct[j] - distinct[j - 1] : distinct[j] - axis.low();
      double right = j < m - 1 ? distinct[j + 1] - distinct[j] : axis.high() - distinct[j];
      double s = m >= 2 && j == 0 ? right : m >= 2 && j == m - 1 ? left : Math.max(left, right);
      mu[k] = distinct[j];
      sigma[k] = clip(s, minSigma, range);
      w[k++] = summed[j];
    }
    mu[kernels] = prior;
    sigma[kernels] = range;
    w[kernels] = priorWeight;
    return new NumericMixture(axis, mu, sigma, w, false);
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
    return new NumericMixture(axis, mu, sigma, withPrior(weights, priorWeight), true);
  }

  /** The distinct values of {@code values}, ascending (primitive: no boxing). */
  static double[] sortedDistinct(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int m = 0;
    for (int i = 0; i < sorted.length; i++) {
      if (m == 0 || sorted[i] != sorted[m - 1]) {
        sorted[m++] = sorted[i];
      }
    }
    return Arrays.copyOf(sorted, m);
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
    double[] terms = new double[k];
    double max = Double.NEGATIVE_INFINITY;
    if (!discrete) {
      // One pass for the terms and their maximum, one for the sum: no error function needed.
      for (int i = 0; i < k; i++) {
        double z = (x - mu[i]) / sigma[i];
        double t = logCoefficient[i] - 0.5 * z * z;
        terms[i] = t;
        max = Math.max(max, t);
      }
      double sum = 0;
      for (int i = 0; i < k; i++) {
        double d = terms[i] - max;
        if (d > -LogSum.NEGLIGIBLE) {
          sum += Math.exp(d);
        }
      }
      return max + Math.log(sum);
    }
    for (int i = 0; i < k; i++) {
      terms[i] = logWeight[i] + logKernelBound(i, x);
      max = Math.max(max, terms[i]);
    }
    int used = 0;
    for (int i = 0; i < k; i++) {
      if (terms[i] > max - LogSum.NEGLIGIBLE) {
        terms[used++] = logWeight[i] + logKernel(i, x);
      }
    }
    return LogSum.of(terms, used);
  }

  /**
   * Every kernel's log density at {@code x}. On a discrete axis whose observation kernels
   * share one bandwidth, kernels centred on the same value are computed once.
   */
  @Override
  public void logKernels(double x, double[] out) {
    int k = mu.length;
    if (!discrete || !sharedSigma || k < 2 || high - low > 65_536) {
      for (int i = 0; i < k; i++) {
        out[i] = logKernel(i, x);
      }
      return;
    }
    double[] byCentre = new double[(int) Math.ceil(high - low)];
    java.util.Arrays.fill(byCentre, Double.NaN);
    for (int i = 0; i < k - 1; i++) {
      int centre = (int) mu[i];
      if (Double.isNaN(byCentre[centre])) {
        byCentre[centre] = logKernel(i, x);
      }
      out[i] = byCentre[centre];
    }
    out[k - 1] = logKernel(k - 1, x);
  }

  @Override
  public double sampleKernel(int i, SplittableRandom random) {
    double x = TruncatedNormal.sample(mu[i], sigma[i], low, high, random);
    return discrete ? Math.max(0, Math.min(high - 0.5, Math.rint(x))) : x;
  }
}
