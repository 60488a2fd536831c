package dev.trialbase.plugins.testing;

import dev.trialbase.api.Dataset;
import dev.trialbase.api.Model;

/**
 * Learns nothing from the features: predicts every row's class distribution as the training
 * set's class frequencies, or every row's value as the training set's mean target.
 */
class PriorModel implements Model {

  private double[] prior;
  private double mean;

  @Override
  public void fit(Dataset train, long seed) throws Exception {
    double[] y = train.targets();
    if (!train.target().isNominal()) {
      double sum = 0;
      for (double v : y) {
        sum += v;
      }
      mean = sum / y.length;
      return;
    }
    prior = new double[train.classCount()];
    for (double label : y) {
      prior[(int) label]++;
    }
    for (int c = 0; c < prior.length; c++) {
      prior[c] /= train.size();
    }
  }

  @Override
  public double[][] predictProbabilities(Dataset data) {
    double[][] out = new double[data.size()][];
    for (int i = 0; i < out.length; i++) {
      out[i] = prior;
    }
    return out;
  }

  @Override
  public double[] predictValues(Dataset data) {
    double[] out = new double[data.size()];
    java.util.Arrays.fill(out, mean);
    return out;
  }
}
