package dev.trialbase.plugins.weka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.trialbase.api.Dataset;
import dev.trialbase.api.Model;
import dev.trialbase.api.ParamSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import weka.classifiers.functions.Logistic;
import weka.core.Attribute;
import weka.core.DenseInstance;
import weka.core.Instance;
import weka.core.Instances;

/** Checks what the plugin fits against definitions outside the plugin's own code. */
class SklearnEquivalenceTest {

  /**
   * The fitted model must be a stationary point of scikit-learn's objective
   * {@code 0.5 * ||w||^2 + C * sum(logloss)} on standardised features (sample standard
   * deviation), with {@code w} read back from predictions only. A mapping of
   * {@code ridge = 1/C} would leave a gradient of {@code -w} here.
   */
  @Test
  void fittedModelMinimisesSklearnsObjectiveForTheSameC() throws Exception {
    double c = 0.05;
    Dataset train = Blobs.twoClasses(120, 1.0, 21);
    Model model = new WekaLogistic().create(ParamSet.of(Map.of("C", c)));
    model.fit(train, 0);

    int n = train.size();
    double[] mean = new double[2];
    double[] sd = new double[2];
    for (int j = 0; j < 2; j++) {
      for (double[] row : train.features()) {
        mean[j] += row[j] / n;
      }
      for (double[] row : train.features()) {
        sd[j] += (row[j] - mean[j]) * (row[j] - mean[j]) / (n - 1);
      }
      sd[j] = Math.sqrt(sd[j]);
    }
    // The decision function z(x) = log(p0 / p1) is linear: read its slopes off three probes.
    double z0 = logit(model, train, mean[0], mean[1]);
    double[] w = {
        (logit(model, train, mean[0] + sd[0], mean[1]) - z0),
        (logit(model, train, mean[0], mean[1] + sd[1]) - z0)};

    double[] p = new double[n];
    double[][] rows = train.features();
    double[] zs = logits(model, train);
    double[] gradient = {w[0], w[1], 0};
    for (int i = 0; i < n; i++) {
      p[i] = 1 / (1 + Math.exp(-zs[i]));
      double residual = p[i] - (train.labels()[i] == 0 ? 1 : 0);
      gradient[0] += c * residual * (rows[i][0] - mean[0]) / sd[0];
      gradient[1] += c * residual * (rows[i][1] - mean[1]) / sd[1];
      gradient[2] += c * residual;
    }

    assertThat(Math.abs(w[0]) + Math.abs(w[1])).as("coefficients are not trivially 0")
        .isGreaterThan(0.5);
    assertThat(gradient[0]).isCloseTo(0, within(1e-4));
    assertThat(gradient[1]).isCloseTo(0, within(1e-4));
    assertThat(gradient[2]).isCloseTo(0, within(1e-4));
  }

  /**
   * Predictions equal those of a Weka Logistic built here by hand with the same ridge: the
   * all-numeric two-class case (the Titanic example's shape) is what it was before nominal
   * attributes and missing values came in.
   */
  @Test
  void predictionsMatchAHandBuiltWekaLogistic() throws Exception {
    double[][] x = {{0.1, 2.0}, {1.5, 0.3}, {2.2, -1.0}, {-0.7, 1.1}, {0.9, 0.9}, {3.0, -2.5},
        {-1.2, 0.4}, {1.1, -0.2}};
    int[] y = {0, 1, 1, 0, 0, 1, 0, 1};
    Dataset data = Dataset.classification(List.of("a", "b"), x, y, List.of("no", "yes"));
    Model model = new WekaLogistic().create(ParamSet.of(Map.of("ridge", 1e-12)));
    model.fit(data, 0);

    ArrayList<Attribute> attributes = new ArrayList<>(List.of(
        new Attribute("a"), new Attribute("b"), new Attribute("y", List.of("no", "yes"))));
    Instances instances = new Instances("direct", attributes, x.length);
    instances.setClassIndex(2);
    for (int i = 0; i < x.length; i++) {
      instances.add(new DenseInstance(1.0, new double[] {x[i][0], x[i][1], y[i]}));
    }
    Logistic direct = new Logistic();
    direct.setRidge(1e-12);
    direct.buildClassifier(instances);

    double[][] ours = model.predictProbabilities(data);
    for (int i = 0; i < x.length; i++) {
      Instance row = instances.instance(i);
      // Bit for bit: the plugin makes the same Weka calls on the same attribute order and values.
      assertThat(ours[i]).containsExactly(direct.distributionForInstance(row));
    }
  }

  private static double logit(Model model, Dataset like, double x1, double x2)
      throws Exception {
    return logits(model, Blobs.probe(like, new double[] {x1, x2}))[0];
  }

  private static double[] logits(Model model, Dataset data) throws Exception {
    double[][] p = model.predictProbabilities(data);
    double[] z = new double[p.length];
    for (int i = 0; i < p.length; i++) {
      z[i] = Math.log(p[i][0] / p[i][1]);
    }
    return z;
  }
}
