package dev.trialbase.api;

import java.util.List;
import java.util.Objects;

/**
 * Numeric features and class labels, immutable by convention: rows are shared between a
 * dataset and its {@link #rows(int[]) selections}, so nobody may write into them.
 *
 * @param featureNames one name per column of {@code features}
 * @param features {@code features[row][column]}
 * @param labels the class index of each row, into {@code classLabels}
 * @param classLabels the class names, such as {@code ["0", "1"]}
 */
public record Dataset(List<String> featureNames, double[][] features, int[] labels,
    List<String> classLabels) {

  public Dataset {
    featureNames = List.copyOf(featureNames);
    classLabels = List.copyOf(classLabels);
    Objects.requireNonNull(features, "features");
    Objects.requireNonNull(labels, "labels");
    if (features.length != labels.length) {
      throw new IllegalArgumentException(
          features.length + " feature rows but " + labels.length + " labels");
    }
  }

  public int size() {
    return labels.length;
  }

  public int featureCount() {
    return featureNames.size();
  }

  public int classCount() {
    return classLabels.size();
  }

  /** The rows at {@code indices}, in that order, sharing the row arrays with this dataset. */
  public Dataset rows(int[] indices) {
    double[][] x = new double[indices.length][];
    int[] y = new int[indices.length];
    for (int i = 0; i < indices.length; i++) {
      x[i] = features[indices[i]];
      y[i] = labels[indices[i]];
    }
    return new Dataset(featureNames, x, y, classLabels);
  }
}
