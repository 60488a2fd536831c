package dev.trialbase.eval;

import dev.trialbase.api.Task;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The metrics Trialbase scores folds with, named as scikit-learn's scorers. Each says whether
 * it is maximised and which tasks it fits ({@link #unfitFor}), so a spec asking for one that
 * does not fit is refused before anything runs.
 *
 * <p>Two-class metrics (precision, recall, f1, roc_auc) score the positive class. With two
 * classes every metric decides on the positive class's probability alone, with the formulas
 * Trialbase always used, so stored binary scores reproduce to the bit (see
 * {@link Predictions.Classes}); with more classes a row's prediction is the argmax of its
 * probabilities. Definitions follow scikit-learn 1.2; where they differ it is said here:
 * {@code log_loss} clips at 1e-15 ({@link LogLoss}), {@code roc_auc_ovr} leaves out classes
 * absent from a fold ({@link RocAuc#oneVsRest}).
 */
public enum Metric {
  // The first six keep their old order: error messages and stored specs list them so.
  /** Share of rows predicted right. */
  ACCURACY("accuracy", true, Fit.CLASSIFICATION),
  /** Of the rows predicted positive, the share truly positive; 0 when none is predicted. */
  PRECISION("precision", true, Fit.TWO_CLASSES),
  /** Of the truly positive rows, the share predicted positive; 0 when there is none. */
  RECALL("recall", true, Fit.TWO_CLASSES),
  /** Harmonic mean of precision and recall of the positive class; 0 when undefined. */
  F1("f1", true, Fit.TWO_CLASSES),
  /** Area under the ROC curve of the positive class's probability; NaN with one class. */
  ROC_AUC("roc_auc", true, Fit.TWO_CLASSES),
  /** Mean negative log-likelihood of the true classes (minimised). */
  LOG_LOSS("log_loss", false, Fit.CLASSIFICATION),
  /** Mean recall over the classes present in the fold's true classes. */
  BALANCED_ACCURACY("balanced_accuracy", true, Fit.CLASSIFICATION),
  /** Mean F1 over the classes that are true or predicted in the fold. */
  F1_MACRO("f1_macro", true, Fit.CLASSIFICATION),
  /** F1 per class weighted by how many rows truly are of that class. */
  F1_WEIGHTED("f1_weighted", true, Fit.CLASSIFICATION),
  /** Mean precision over the classes that are true or predicted in the fold. */
  PRECISION_MACRO("precision_macro", true, Fit.CLASSIFICATION),
  /** Mean recall over the classes that are true or predicted in the fold. */
  RECALL_MACRO("recall_macro", true, Fit.CLASSIFICATION),
  /** Mean one-vs-rest ROC AUC over the classes present in the fold's true classes. */
  ROC_AUC_OVR("roc_auc_ovr", true, Fit.CLASSIFICATION),
  /** Coefficient of determination. */
  R2("r2", true, Fit.REGRESSION),
  /** Root mean squared error (minimised). */
  RMSE("rmse", false, Fit.REGRESSION),
  /** Mean absolute error (minimised). */
  MAE("mae", false, Fit.REGRESSION);

  /** The tasks a metric is defined for. */
  private enum Fit { TWO_CLASSES, CLASSIFICATION, REGRESSION }

  private static final List<Metric> BINARY_DEFAULTS =
      List.of(ACCURACY, PRECISION, RECALL, F1, ROC_AUC, LOG_LOSS);
  private static final List<Metric> MULTI_CLASS_DEFAULTS = List.of(ACCURACY, BALANCED_ACCURACY,
      F1_MACRO, F1_WEIGHTED, PRECISION_MACRO, RECALL_MACRO, ROC_AUC_OVR, LOG_LOSS);
  private static final List<Metric> REGRESSION_DEFAULTS = List.of(R2, RMSE, MAE);

  private final String id;
  private final boolean greaterIsBetter;
  private final Fit fit;

  Metric(String id, boolean greaterIsBetter, Fit fit) {
    this.id = id;
    this.greaterIsBetter = greaterIsBetter;
    this.fit = fit;
  }

  /** The name used in specs, the database and output. */
  public String id() {
    return id;
  }

  /** Whether a higher value is better; false for the losses and errors. */
  public boolean greaterIsBetter() {
    return greaterIsBetter;
  }

  /** The metric named {@code id}; the error lists the known names. */
  /**
   * Whether higher is better for the stored metric {@code id}: a known metric's own direction,
   * else (a function run's score) {@code runMaximizes}.
   */
  public static boolean greaterIsBetter(String id, boolean runMaximizes) {
    for (Metric m : values()) {
      if (m.id.equals(id)) {
        return m.greaterIsBetter();
      }
    }
    return runMaximizes;
  }

  public static Metric byId(String id) {
    for (Metric m : values()) {
      if (m.id.equals(id)) {
        return m;
      }
    }
    throw new IllegalArgumentException("unknown metric '" + id + "'; known metrics: "
        + Arrays.stream(values()).map(Metric::id).collect(Collectors.joining(", ")));
  }

  /**
   * The metrics stored when a spec names none: for two classes the six Trialbase always
   * stored (so binary runs are unchanged), for more classes the multi-class set, for
   * regression r2, rmse and mae.
   *
   * @param classCount the target's number of classes; ignored for regression
   */
  public static List<Metric> defaults(Task task, int classCount) {
    if (task == Task.REGRESSION) {
      return REGRESSION_DEFAULTS;
    }
    return classCount == 2 ? BINARY_DEFAULTS : MULTI_CLASS_DEFAULTS;
  }

  /** The objective when a spec names none: accuracy for classification, r2 for regression. */
  public static Metric defaultObjective(Task task) {
    return task == Task.REGRESSION ? R2 : ACCURACY;
  }

  /** Whether this metric is defined for {@code task} with {@code classCount} classes. */
  public boolean appliesTo(Task task, int classCount) {
    return unfitFor(task, classCount).isEmpty();
  }

  /**
   * Why this metric does not fit {@code task} with {@code classCount} classes, as a sentence
   * for an error message; empty when it fits.
   *
   * @param classCount the target's number of classes; ignored for regression
   */
  public Optional<String> unfitFor(Task task, int classCount) {
    String name = "metric '" + id + "'";
    if (fit == Fit.REGRESSION) {
      return task == Task.REGRESSION ? Optional.empty()
          : Optional.of(name + " is for regression, but the task is " + task.id());
    }
    if (task != Task.CLASSIFICATION) {
      return Optional.of(name + " is for classification, but the task is " + task.id());
    }
    if (classCount < 2) {
      return Optional.of(name + " needs at least two classes, but the target has "
          + classCount);
    }
    if (fit == Fit.TWO_CLASSES && classCount != 2) {
      return Optional.of(name + " needs exactly two classes, but the target has " + classCount
          + "; use " + id + (this == ROC_AUC ? "_ovr" : "_macro") + " instead");
    }
    return Optional.empty();
  }

  /**
   * This metric of one fold.
   *
   * @throws IllegalArgumentException when the metric does not fit the predictions' task
   */
  public double score(Predictions predictions) {
    if (predictions instanceof Predictions.Values values) {
      requireFit(Task.REGRESSION, 0);
      return switch (this) {
        case R2 -> RegressionErrors.r2(values.y(), values.predicted());
        case RMSE -> RegressionErrors.rmse(values.y(), values.predicted());
        case MAE -> RegressionErrors.mae(values.y(), values.predicted());
        default -> throw new AssertionError(this);
      };
    }
    Predictions.Classes classes = (Predictions.Classes) predictions;
    requireFit(Task.CLASSIFICATION, classes.classCount());
    int positive = classes.positive();
    return switch (this) {
      case ACCURACY -> Confusion.of(classes).accuracy();
      case PRECISION -> Confusion.of(classes).precision(positive);
      case RECALL -> Confusion.of(classes).recall(positive);
      case F1 -> Confusion.of(classes).f1(positive);
      case ROC_AUC -> RocAuc.binary(classes.positiveIndicator(), classes.column(positive));
      case LOG_LOSS -> classes.classCount() == 2
          ? LogLoss.binary(classes.positiveIndicator(), classes.column(positive))
          : LogLoss.multiClass(classes);
      case BALANCED_ACCURACY -> Confusion.of(classes).balancedAccuracy();
      case F1_MACRO -> Confusion.of(classes).f1Macro();
      case F1_WEIGHTED -> Confusion.of(classes).f1Weighted();
      case PRECISION_MACRO -> Confusion.of(classes).precisionMacro();
      case RECALL_MACRO -> Confusion.of(classes).recallMacro();
      case ROC_AUC_OVR -> RocAuc.oneVsRest(classes);
      default -> throw new AssertionError(this);
    };
  }

  /**
   * This metric for two classes, class index 1 positive: true labels {@code y} (0 or 1) and
   * the positive class's probabilities {@code p}. The entry point binary runs have always
   * used; the same as {@link #score(Predictions)} with the rows {@code [1 - p, p]}.
   */
  public double score(int[] y, double[] p) {
    if (y.length != p.length) {
      throw new IllegalArgumentException(y.length + " labels but " + p.length + " predictions");
    }
    double[][] rows = new double[p.length][];
    for (int i = 0; i < rows.length; i++) {
      rows[i] = new double[] {1 - p[i], p[i]};
    }
    return score(Predictions.classes(y, rows, 2, 1));
  }

  private void requireFit(Task task, int classCount) {
    unfitFor(task, classCount).ifPresent(reason -> {
      throw new IllegalArgumentException(reason);
    });
  }

  /** Two-class ROC AUC of labels {@code y} (1 positive) and scores {@code p}. */
  static double rocAuc(int[] y, double[] p) {
    return RocAuc.binary(y, p);
  }

  /** See {@link RocAuc#ascendingOrder}. */
  static int[] ascendingOrder(double[] p) {
    return RocAuc.ascendingOrder(p);
  }
}
