package dev.trialbase.plugins.tpe;

import java.util.SplittableRandom;

/**
 * A Parzen estimator over the {@code k} choices of a categorical {@link Axis}: one kernel per
 * observation that puts {@code (1 + p/k) / (1 + p)} on the observed choice and
 * {@code (p/k) / (1 + p)} on every other ({@code p} the prior weight), plus a uniform prior
 * kernel. The mixture's mass of choice {@code c} is therefore
 * {@code (sum_i w_i K_i(c) + p / k) / (sum_i w_i + p)}: weighted counts smoothed towards
 * uniform, as a Dirichlet prior would (Bergstra et al. 2011, section 4).
 */
final class CategoricalMixture implements Mixture {

  private final int choices;
  private final int[] observed;
  private final double[] logWeight;
  /** log K_i(observed choice) and log K_i(any other choice), equal for every observation. */
  private final double logHit;
  private final double logMiss;
  /** The mixture's log mass of each choice. */
  private final double[] logMass;

  CategoricalMixture(Axis axis, double[] observations, double[] weights, double priorWeight) {
    this.choices = axis.choices();
    this.observed = new int[observations.length];
    for (int i = 0; i < observations.length; i++) {
      observed[i] = (int) observations[i];
    }
    this.logWeight = NumericMixture.normalisedLogs(
        NumericMixture.withPrior(weights, priorWeight));
    double smoothing = priorWeight / choices;
    this.logHit = Math.log((1 + smoothing) / (1 + priorWeight));
    this.logMiss = Math.log(smoothing / (1 + priorWeight));
    // Every kernel gives each choice at least the miss mass; its own choice gets the rest.
    double[] own = new double[choices];
    double all = 0;
    for (int i = 0; i < observed.length; i++) {
      double w = Math.exp(logWeight[i]);
      own[observed[i]] += w;
      all += w;
    }
    double hit = Math.exp(logHit);
    double miss = Math.exp(logMiss);
    double[] mass = new double[choices];
    for (int c = 0; c < choices; c++) {
      mass[c] = all * miss + own[c] * (hit - miss);
    }
    double prior = Math.exp(logWeight[observed.length]) / choices;
    this.logMass = new double[choices];
    for (int c = 0; c < choices; c++) {
      logMass[c] = Math.log(mass[c] + prior);
    }
  }

  @Override
  public int components() {
    return observed.length + 1;
  }

  @Override
  public double logWeight(int i) {
    return logWeight[i];
  }

  @Override
  public double logKernel(int i, double x) {
    if (i == observed.length) {
      return -Math.log(choices);
    }
    return (int) x == observed[i] ? logHit : logMiss;
  }

  @Override
  public double logDensity(double x) {
    return logMass[(int) x];
  }

  @Override
  public double sampleKernel(int i, SplittableRandom random) {
    if (i == observed.length) {
      return random.nextInt(choices);
    }
    double u = random.nextDouble();
    double cumulative = 0;
    for (int c = 0; c < choices - 1; c++) {
      cumulative += Math.exp(c == observed[i] ? logHit : logMiss);
      if (u < cumulative) {
        return c;
      }
    }
    return choices - 1;
  }
}
