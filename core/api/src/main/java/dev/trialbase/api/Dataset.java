package dev.trialbase.api;

import java.util.List;
import java.util.Objects;

/**
 * Typed feature columns and a target, as Weka's {@code Instances} hold them: every cell is a
 * {@code double}; a nominal cell is the index of its value in its {@link Attribute}; a missing
 * cell is {@link #MISSING} (NaN, Weka's own missing value). Targets are never missing: a
 * nominal target's cells are class indices ({@link Task#CLASSIFICATION}), a numeric target's
 * are the values to predict ({@link Task#REGRESSION}).
 *
 * <p>Immutable by convention: rows are shared between a dataset and its
 * {@link #rows(int[]) selections}, so nobody may write into them. Rows rather than columns,
 * so that a fold is a selection of shared rows, not a copy.
 *
 * @param attributes the feature columns, in file order without the target
 * @param target the target column
 * @param features {@code features[row][column]}, columns as in {@code attributes}
 * @param targets one target cell per row
 */
public record Dataset(List<Attribute> attributes, Attribute target, double[][] features,
    double[] targets) {

  /** A missing cell: NaN, as in Weka. Test with {@link #isMissing}, never with {@code ==}. */
  public static final double MISSING = Double.NaN;

  public Dataset {
    attributes = List.copyOf(attributes);
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(features, "features");
    Objects.requireNonNull(targets, "targets");
    if (features.length != targets.length) {
      throw new IllegalArgumentException(
          features.length + " feature rows but " + targets.length + " targets");
    }
  }

  /**
   * Numeric features and a class target named {@code class}: the shape most tests and many
   * estimators' examples need.
   */
  public static Dataset classification(List<String> featureNames, double[][] features,
      int[] labels, List<String> classLabels) {
    double[] y = new double[labels.length];
    for (int i = 0; i < y.length; i++) {
      y[i] = labels[i];
    }
    return new Dataset(featureNames.stream().map(Attribute::numeric).toList(),
        Attribute.nominal("class", classLabels), features, y);
  }

  /** Numeric features and a numeric target named {@code target}. */
  public static Dataset regression(List<String> featureNames, double[][] features,
      double[] targets) {
    return new Dataset(featureNames.stream().map(Attribute::numeric).toList(),
        Attribute.numeric("target"), features, targets);
  }

  /** Whether {@code value} is a missing cell. */
  public static boolean isMissing(double value) {
    return Double.isNaN(value);
  }

  /** Classification for a nominal target, regression for a numeric one. */
  public Task task() {
    return target.isNominal() ? Task.CLASSIFICATION : Task.REGRESSION;
  }

  public int size() {
    return targets.length;
  }

  public int featureCount() {
    return attributes.size();
  }

  public List<String> featureNames() {
    return attributes.stream().map(Attribute::name).toList();
  }

  /** The class names in declared order (a nominal target's values); empty for regression. */
  public List<String> classLabels() {
    return target.values();
  }

  public int classCount() {
    return target.values().size();
  }

  /** Each row's class index (classification only), as a new array. */
  public int[] labels() {
    if (!target.isNominal()) {
      throw new IllegalStateException("a regression target '" + target.name()
          + "' has no class labels");
    }
    int[] labels = new int[targets.length];
    for (int i = 0; i < labels.length; i++) {
      labels[i] = (int) targets[i];
    }
    return labels;
  }

  /** The rows at {@code indices}, in that order, sharing the row arrays with this dataset. */
  public Dataset rows(int[] indices) {
    double[][] x = new double[indices.length][];
    double[] y = new double[indices.length];
    for (int i = 0; i < indices.length; i++) {
      x[i] = features[indices[i]];
      y[i] = targets[indices[i]];
    }
    return new Dataset(attributes, target, x, y);
  }
}
