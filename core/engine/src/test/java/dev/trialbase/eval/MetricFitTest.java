package dev.trialbase.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.trialbase.api.Task;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Which metric fits which task, the defaults per task, and the refusal of a misfit. */
class MetricFitTest {

  @Test
  void twoClassMetricsNeedExactlyTwoClasses() {
    for (Metric m : new Metric[] {Metric.PRECISION, Metric.RECALL, Metric.F1, Metric.ROC_AUC}) {
      assertThat(m.appliesTo(Task.CLASSIFICATION, 2)).as(m.id()).isTrue();
      assertThat(m.appliesTo(Task.CLASSIFICATION, 3)).as(m.id()).isFalse();
      assertThat(m.appliesTo(Task.REGRESSION, 0)).as(m.id()).isFalse();
    }
    assertThat(Metric.ROC_AUC.unfitFor(Task.CLASSIFICATION, 3)).contains(
        "metric 'roc_auc' needs exactly two classes, but the target has 3; use roc_auc_ovr"
            + " instead");
    assertThat(Metric.F1.unfitFor(Task.CLASSIFICATION, 5)).hasValueSatisfying(
        reason -> assertThat(reason).endsWith("use f1_macro instead"));
  }

  @Test
  void classificationMetricsFitAnyNumberOfClassesButNotRegression() {
    for (Metric m : new Metric[] {Metric.ACCURACY, Metric.BALANCED_ACCURACY, Metric.F1_MACRO,
        Metric.F1_WEIGHTED, Metric.PRECISION_MACRO, Metric.RECALL_MACRO, Metric.ROC_AUC_OVR,
        Metric.LOG_LOSS}) {
      assertThat(m.appliesTo(Task.CLASSIFICATION, 2)).as(m.id()).isTrue();
      assertThat(m.appliesTo(Task.CLASSIFICATION, 19)).as(m.id()).isTrue();
      assertThat(m.appliesTo(Task.CLASSIFICATION, 1)).as(m.id()).isFalse();
      assertThat(m.appliesTo(Task.REGRESSION, 0)).as(m.id()).isFalse();
    }
    assertThat(Metric.ACCURACY.unfitFor(Task.REGRESSION, 0))
        .contains("metric 'accuracy' is for classification, but the task is regression");
  }

  @Test
  void regressionMetricsFitRegressionOnly() {
    for (Metric m : new Metric[] {Metric.R2, Metric.RMSE, Metric.MAE}) {
      assertThat(m.appliesTo(Task.REGRESSION, 0)).as(m.id()).isTrue();
      assertThat(m.appliesTo(Task.CLASSIFICATION, 2)).as(m.id()).isFalse();
    }
    assertThat(Metric.R2.unfitFor(Task.CLASSIFICATION, 2))
        .contains("metric 'r2' is for regression, but the task is classification");
  }

  @Test
  void defaultsPerTask() {
    assertThat(Metric.defaults(Task.CLASSIFICATION, 2)).containsExactly(Metric.ACCURACY,
        Metric.PRECISION, Metric.RECALL, Metric.F1, Metric.ROC_AUC, Metric.LOG_LOSS);
    assertThat(Metric.defaults(Task.CLASSIFICATION, 3)).containsExactly(Metric.ACCURACY,
        Metric.BALANCED_ACCURACY, Metric.F1_MACRO, Metric.F1_WEIGHTED, Metric.PRECISION_MACRO,
        Metric.RECALL_MACRO, Metric.ROC_AUC_OVR, Metric.LOG_LOSS);
    assertThat(Metric.defaults(Task.REGRESSION, 0))
        .containsExactly(Metric.R2, Metric.RMSE, Metric.MAE);
    assertThat(Metric.defaultObjective(Task.CLASSIFICATION)).isEqualTo(Metric.ACCURACY);
    assertThat(Metric.defaultObjective(Task.REGRESSION)).isEqualTo(Metric.R2);
    for (Task task : Task.values()) {
      for (int classes : new int[] {2, 3, 7}) {
        assertThat(Metric.defaults(task, classes)).as("%s, %d classes", task, classes)
            .allMatch(m -> m.appliesTo(task, classes))
            .contains(Metric.defaultObjective(task));
      }
    }
  }

  @Test
  void everyMetricHasItsScikitLearnNameAndDirection() {
    assertThat(Arrays.stream(Metric.values()).map(Metric::id)).containsExactly("accuracy",
        "precision", "recall", "f1", "roc_auc", "log_loss", "balanced_accuracy", "f1_macro",
        "f1_weighted", "precision_macro", "recall_macro", "roc_auc_ovr", "r2", "rmse", "mae");
    assertThat(Arrays.stream(Metric.values()).filter(m -> !m.greaterIsBetter()))
        .containsExactly(Metric.LOG_LOSS, Metric.RMSE, Metric.MAE);
    for (Metric m : Metric.values()) {
      assertThat(Metric.byId(m.id())).isEqualTo(m);
    }
  }

  @Test
  void scoringAMisfitIsRefusedWithTheReason() {
    Predictions values = Predictions.values(new double[] {1, 2}, new double[] {1, 2});
    assertThatThrownBy(() -> Metric.ACCURACY.score(values))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("metric 'accuracy' is for classification, but the task is regression");
    Predictions threeClasses = Predictions.classes(new int[] {0, 2},
        new double[][] {{1, 0, 0}, {0, 0, 1}}, 3, -1);
    assertThatThrownBy(() -> Metric.PRECISION.score(threeClasses))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("needs exactly two classes, but the target has 3");
    assertThatThrownBy(() -> Metric.MAE.score(threeClasses))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("metric 'mae' is for regression, but the task is classification");
  }

  @Test
  void predictionsOfTheWrongShapeAreRejected() {
    assertThatThrownBy(() -> Predictions.classes(new int[] {0, 3},
        new double[][] {{1, 0, 0}, {0, 0, 1}}, 3, -1))
        .hasMessage("row 1: class index 3 is not one of the 3 classes");
    assertThatThrownBy(() -> Predictions.classes(new int[] {0, 1},
        new double[][] {{1, 0, 0}, {0, 1}}, 3, -1))
        .hasMessage("row 1: 2 probabilities for 3 classes");
    assertThatThrownBy(() -> Predictions.classes(new int[] {0, 1},
        new double[][] {{1, 0}, {0, 1}}, 2, -1))
        .hasMessage("the positive class of two must be 0 or 1, got -1");
    assertThatThrownBy(() -> Predictions.values(new double[] {1}, new double[] {1, 2}))
        .hasMessage("1 values but 2 predictions");
  }
}
