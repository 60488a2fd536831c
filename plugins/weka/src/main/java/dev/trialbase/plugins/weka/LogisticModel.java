package dev.trialbase.plugins.weka;

import dev.trialbase.api.Attribute;
import dev.trialbase.api.Dataset;
import dev.trialbase.api.Model;
import dev.trialbase.api.Task;
import java.util.List;
import weka.classifiers.functions.Logistic;
import weka.core.Instances;

/**
 * One Weka {@link Logistic} being fitted on one training set, taken as it is: nominal
 * attributes stay nominal and missing cells stay missing (Logistic replaces missing values
 * and makes nominal attributes binary itself, with filters fitted on this training set only),
 * any number of classes. Logistic is deterministic, so the seed is not used. Not thread-safe;
 * the engine makes one per fold.
 */
final class LogisticModel implements Model {

  static {
    WekaHome.redirectIfUnset();
  }

  private final LogisticSettings settings;
  private Logistic classifier;
  private Instances header;
  private List<Attribute> fittedFeatures;
  private Attribute fittedTarget;

  LogisticModel(LogisticSettings settings) {
    this.settings = settings;
  }

  @Override
  public void fit(Dataset train, long seed) throws Exception {
    if (train.task() != Task.CLASSIFICATION) {
      throw new IllegalArgumentException("weka-logistic classifies, but the target '"
          + train.target().name() + "' is numeric (a " + train.task().id() + " task)");
    }
    Instances data = FoldInstances.of(train);
    Logistic logistic = new Logistic();
    logistic.setRidge(settings.ridge());
    logistic.setMaxIts(settings.maxIts());
    logistic.setUseConjugateGradientDescent(settings.conjugateGradient());
    logistic.buildClassifier(data);
    classifier = logistic;
    header = new Instances(data, 0);
    fittedFeatures = train.attributes();
    fittedTarget = train.target();
  }

  @Override
  public double[][] predictProbabilities(Dataset data) throws Exception {
    if (classifier == null) {
      throw new IllegalStateException("predictProbabilities called before fit");
    }
    if (!data.attributes().equals(fittedFeatures)
        || !data.classLabels().equals(fittedTarget.values())) {
      throw new IllegalArgumentException("data has features " + data.featureNames()
          + " and classes " + data.classLabels() + " but the model was fitted on "
          + fittedFeatures.stream().map(Attribute::name).toList() + " and "
          + fittedTarget.values() + " (or on other nominal values)");
    }
    double[][] probabilities = new double[data.size()][];
    for (int i = 0; i < data.size(); i++) {
      probabilities[i] =
          classifier.distributionForInstance(WekaData.instance(header, data.features()[i]));
    }
    return probabilities;
  }

  /** The fitted Weka classifier, for tests that look at its coefficients. */
  Logistic classifier() {
    return classifier;
  }
}
