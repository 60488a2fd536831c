package dev.trialbase.plugins.weka;

import dev.trialbase.api.Dataset;
import dev.trialbase.api.Model;
import dev.trialbase.api.ParamSet;
import dev.trialbase.api.Task;
import java.util.List;
import weka.core.Instances;

/**
 * One configured Weka classifier (or regressor) being fitted on one training set. The data
 * reaches Weka through {@link FoldInstances} (converted once per fold); random parts are
 * seeded from the fold seed ({@link Seeding}). Classification predicts with
 * {@code distributionForInstance}, regression with {@code classifyInstance}. Weka's own
 * refusals at fit time (a combination of options it cannot build) fail the trial with Weka's
 * message. Not thread-safe; the engine makes one per fold.
 */
final class WekaModel implements Model {

  static {
    WekaHome.redirectIfUnset();
  }

  private final WekaSetup.Built built;
  private final ParamSet params;
  private Instances header;
  private Dataset fittedOn;

  WekaModel(WekaSetup.Built built, ParamSet params) {
    this.built = built;
    this.params = params;
  }

  @Override
  public void fit(Dataset train, long seed) throws Exception {
    Seeding.apply(built, params, seed);
    Instances data = FoldInstances.of(train);
    built.classifier().buildClassifier(data);
    header = new Instances(data, 0);
    fittedOn = train;
  }

  @Override
  public double[][] predictProbabilities(Dataset data) throws Exception {
    checkFitted(data, Task.CLASSIFICATION);
    double[][] out = new double[data.size()][];
    double[][] rows = data.features();
    for (int i = 0; i < rows.length; i++) {
      out[i] = built.classifier().distributionForInstance(WekaData.instance(header, rows[i]));
    }
    return out;
  }

  @Override
  public double[] predictValues(Dataset data) throws Exception {
    checkFitted(data, Task.REGRESSION);
    double[] out = new double[data.size()];
    double[][] rows = data.features();
    for (int i = 0; i < rows.length; i++) {
      out[i] = built.classifier().classifyInstance(WekaData.instance(header, rows[i]));
    }
    return out;
  }

  private void checkFitted(Dataset data, Task task) {
    if (header == null) {
      throw new IllegalStateException("predict called before fit");
    }
    List<?> features = fittedOn.attributes();
    if (data.task() != task || !data.attributes().equals(features)
        || !data.target().equals(fittedOn.target())) {
      throw new IllegalArgumentException("data has features " + data.featureNames()
          + " and target " + data.target() + " unlike the training data");
    }
  }

  /** The fitted classifier (the pipeline when there is one), for tests. */
  weka.classifiers.Classifier classifier() {
    return built.classifier();
  }
}
