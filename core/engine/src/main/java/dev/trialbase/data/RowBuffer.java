package dev.trialbase.data;

import dev.trialbase.api.Attribute;
import dev.trialbase.api.Dataset;
import java.util.Arrays;
import java.util.List;

/**
 * The rows of a dataset as they arrive: one {@code double[]} of features per row and a target
 * cell per row, in arrays that grow by half. No per-cell objects, so a million rows of twenty
 * numbers cost about their 8 bytes a cell plus one small array header per row.
 */
final class RowBuffer {

  private double[][] features = new double[1024][];
  private double[] targets = new double[1024];
  private int size;

  void add(double[] row, double target) {
    if (size == targets.length) {
      int capacity = size + (size >> 1);
      features = Arrays.copyOf(features, capacity);
      targets = Arrays.copyOf(targets, capacity);
    }
    features[size] = row;
    targets[size] = target;
    size++;
  }

  int size() {
    return size;
  }

  double target(int row) {
    return targets[row];
  }

  void setTarget(int row, double value) {
    targets[row] = value;
  }

  /** The rows so far as a dataset with these columns. */
  Dataset toDataset(List<Attribute> attributes, Attribute target) {
    return new Dataset(attributes, target, Arrays.copyOf(features, size),
        Arrays.copyOf(targets, size));
  }
}
