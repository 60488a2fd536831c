package dev.trialbase.plugins.weka;

import dev.trialbase.api.Dataset;
import dev.trialbase.api.Model;
import weka.classifiers.functions.Logistic;
import weka.core.Instances;

/**
 * One Weka {@link Logistic} being fitted on one training set. Logistic is deterministic, so
 * the seed is not used. Not thread-safe; the engine makes one per fold.
 */
final class LogisticModel implements Model {

  static {
    WekaHome.redirectIfUnset();
  }

  private final LogisticSettings settings;
  private Logistic classifier;
  private Instances header;
  private Dataset fittedOn;

  LogisticModel(LogisticSettings settings) {
    this.settings = settings;
  }

  @Override
  public void fit(Dataset train, long seed) throws Exception {
    Instances structure = WekaData.header(train);
    Logistic logistic = new Logistic();
    logistic.setRidge(settings.ridge());
    logistic.setMaxIts(settings.maxIts());
    logistic.setUseConjugateGradientDescent(settings.conjugateGradient());
    logistic.buildClassifier(WekaData.instances(structure, train));
    classifier = logistic;
    header = structure;
    fittedOn = train;
  }

  @Override
  public double[][] predictProbabilities(Dataset data) throws Exception {
    if (classifier == null) {
      throw new IllegalStateException("predictProbabilities called before fit");
    }
    if (!data.featureNames().equals(fittedOn.featureNames())
        || !data.classLabels().equals(fittedOn.classLabels())) {
      throw new IllegalArgumentException("data has features " + data.featureNames()
          + " and classes " + data.classLabels() + " but the model was fitted on "
          + fittedOn.featureNames() + " and " + fittedOn.classLabels());
    }
    double[][] probabilities = new double[data.size()][];
    for (int i = 0; i < data.size(); i++) {
      probabilities[i] =
          classifier.distributionForInstance(WekaData.row(header, data.features()[i], -1));
    }
    return probabilities;
  }

  /** The fitted Weka classifier, for tests that look at its coefficients. */
  Logistic classifier() {
    return classifier;
  }
}
