package dev.trialbase.eval;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** {@link PredictionCheck}: a model's output is checked before it is scored. */
class PredictionCheckTest {

  @Test
  void probabilityRowsThatSumToOneWithinTheToleranceAreAccepted() {
    double[][] p = {{0.2, 0.8}, {1.0, 0.0}, {0.5, 0.5 + 9e-7}, {0.3, 0.7 - 9e-7}};
    assertThatCode(() -> PredictionCheck.probabilities("x", p, 4, 2)).doesNotThrowAnyException();
  }

  @Test
  void aNaNProbabilityNamesItsRow() {
    double[][] p = {{0.2, 0.8}, {0.5, 0.5}, {0.1, 0.9}, {Double.NaN, 0.2}};
    assertThatThrownBy(() -> PredictionCheck.probabilities("faulty", p, 4, 2))
        .isInstanceOf(InvalidPredictionsException.class)
        .hasMessage("estimator 'faulty' returned a non-probability row 3: [NaN, 0.2]"
            + " (NaN is not a probability)");
  }

  @Test
  void infiniteNegativeAndBadSumsAreRefused() {
    assertThatThrownBy(() -> PredictionCheck.probabilities("x",
        new double[][] {{Double.POSITIVE_INFINITY, 0}}, 1, 2))
        .hasMessage("estimator 'x' returned a non-probability row 0: [Infinity, 0.0]"
            + " (Infinity is not a probability)");
    assertThatThrownBy(() -> PredictionCheck.probabilities("x",
        new double[][] {{0.5, 0.5, 0}, {1.5, -0.5, 0}}, 2, 3))
        .hasMessage("estimator 'x' returned a non-probability row 1: [1.5, -0.5, 0.0]"
            + " (negative probability -0.5)");
    assertThatThrownBy(() -> PredictionCheck.probabilities("x",
        new double[][] {{0.5, 0.5 + 2e-6}}, 1, 2))
        .hasMessageStartingWith("estimator 'x' returned a non-probability row 0: [0.5, 0.500002]"
            + " (sums to 1.00000")
        .hasMessageEndingWith(", not 1)");
    assertThatThrownBy(() -> PredictionCheck.probabilities("x",
        new double[][] {{0, 0}}, 1, 2))
        .hasMessage("estimator 'x' returned a non-probability row 0: [0.0, 0.0]"
            + " (sums to 0.0, not 1)");
  }

  @Test
  void theWrongShapeIsRefused() {
    assertThatThrownBy(() -> PredictionCheck.probabilities("x",
        new double[][] {{0.5, 0.5}}, 2, 2))
        .isInstanceOf(InvalidPredictionsException.class)
        .hasMessage("estimator 'x' returned 1 rows of probabilities for 2 rows");
    assertThatThrownBy(() -> PredictionCheck.probabilities("x",
        new double[][] {{0.5, 0.5}, {1.0}}, 2, 2))
        .hasMessage("estimator 'x' returned 1 probabilities in row 1 for 2 classes");
    assertThatThrownBy(() -> PredictionCheck.probabilities("x",
        new double[][] {{0.5, 0.5}, null}, 2, 2))
        .hasMessage("estimator 'x' returned 0 probabilities in row 1 for 2 classes");
    assertThatThrownBy(() -> PredictionCheck.probabilities("x", null, 2, 2))
        .hasMessage("estimator 'x' returned no probabilities for 2 rows");
  }

  @Test
  void regressionPredictionsMustBeFiniteAndOnePerRow() {
    assertThatCode(() -> PredictionCheck.values("x", new double[] {-1e300, 0, 3.5}, 3))
        .doesNotThrowAnyException();
    assertThatThrownBy(() -> PredictionCheck.values("x", new double[] {1, Double.NaN}, 2))
        .isInstanceOf(InvalidPredictionsException.class)
        .hasMessage("estimator 'x' returned a non-finite prediction in row 1: NaN");
    assertThatThrownBy(() -> PredictionCheck.values("x",
        new double[] {1, 2, Double.NEGATIVE_INFINITY}, 3))
        .hasMessage("estimator 'x' returned a non-finite prediction in row 2: -Infinity");
    assertThatThrownBy(() -> PredictionCheck.values("x", new double[] {1}, 2))
        .hasMessage("estimator 'x' returned 1 predictions for 2 rows");
    assertThatThrownBy(() -> PredictionCheck.values("x", null, 2))
        .hasMessage("estimator 'x' returned no predictions for 2 rows");
  }
}
