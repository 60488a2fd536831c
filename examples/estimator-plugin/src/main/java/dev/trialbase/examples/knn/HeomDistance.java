package dev.trialbase.examples.knn;

import dev.trialbase.api.Attribute;
import dev.trialbase.api.Dataset;
import java.util.List;

/**
 * The Heterogeneous Euclidean-Overlap Metric (Wilson and Martinez, "Improved heterogeneous
 * distance functions", JAIR 6, 1997): the square root of the sum over attributes of
 * <ul>
 *   <li>1 when either cell is missing,</li>
 *   <li>for a nominal attribute 0 when the values are equal, else 1 (overlap),</li>
 *   <li>for a numeric one {@code |a - b| / range}, the range (max - min) taken on the training
 *       rows; 0 for a constant attribute.</li>
 * </ul>
 * So every attribute weighs about as much as any other whatever its unit.
 */
final class HeomDistance {

  private final boolean[] nominal;
  private final double[] range;

  private HeomDistance(boolean[] nominal, double[] range) {
    this.nominal = nominal;
    this.range = range;
  }

  /** The metric for {@code train}'s attributes, numeric ranges from its rows. */
  static HeomDistance of(Dataset train) {
    List<Attribute> attributes = train.attributes();
    boolean[] nominal = new boolean[attributes.size()];
    double[] range = new double[attributes.size()];
    for (int j = 0; j < nominal.length; j++) {
      nominal[j] = attributes.get(j).isNominal();
      double min = Double.POSITIVE_INFINITY;
      double max = Double.NEGATIVE_INFINITY;
      for (double[] row : train.features()) {
        if (!Dataset.isMissing(row[j])) {
          min = Math.min(min, row[j]);
          max = Math.max(max, row[j]);
        }
      }
      range[j] = max > min ? max - min : 0;
    }
    return new HeomDistance(nominal, range);
  }

  /** The distance between two rows of the same attributes. */
  double between(double[] a, double[] b) {
    double sum = 0;
    for (int j = 0; j < nominal.length; j++) {
      double d;
      if (Dataset.isMissing(a[j]) || Dataset.isMissing(b[j])) {
        d = 1;
      } else if (nominal[j]) {
        d = a[j] == b[j] ? 0 : 1;
      } else {
        d = range[j] == 0 ? 0 : Math.abs(a[j] - b[j]) / range[j];
      }
      sum += d * d;
    }
    return Math.sqrt(sum);
  }
}
