package dev.trialbase.plugins.testing;

import dev.trialbase.api.Dataset;
import dev.trialbase.api.Model;

/** Predicts every row's class distribution as the training set's class frequencies. */
class PriorModel implements Model {

  private double[] prior;

  @Override
  public void fit(Dataset train, long seed) throws Exception {
    prior = new double[train.classCount()];
    for (int label : train.labels()) {
      prior[label]++;
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
}
