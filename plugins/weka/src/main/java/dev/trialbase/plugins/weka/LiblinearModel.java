package dev.trialbase.plugins.weka;

import dev.trialbase.api.Attribute;
import dev.trialbase.api.Dataset;
import dev.trialbase.api.Model;
import dev.trialbase.api.Task;
import de.bwaldvogel.liblinear.Feature;
import de.bwaldvogel.liblinear.Linear;
import de.bwaldvogel.liblinear.Parameter;
import de.bwaldvogel.liblinear.Problem;
import de.bwaldvogel.liblinear.SolverType;
import java.util.List;
import java.util.Random;

/**
 * One LIBLINEAR logistic regression being fitted on one training set (see
 * {@link LiblinearSettings} for the problem solved and {@link LiblinearEncoding} for how rows
 * become vectors). Two classes: one weight vector; more: one-vs-rest, probabilities normalised
 * over the classes, as LIBLINEAR and scikit-learn's liblinear do. The seed drives LIBLINEAR's
 * random order of coordinates (L1). Not thread-safe; the engine makes one per fold.
 */
final class LiblinearModel implements Model {

  static {
    // LIBLINEAR prints its iterations to stdout unless told not to; global, so once.
    Linear.disableDebugOutput();
  }

  /** scikit-learn's default {@code tol}. */
  static final double TOLERANCE = 1e-4;

  private final LiblinearSettings settings;
  private LiblinearEncoding encoding;
  private de.bwaldvogel.liblinear.Model fitted;
  private int classCount;
  private List<Attribute> fittedFeatures;

  LiblinearModel(LiblinearSettings settings) {
    this.settings = settings;
  }

  @Override
  public void fit(Dataset train, long seed) {
    if (train.task() != Task.CLASSIFICATION) {
      throw new IllegalArgumentException("weka-logistic classifies, but the target '"
          + train.target().name() + "' is numeric (a " + train.task().id() + " task)");
    }
    LiblinearEncoding enc = LiblinearEncoding.fit(train);
    Problem problem = new Problem();
    problem.l = train.size();
    problem.n = enc.width();
    problem.bias = -1; // the intercept column is already part of every encoded row
    problem.x = new Feature[train.size()][];
    problem.y = new double[train.size()];
    for (int i = 0; i < train.size(); i++) {
      problem.x[i] = enc.encode(train.features()[i]);
      problem.y[i] = train.targets()[i];
    }
    Parameter parameter = new Parameter(
        settings.l1() ? SolverType.L1R_LR : SolverType.L2R_LR, settings.c(), TOLERANCE);
    parameter.setMaxIters(settings.maxIterations());
    parameter.setRandom(new Random(seed));
    fitted = Linear.train(problem, parameter);
    encoding = enc;
    classCount = train.classCount();
    fittedFeatures = train.attributes();
  }

  @Override
  public double[][] predictProbabilities(Dataset data) {
    if (fitted == null) {
      throw new IllegalStateException("predictProbabilities called before fit");
    }
    if (!data.attributes().equals(fittedFeatures) || data.classCount() != classCount) {
      throw new IllegalArgumentException("data has features " + data.featureNames()
          + " and " + data.classCount() + " classes, unlike the training data");
    }
    int[] labels = fitted.getLabels();
    double[][] probabilities = new double[data.size()][];
    double[] estimates = new double[labels.length];
    for (int i = 0; i < data.size(); i++) {
      double[] row = new double[classCount];
      if (labels.length == 1) {
        row[labels[0]] = 1.0; // the training fold held a single class
      } else {
        Linear.predictProbability(fitted, encoding.encode(data.features()[i]), estimates);
        for (int j = 0; j < labels.length; j++) {
          row[labels[j]] = estimates[j];
        }
      }
      probabilities[i] = row;
    }
    return probabilities;
  }

  /** The fitted weights (encoded columns, intercept last), for tests. */
  double[] weights() {
    return fitted.getFeatureWeights();
  }
}
