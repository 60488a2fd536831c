package dev.trialbase.plugins.weka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.trialbase.api.InvalidParamsException;
import dev.trialbase.api.ParamSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LogisticSettingsTest {

  private static LogisticSettings settings(Object... keysAndValues) throws InvalidParamsException {
    Map<String, Object> map = new HashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      map.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return LogisticSettings.from(ParamSet.of(map));
  }

  private static String failure(Object... keysAndValues) {
    try {
      settings(keysAndValues);
    } catch (InvalidParamsException e) {
      return e.getMessage();
    }
    throw new AssertionError("expected " + Arrays.toString(keysAndValues) + " to fail");
  }

  @Test
  void defaultsAreWekas() throws Exception {
    assertThat(settings()).isEqualTo(new LogisticSettings(1e-8, -1, false));
  }

  @Test
  void cMapsToRidgeOneOverTwoC() throws Exception {
    assertThat(settings("C", 0.5).ridge()).isEqualTo(1.0);
    assertThat(settings("C", 0.001).ridge()).isCloseTo(500.0, within(1e-9));
    assertThat(settings("C", 1000.0, "penalty", "l2").ridge()).isCloseTo(5e-4, within(1e-15));
    assertThat(settings("C", 2L).ridge()).isEqualTo(0.25);
  }

  @Test
  void nativeNamesPassThrough() throws Exception {
    assertThat(settings("ridge", 0.3, "maxIts", 50L, "useConjugateGradientDescent", true))
        .isEqualTo(new LogisticSettings(0.3, 50, true));
  }

  @Test
  void noPenaltyMeansRidgeZeroAndIgnoresC() throws Exception {
    assertThat(settings("penalty", null).ridge()).isZero();
    assertThat(settings("penalty", "none", "C", 5.0).ridge()).isZero();
    assertThat(settings("penalty", "None", "C", 5.0).ridge()).isZero();
  }

  @Test
  void solversMapToBfgsOrConjugateGradient() throws Exception {
    assertThat(settings("solver", "lbfgs").conjugateGradient()).isFalse();
    assertThat(settings("solver", "newton-cg").conjugateGradient()).isFalse();
    assertThat(settings("solver", "cg").conjugateGradient()).isTrue();
  }

  @Test
  void l1AndElasticnetAreRejectedAsL2Only() {
    assertThat(failure("penalty", "l1")).isEqualTo("penalty 'l1' is not supported: "
        + "Weka's Logistic is L2-regularised only; use penalty l2 or none");
    assertThat(failure("penalty", "elasticnet", "C", 1.0))
        .startsWith("penalty 'elasticnet' is not supported");
  }

  @Test
  void sagAndSagaSolveTheSameL2ProblemWithBfgs() throws Exception {
    assertThat(settings("solver", "sag", "C", 0.5)).isEqualTo(new LogisticSettings(1.0, -1, false));
    assertThat(settings("solver", "saga", "penalty", null)).isEqualTo(
        new LogisticSettings(0.0, -1, false));
  }

  @Test
  void liblinearIsNotWekasLogistic() {
    assertThat(failure("solver", "liblinear"))
        .startsWith("solver 'liblinear' is not supported")
        .contains("lbfgs", "newton-cg", "cg");
  }

  @Test
  void everyProblemOfACombinationIsReported() {
    assertThat(failure("penalty", "l1", "solver", "liblinear"))
        .contains("penalty 'l1'", "solver 'liblinear'");
  }

  @Test
  void unknownParameterIsRejectedListingTheKnownOnes() {
    assertThat(failure("alpha", 0.1)).isEqualTo("unknown parameter 'alpha' for weka-logistic; "
        + "known parameters: ridge, maxIts, useConjugateGradientDescent, C, penalty, solver");
  }

  @Test
  void contradictoryOrOutOfRangeValuesAreRejected() {
    assertThat(failure("C", 1.0, "ridge", 0.5)).contains("give C or ridge, not both");
    assertThat(failure("penalty", "none", "ridge", 0.5)).contains("drop ridge");
    assertThat(failure("C", 0.0)).contains("C must be a positive");
    assertThat(failure("ridge", -1.0)).contains("ridge must be");
    assertThat(failure("maxIts", 0L)).contains("maxIts must be");
    assertThat(failure("maxIts", 1L << 40)).contains("maxIts must be");
    assertThat(failure("penalty", "l3")).contains("penalty 'l3' is not known");
    assertThat(failure("solver", "adam")).contains("solver 'adam' is not known");
    assertThat(failure("solver", "cg", "useConjugateGradientDescent", false))
        .contains("contradicts");
  }

  @Test
  void wronglyTypedValuesAreInvalidParamsNotCrashes() {
    assertThat(failure("C", "big")).isEqualTo("parameter 'C' must be a number, got big");
    assertThat(failure("useConjugateGradientDescent", "yes")).contains("true or false");
  }

  /**
   * The lesson's grid: 7 values of C x 4 penalties x 5 solvers, through weka-logistic (which
   * sends liblinear, and saga with l1, to LIBLINEAR). scikit-learn 1.2.1 fails exactly these
   * 63 of the 140 (9 per C): l1 and elasticnet with lbfgs, newton-cg or sag; elasticnet and
   * none with liblinear; elasticnet with saga (no l1_ratio).
   */
  @Test
  void lessonGridFailsWhatScikitLearnFails() {
    List<String> ran = new ArrayList<>();
    List<String> failedPairs = new ArrayList<>();
    for (double c : new double[] {0.001, 0.01, 0.1, 1, 10, 100, 1000}) {
      for (String penalty : Arrays.asList("l1", "l2", "elasticnet", null)) {
        for (String solver : List.of("newton-cg", "lbfgs", "liblinear", "sag", "saga")) {
          Map<String, Object> map = new HashMap<>();
          map.put("C", c);
          map.put("penalty", penalty);
          map.put("solver", solver);
          try {
            new WekaLogistic().create(ParamSet.of(map));
            ran.add(penalty + "/" + solver);
          } catch (InvalidParamsException e) {
            failedPairs.add(penalty + "/" + solver);
          }
        }
      }
    }

    assertThat(failedPairs).hasSize(63).containsOnly(
        "l1/newton-cg", "l1/lbfgs", "l1/sag", "elasticnet/newton-cg", "elasticnet/lbfgs",
        "elasticnet/sag", "elasticnet/liblinear", "null/liblinear", "elasticnet/saga");
    assertThat(ran).hasSize(77);
  }
}
