package dev.trialbase.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The multi-class metrics, and the two-class ones through the probability matrix, against
 * scikit-learn 1.2.1 (Debian's python3-sklearn) computing the same inputs independently.
 * The script, run with /usr/bin/python3:
 *
 * <pre>
 * import warnings
 * import numpy as np
 * from sklearn import metrics as m
 * warnings.simplefilter("ignore")
 *
 * def classes(name, y, p, k):
 *     y = np.array(y); p = np.array(p, dtype=float)
 *     pred = p.argmax(axis=1)                       # argmax, first class on ties
 *     present = [c for c in range(k) if (y == c).any()]
 *     ovr = (np.mean([m.roc_auc_score(y == c, p[:, c]) for c in present])
 *            if len(present) &gt;= 2 else float("nan"))  # one-vs-rest over present classes
 *     print(name, "predicted", list(pred))
 *     for metric, v in [
 *         ("accuracy", m.accuracy_score(y, pred)),
 *         ("balanced_accuracy", m.balanced_accuracy_score(y, pred)),
 *         ("f1_macro", m.f1_score(y, pred, average="macro", zero_division=0)),
 *         ("f1_weighted", m.f1_score(y, pred, average="weighted", zero_division=0)),
 *         ("precision_macro", m.precision_score(y, pred, average="macro", zero_division=0)),
 *         ("recall_macro", m.recall_score(y, pred, average="macro", zero_division=0)),
 *         ("roc_auc_ovr", ovr),
 *         ("roc_auc_ovr(sklearn)", m.roc_auc_score(y, p, multi_class="ovr")
 *             if len(present) == k else "refuses"),
 *         ("log_loss", m.log_loss(y, p, eps=1e-15, labels=list(range(k)))),
 *     ]:
 *         print("  %-22s %r" % (metric, v))
 *
 * classes("A", A_Y, A_P, 3)    # the arrays below
 * classes("B", B_Y, B_P, 4)
 * classes("C", C_Y, C_P, 3)
 *
 * # Two classes through the matrix API: MetricTest's eight rows as [1 - p, p].
 * y = np.array([1, 1, 1, 0, 0, 0, 1, 0])
 * p1 = np.array([0.9, 0.6, 0.4, 0.7, 0.2, 0.5, 0.5, 0.1])
 * pred = (p1 &gt; 0.5).astype(int)                     # a tie at 0.5 goes to class 0
 * for metric, v in [
 *     ("balanced_accuracy", m.balanced_accuracy_score(y, pred)),
 *     ("f1_macro", m.f1_score(y, pred, average="macro")),
 *     ("f1_weighted", m.f1_score(y, pred, average="weighted")),
 *     ("precision_macro", m.precision_score(y, pred, average="macro")),
 *     ("recall_macro", m.recall_score(y, pred, average="macro")),
 *     ("roc_auc_ovr", m.roc_auc_score(y, p1)),
 *     ("log_loss", m.log_loss(y, np.c_[1 - p1, p1], eps=1e-15)),
 *     ("precision pos=0", m.precision_score(y, pred, pos_label=0)),
 *     ("recall pos=0", m.recall_score(y, pred, pos_label=0)),
 *     ("f1 pos=0", m.f1_score(y, pred, pos_label=0)),
 *     ("roc_auc pos=0", m.roc_auc_score(y == 0, 1 - p1)),
 * ]:
 *     print("  %-22s %r" % (metric, v))
 * </pre>
 *
 * <p>scikit-learn's own {@code roc_auc_score(multi_class="ovr")} refuses a fold in which a
 * declared class is absent (B, C); Trialbase averages over the classes present, which is
 * what the script's {@code ovr} line computes; on A, where all are present, the two agree.
 * {@code eps=1e-15} is passed because Trialbase clips there (1.2's default is 2.2e-16).
 */
class MultiClassMetricTest {

  private static final double TOL = 1e-12;

  // A: three classes, all present; rows 1 and 3 tie for the top probability (argmax takes the
  // first class: 0 and 1), row 7 is certain (0s clipped). Predicted 0 0 1 1 0 2 1 2 2 0.
  private static final int[] A_Y = {0, 0, 1, 1, 1, 2, 2, 2, 0, 1};
  private static final double[][] A_P = {
      {0.7, 0.2, 0.1}, {0.4, 0.4, 0.2}, {0.3, 0.5, 0.2}, {0.2, 0.4, 0.4},
      {0.5, 0.25, 0.25}, {0.1, 0.3, 0.6}, {0.2, 0.5, 0.3}, {0.0, 0.0, 1.0},
      {0.25, 0.25, 0.5}, {0.6, 0.3, 0.1}};

  // B: four declared classes; class 3 never true but predicted once (its recall is 0/0),
  // class 2 true twice but never predicted (its precision is 0/0); row 3 gives its true
  // class probability 0. Predicted 0 3 0 1 1 0 0.
  private static final int[] B_Y = {0, 1, 2, 0, 1, 2, 0};
  private static final double[][] B_P = {
      {0.6, 0.1, 0.1, 0.2}, {0.1, 0.2, 0.0, 0.7}, {0.4, 0.3, 0.3, 0.0},
      {0.0, 0.5, 0.2, 0.3}, {0.1, 0.6, 0.2, 0.1}, {0.3, 0.3, 0.2, 0.2},
      {0.5, 0.1, 0.1, 0.3}};

  // C: three declared classes, only class 1 true. Predicted 1 0 2 1.
  private static final int[] C_Y = {1, 1, 1, 1};
  private static final double[][] C_P = {
      {0.2, 0.5, 0.3}, {0.6, 0.3, 0.1}, {0.1, 0.1, 0.8}, {0.3, 0.4, 0.3}};

  // D: MetricTest's two-class rows.
  private static final int[] D_Y = {1, 1, 1, 0, 0, 0, 1, 0};
  private static final double[] D_P1 = {0.9, 0.6, 0.4, 0.7, 0.2, 0.5, 0.5, 0.1};

  @Test
  void threeClassesWithTiesMatchScikitLearn() {
    assertScores(Predictions.classes(A_Y, A_P, 3, -1), Map.of(
        Metric.ACCURACY, 0.6,
        Metric.BALANCED_ACCURACY, 0.611111111111111,
        Metric.F1_MACRO, 0.6031746031746033,
        Metric.F1_WEIGHTED, 0.6,
        Metric.PRECISION_MACRO, 0.611111111111111,
        Metric.RECALL_MACRO, 0.611111111111111,
        Metric.ROC_AUC_OVR, 0.7777777777777777,
        Metric.LOG_LOSS, 0.8573763542904634));
  }

  @Test
  void absentAndNeverPredictedClassesMatchScikitLearn() {
    assertScores(Predictions.classes(B_Y, B_P, 4, -1), Map.of(
        Metric.ACCURACY, 0.42857142857142855,
        Metric.BALANCED_ACCURACY, 0.38888888888888884,
        Metric.F1_MACRO, 0.2678571428571429,
        Metric.F1_WEIGHTED, 0.38775510204081637,
        Metric.PRECISION_MACRO, 0.25,
        Metric.RECALL_MACRO, 0.29166666666666663,
        Metric.ROC_AUC_OVR, 0.7555555555555555,
        Metric.LOG_LOSS, 5.810917636028107));
  }

  @Test
  void aFoldWithOneTrueClassMatchesScikitLearnAndHasNoAuc() {
    Predictions.Classes c = Predictions.classes(C_Y, C_P, 3, -1);
    assertScores(c, Map.of(
        Metric.ACCURACY, 0.5,
        Metric.BALANCED_ACCURACY, 0.5,
        Metric.F1_MACRO, 0.2222222222222222,
        Metric.F1_WEIGHTED, 0.6666666666666666,
        Metric.PRECISION_MACRO, 0.3333333333333333,
        Metric.RECALL_MACRO, 0.16666666666666666,
        Metric.LOG_LOSS, 1.2789989524385204));
    assertThat(Metric.ROC_AUC_OVR.score(c)).isNaN();
  }

  @Test
  void twoClassesThroughTheMatrixMatchScikitLearn() {
    Predictions.Classes d = Predictions.classes(D_Y, complementRows(D_P1), 2, 1);
    assertScores(d, Map.of(
        Metric.BALANCED_ACCURACY, 0.625,
        Metric.F1_MACRO, 0.6190476190476191,
        Metric.F1_WEIGHTED, 0.6190476190476191,
        Metric.PRECISION_MACRO, 0.6333333333333333,
        Metric.RECALL_MACRO, 0.625,
        Metric.ROC_AUC_OVR, 0.71875,
        Metric.LOG_LOSS, 0.5564060129644793));
    // The two-class metrics give MetricTest's hand-computed values.
    assertScores(d, Map.of(
        Metric.ACCURACY, 0.625,
        Metric.PRECISION, 2.0 / 3,
        Metric.RECALL, 0.5,
        Metric.F1, 4.0 / 7,
        Metric.ROC_AUC, 0.71875));
  }

  @Test
  void theFirstClassAsPositiveMatchesScikitLearnsPosLabelZero() {
    // Same rows, class 0 positive: the 0.5 ties still go to class 0, the first class.
    Predictions.Classes d = Predictions.classes(D_Y, complementRows(D_P1), 2, 0);
    assertScores(d, Map.of(
        Metric.ACCURACY, 0.625,
        Metric.PRECISION, 0.6,
        Metric.RECALL, 0.75,
        Metric.F1, 0.6666666666666665,
        Metric.ROC_AUC, 0.71875,
        Metric.BALANCED_ACCURACY, 0.625,
        Metric.F1_MACRO, 0.6190476190476191,
        Metric.LOG_LOSS, 0.5564060129644793));
  }

  @Test
  void multiClassLogLossRenormalisesClippedRows() {
    // One row [0, 1, 0], true class 0: clipped to [1e-15, 1 - 1e-15, 1e-15], whose sum is
    // 1 + 1e-15 up to rounding, so the loss is -ln(1e-15 / (1 + 1e-15)) ~= 34.5388.
    double loss = Metric.LOG_LOSS.score(Predictions.classes(new int[] {0},
        new double[][] {{0, 1, 0}}, 3, -1));
    assertThat(loss).isCloseTo(-Math.log(1e-15 / (1 - 1e-15 + 2e-15)), within(1e-9));
  }

  @Test
  void rocAucOvrOfAPerfectRankingIsOne() {
    int[] y = {0, 1, 2, 0, 1, 2};
    double[][] p = {{0.8, 0.1, 0.1}, {0.1, 0.8, 0.1}, {0.1, 0.1, 0.8},
        {0.6, 0.2, 0.2}, {0.2, 0.6, 0.2}, {0.2, 0.2, 0.6}};
    assertThat(Metric.ROC_AUC_OVR.score(Predictions.classes(y, p, 3, -1)))
        .isCloseTo(1.0, within(TOL));
  }

  private static double[][] complementRows(double[] p1) {
    double[][] rows = new double[p1.length][];
    for (int i = 0; i < rows.length; i++) {
      rows[i] = new double[] {1 - p1[i], p1[i]};
    }
    return rows;
  }

  private static void assertScores(Predictions predictions, Map<Metric, Double> expected) {
    expected.forEach((metric, value) -> assertThat(metric.score(predictions))
        .as(metric.id()).isCloseTo(value, within(TOL)));
  }
}
