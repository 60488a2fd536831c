package dev.trialbase.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * r2, rmse and mae against scikit-learn 1.2.1 (Debian's python3-sklearn), computed
 * independently by this script run with /usr/bin/python3:
 *
 * <pre>
 * import warnings
 * from sklearn import metrics as m
 * warnings.simplefilter("ignore")
 *
 * def regression(name, y, f):
 *     print(name)
 *     for metric, v in [
 *         ("r2", m.r2_score(y, f)),
 *         ("rmse", m.mean_squared_error(y, f, squared=False)),
 *         ("mae", m.mean_absolute_error(y, f)),
 *     ]:
 *         print("  %-22s %r" % (metric, v))
 *
 * regression("R1", [3, -0.5, 2, 7], [2.5, 0.0, 2, 8])
 * regression("R2", [1.5, 1.5, -2.0, 4.25, 0.0, 1.5], [1.0, 2.0, -2.5, 3.0, 0.5, 1.5])
 * regression("R3", [2.0, 2.0, 2.0], [2.0, 2.0, 2.0])
 * regression("R4", [2.0, 2.0, 2.0], [2.0, 2.5, 2.0])
 * regression("R5", [1.0, 2.0, 3.0], [3.0, 2.0, 1.0])
 * regression("R6", [4.0], [3.0])
 * </pre>
 *
 * <p>Output: R1 0.9486081370449679 0.6123724356957945 0.5; R2 0.8792341678939617
 * 0.6535161308899218 0.5416666666666666; R3 1.0 0.0 0.0; R4 0.0 0.28867513459481287
 * 0.16666666666666666; R5 -3.0 1.632993161855452 1.3333333333333333; R6 nan 1.0 1.0.
 */
class RegressionMetricTest {

  private static final double TOL = 1e-12;

  @Test
  void scikitLearnsDocumentationExample() {
    assertScores(new double[] {3, -0.5, 2, 7}, new double[] {2.5, 0.0, 2, 8},
        0.9486081370449679, 0.6123724356957945, 0.5);
  }

  @Test
  void tiedAndNegativeValues() {
    assertScores(new double[] {1.5, 1.5, -2.0, 4.25, 0.0, 1.5},
        new double[] {1.0, 2.0, -2.5, 3.0, 0.5, 1.5},
        0.8792341678939617, 0.6535161308899218, 0.5416666666666666);
  }

  @Test
  void constantTruthGivesR2OneIfPerfectElseZero() {
    // SS_tot = 0: scikit-learn's force_finite gives 1.0 for a perfect fit, 0.0 otherwise.
    assertScores(new double[] {2, 2, 2}, new double[] {2, 2, 2}, 1.0, 0.0, 0.0);
    assertScores(new double[] {2, 2, 2}, new double[] {2, 2.5, 2},
        0.0, 0.28867513459481287, 0.16666666666666666);
  }

  @Test
  void worseThanTheMeanIsNegative() {
    // 1 - SS_res / SS_tot = 1 - 8 / 2 = -3
    assertScores(new double[] {1, 2, 3}, new double[] {3, 2, 1},
        -3.0, 1.632993161855452, 1.3333333333333333);
  }

  @Test
  void r2OfOneRowIsUndefined() {
    Predictions one = Predictions.values(new double[] {4}, new double[] {3});
    assertThat(Metric.R2.score(one)).isNaN();
    assertThat(Metric.RMSE.score(one)).isEqualTo(1.0);
    assertThat(Metric.MAE.score(one)).isEqualTo(1.0);
  }

  @Test
  void errorsAreMinimisedAndR2Maximised() {
    assertThat(Metric.R2.greaterIsBetter()).isTrue();
    assertThat(Metric.RMSE.greaterIsBetter()).isFalse();
    assertThat(Metric.MAE.greaterIsBetter()).isFalse();
  }

  private static void assertScores(double[] y, double[] f, double r2, double rmse, double mae) {
    Predictions p = Predictions.values(y, f);
    assertThat(Metric.R2.score(p)).as("r2").isCloseTo(r2, within(TOL));
    assertThat(Metric.RMSE.score(p)).as("rmse").isCloseTo(rmse, within(TOL));
    assertThat(Metric.MAE.score(p)).as("mae").isCloseTo(mae, within(TOL));
  }
}
