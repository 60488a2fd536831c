package dev.trialbase.plugins.weka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.trialbase.api.Attribute;
import dev.trialbase.api.Dataset;
import dev.trialbase.api.InvalidParamsException;
import dev.trialbase.api.Model;
import dev.trialbase.api.ParamSet;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * weka-logistic's LIBLINEAR path against scikit-learn 1.2.1's
 * {@code LogisticRegression(solver='liblinear')} on the Titanic example's training file.
 * The expected numbers came from (Debian's /usr/bin/python3, python3-sklearn):
 * <pre>
 * D = np.genfromtxt("examples/titanic/train.csv", delimiter=",", skip_header=1)
 * X = D[:, :-1]; y = D[:, -1].astype(int)
 * m = LogisticRegression(C=C, penalty=pen, solver='liblinear').fit(X, y)
 * print(m.coef_, m.intercept_, (m.predict(X) == y).mean(), m.predict_proba(X[:3])[:, 1])
 * </pre>
 * On the run's own 5 folds (seed 42) all 14 liblinear points of the lesson's grid give the
 * same mean CV accuracy as scikit-learn to 5 decimals (measured; see docs/benchmarks.md).
 */
class LiblinearTest {

  private static Dataset titanic() throws Exception {
    List<String> lines = Files.readAllLines(Path.of("../../examples/titanic/train.csv"));
    List<String> names = Arrays.asList(lines.get(0).split(","));
    double[][] x = new double[lines.size() - 1][];
    int[] y = new int[lines.size() - 1];
    for (int i = 1; i < lines.size(); i++) {
      double[] cells = Arrays.stream(lines.get(i).split(",")).mapToDouble(Double::parseDouble)
          .toArray();
      x[i - 1] = Arrays.copyOf(cells, cells.length - 1);
      y[i - 1] = (int) cells[cells.length - 1];
    }
    return Dataset.classification(names.subList(0, names.size() - 1), x, y, List.of("0", "1"));
  }

  private static Model fitted(Dataset data, Object... keysAndValues) throws Exception {
    Map<String, Object> map = new HashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      map.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    Model model = new WekaLogistic().create(ParamSet.of(map));
    model.fit(data, 7);
    return model;
  }

  private static double accuracy(Model model, Dataset data) throws Exception {
    double[][] p = model.predictProbabilities(data);
    int right = 0;
    for (int i = 0; i < p.length; i++) {
      right += (p[i][1] > p[i][0] ? 1 : 0) == data.labels()[i] ? 1 : 0;
    }
    return (double) right / p.length;
  }

  @Test
  void l1AtCTenMatchesScikitLearnsLiblinear() throws Exception {
    Dataset data = titanic();
    Model model = fitted(data, "C", 10.0, "penalty", "l1", "solver", "liblinear");

    assertThat(model).isInstanceOf(LiblinearModel.class);
    assertThat(accuracy(model, data)).isCloseTo(0.8586437440305635, within(1e-12));
    double[][] p = model.predictProbabilities(data.rows(new int[] {0, 1, 2}));
    assertThat(p[0][1]).isCloseTo(0.876679, within(2e-3));
    assertThat(p[1][1]).isCloseTo(0.125185, within(2e-3));
    assertThat(p[2][1]).isCloseTo(0.802271, within(2e-3));
  }

  @Test
  void l2AtCOneMatchesScikitLearnsLiblinear() throws Exception {
    Dataset data = titanic();
    LiblinearModel model = (LiblinearModel) fitted(data, "C", 1L, "penalty", "l2",
        "solver", "liblinear");

    assertThat(accuracy(model, data)).isCloseTo(0.8576886341929322, within(1e-12));
    double[][] p = model.predictProbabilities(data.rows(new int[] {0, 1, 2}));
    assertThat(p[0][1]).isCloseTo(0.862756, within(1e-4));
    assertThat(p[1][1]).isCloseTo(0.138172, within(1e-4));
    assertThat(p[2][1]).isCloseTo(0.778808, within(1e-4));
    // The intercept is penalised with the weights, as in scikit-learn: |w| of class 1's side.
    double[] w = model.weights();
    double sign = p[0][1] > 0.5 == (w[2] > 0) ? 1 : -1;
    assertThat(sign * w[5]).isCloseTo(-1.067895, within(1e-3));
    assertThat(sign * w[2]).isCloseTo(3.570463, within(1e-3));
  }

  @Test
  void sagaWithL1RunsLiblinearAndOtherSolversDoNot() throws Exception {
    Dataset data = titanic();
    assertThat(fitted(data, "C", 10.0, "penalty", "l1", "solver", "saga"))
        .isInstanceOf(LiblinearModel.class);
    assertThat(fitted(data, "C", 10.0, "penalty", "l2", "solver", "saga"))
        .isInstanceOf(LogisticModel.class);
  }

  @Test
  void liblinearRefusesWhatScikitLearnsLiblinearRefuses() {
    Map<String, Object> none = new HashMap<>();
    none.put("solver", "liblinear");
    none.put("penalty", null);
    assertThatThrownBy(() -> new WekaLogistic().create(ParamSet.of(none)))
        .isInstanceOf(InvalidParamsException.class)
        .hasMessageContaining("penalty 'null' is not supported by the liblinear solver");
    assertThatThrownBy(() -> new WekaLogistic().create(ParamSet.of(
        Map.of("solver", "liblinear", "penalty", "elasticnet"))))
        .hasMessageContaining("penalty 'elasticnet' is not supported by the liblinear solver");
    assertThatThrownBy(() -> new WekaLogistic().create(ParamSet.of(
        Map.of("solver", "liblinear", "ridge", 0.1))))
        .hasMessageContaining("takes C");
  }

  /**
   * Nominal attributes become one indicator column per value and missing cells the training
   * means: a missing nominal cell gets each value's frequency, a missing number the mean.
   */
  @Test
  void encodingIsOneHotWithMeanImputation() {
    Dataset train = new Dataset(
        List.of(Attribute.nominal("colour", List.of("red", "green", "blue")),
            Attribute.numeric("size")),
        Attribute.nominal("class", List.of("a", "b")),
        new double[][] {{0, 1.0}, {0, 3.0}, {2, Dataset.MISSING}, {Dataset.MISSING, 2.0}},
        new double[] {0, 1, 0, 1});
    LiblinearEncoding encoding = LiblinearEncoding.fit(train);

    assertThat(encoding.width()).isEqualTo(5);
    assertThat(Arrays.toString(encoding.encode(new double[] {1, 0.0})))
        .isEqualTo("[FeatureNode(idx=2, value=1.0), FeatureNode(idx=5, value=1.0)]");
    assertThat(Arrays.toString(encoding.encode(new double[] {Dataset.MISSING,
        Dataset.MISSING}))).isEqualTo("[FeatureNode(idx=1, value=0.6666666666666666), "
        + "FeatureNode(idx=3, value=0.3333333333333333), FeatureNode(idx=4, value=2.0), "
        + "FeatureNode(idx=5, value=1.0)]");
  }
}
