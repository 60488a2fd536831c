package dev.trialbase.examples.knn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.trialbase.api.Attribute;
import dev.trialbase.api.Dataset;
import dev.trialbase.api.InvalidParamsException;
import dev.trialbase.api.Model;
import dev.trialbase.api.ParamInfo;
import dev.trialbase.api.ParamSet;
import dev.trialbase.api.Task;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The model on datasets small enough to work out by hand; each expected value says how.
 * scikit-learn 1.2 agrees on the numeric cases (x divided by its range, as HEOM does), except
 * where distances tie exactly, which it breaks otherwise:
 * <pre>
 * from sklearn.neighbors import KNeighborsClassifier as C, KNeighborsRegressor as R
 * X = np.array([[0], [1], [2], [10], [11], [12]]) / 12; y = [0, 0, 0, 1, 1, 1]
 * C(4, weights='distance').fit(X, y).predict_proba(np.array([[5], [11]]) / 12)
 *   # [[0.79661017 0.20338983] [0. 1.]]   (47/59 = 0.7966101694915254)
 * Xr = np.array([[0], [1], [2], [3]]) / 3; yr = [0, 10, 20, 30]
 * R(2).fit(Xr, yr).predict([[1.4 / 3]])                              # [15.]
 * R(2, weights='distance').fit(Xr, yr).predict(np.array([[1.4], [2]]) / 3)   # [14. 20.]
 * </pre>
 */
class NearestNeighboursTest {

  private static final double M = Dataset.MISSING;

  /** x = 0, 1, 2 are class a; x = 10, 11, 12 class b. The range of x is 12. */
  private static final Dataset LINE = Dataset.classification(List.of("x"),
      new double[][] {{0}, {1}, {2}, {10}, {11}, {12}}, new int[] {0, 0, 0, 1, 1, 1},
      List.of("a", "b"));

  private static Model fitted(Map<String, Object> params, Dataset train) throws Exception {
    Model model = new NearestNeighbours().create(ParamSet.of(params));
    model.fit(train, 1);
    return model;
  }

  private static Dataset queries(Dataset like, double[]... rows) {
    return new Dataset(like.attributes(), like.target(), rows, new double[rows.length]);
  }

  @Test
  void uniformVotesAreTheNeighboursClassShares() throws Exception {
    Model model = fitted(Map.of("k", 3L), LINE);
    double[][] p = model.predictProbabilities(queries(LINE, new double[] {1.5},
        new double[] {6}));

    // 1.5: nearest are 1 and 2 (0.5), then 0 (1.5): all a.
    assertThat(p[0]).containsExactly(1.0, 0.0);
    // 6: 2 and 10 (both 4), then 1 and 11 (both 5): the tie goes to the earlier row, 1 (a).
    assertThat(p[1]).containsExactly(new double[] {2 / 3.0, 1 / 3.0}, within(1e-15));
  }

  @Test
  void distanceWeightsVoteByOneOverDistance() throws Exception {
    Model model = fitted(Map.of("k", 4L, "weights", "distance"), LINE);
    double[][] p = model.predictProbabilities(queries(LINE, new double[] {5},
        new double[] {11}));

    // 5: rows 2 (3), 1 (4), 0 (5) of a and 10 (5) of b; weights 1/3 + 1/4 + 1/5 = 47/60 for a
    // and 1/5 = 12/60 for b (the range 12 cancels): a = 47/59, b = 12/59.
    assertThat(p[0]).containsExactly(new double[] {47 / 59.0, 12 / 59.0}, within(1e-12));
    // 11 is a training row: an exact match votes alone.
    assertThat(p[1]).containsExactly(0.0, 1.0);
  }

  @Test
  void nominalAttributesOverlapAndMissingCellsCountAsFar() throws Exception {
    Dataset train = new Dataset(
        List.of(Attribute.nominal("colour", List.of("red", "green", "blue")),
            Attribute.numeric("size")),
        Attribute.nominal("class", List.of("x", "y")),
        new double[][] {{0, 0}, {0, 10}, {2, 0}, {1, 10}}, new double[] {0, 0, 1, 1});
    Model model = fitted(Map.of("k", 2L), train);
    double[][] p = model.predictProbabilities(queries(train,
        new double[] {0, M}, new double[] {M, 0}, new double[] {2, 0}));

    // (red, ?): rows 0 and 1 at sqrt(0 + 1) = 1, rows 2 and 3 at sqrt(1 + 1): both x.
    assertThat(p[0]).containsExactly(1.0, 0.0);
    // (?, 0): rows 0 and 2 at sqrt(1 + 0) = 1, rows 1 and 3 at sqrt(1 + 1): one x, one y.
    assertThat(p[1]).containsExactly(0.5, 0.5);
    // (blue, 0): row 2 at 0, then rows 0 (sqrt(1 + 0)) and 3 (sqrt(1 + 1)): y and x.
    assertThat(p[2]).containsExactly(0.5, 0.5);
  }

  @Test
  void regressionIsTheNeighboursMeanTarget() throws Exception {
    Dataset train = Dataset.regression(List.of("x"), new double[][] {{0}, {1}, {2}, {3}},
        new double[] {0, 10, 20, 30});
    Dataset q = queries(train, new double[] {1.4}, new double[] {2});

    // 1.4: rows 1 (0.4) and 2 (0.6): uniform (10 + 20) / 2 = 15;
    // by distance (10 / 0.4 + 20 / 0.6) / (1 / 0.4 + 1 / 0.6) = (175/3) / (25/6) = 14.
    assertThat(fitted(Map.of("k", 2L), train).predictValues(q)[0]).isCloseTo(15, within(1e-12));
    double[] weighted = fitted(Map.of("k", 2L, "weights", "distance"), train).predictValues(q);
    assertThat(weighted[0]).isCloseTo(14, within(1e-12));
    assertThat(weighted[1]).isEqualTo(20);   // an exact match alone
  }

  @Test
  void kLargerThanTheTrainingSetUsesEveryRow() throws Exception {
    double[][] p = fitted(Map.of("k", 100L), LINE).predictProbabilities(
        queries(LINE, new double[] {0}));

    assertThat(p[0]).containsExactly(0.5, 0.5);
  }

  @Test
  void theEstimatorDeclaresItsTasksAndEveryListedParameterIsAccepted() throws Exception {
    NearestNeighbours knn = new NearestNeighbours();

    assertThat(knn.name()).isEqualTo("knn");
    assertThat(knn.tasks()).containsExactlyInAnyOrder(Task.CLASSIFICATION, Task.REGRESSION);
    assertThat(knn.parameters()).extracting(ParamInfo::name).containsExactly("k", "weights");
    assertThat(knn.parameters()).allSatisfy(p -> assertThat(p.description()).isNotBlank());
    assertThat(knn.create(ParamSet.of(Map.of("k", 3.0, "weights", "distance")))).isNotNull();
    assertThat(knn.create(ParamSet.empty())).isNotNull();
  }

  @Test
  void badParametersAreRefusedNamingTheParameter() {
    NearestNeighbours knn = new NearestNeighbours();

    assertThatThrownBy(() -> knn.create(ParamSet.of(Map.of("k", 0L))))
        .isInstanceOf(InvalidParamsException.class).hasMessage("k must be at least 1, got 0");
    assertThatThrownBy(() -> knn.create(ParamSet.of(Map.of("k", 2.5))))
        .isInstanceOf(InvalidParamsException.class)
        .hasMessage("k must be a whole number of at least 1, got 2.5");
    assertThatThrownBy(() -> knn.create(ParamSet.of(Map.of("weights", "gaussian"))))
        .isInstanceOf(InvalidParamsException.class)
        .hasMessage("weights must be 'uniform' or 'distance', got gaussian");
  }
}
