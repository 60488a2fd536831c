package dev.trialbase.plugins.weka;

import dev.trialbase.api.Attribute;
import dev.trialbase.api.Dataset;
import de.bwaldvogel.liblinear.Feature;
import de.bwaldvogel.liblinear.FeatureNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns rows of a {@link Dataset} into LIBLINEAR's sparse feature vectors, learned on a
 * training set: a numeric attribute is one column, a nominal attribute with k values is k
 * indicator columns (one-hot, as scikit-learn's {@code OneHotEncoder}), and a missing cell
 * gets the training mean of its columns (for a nominal attribute, each indicator gets its
 * value's training frequency), as {@code SimpleImputer(strategy='mean')} after encoding. The
 * intercept is the last column, constant 1, as scikit-learn's liblinear appends it
 * ({@code intercept_scaling=1}). Zero cells are left out: LIBLINEAR's vectors are sparse.
 * Immutable once built; safe to share.
 */
final class LiblinearEncoding {

  private final List<Attribute> attributes;
  /** The first encoded column (0-based) of each attribute. */
  private final int[] offsets;
  /** The training mean of each encoded column, for missing cells. */
  private final double[] means;
  private final int columns;

  private LiblinearEncoding(List<Attribute> attributes, int[] offsets, double[] means) {
    this.attributes = attributes;
    this.offsets = offsets;
    this.means = means;
    this.columns = means.length;
  }

  /** The encoding learned from {@code train}'s attributes and non-missing cells. */
  static LiblinearEncoding fit(Dataset train) {
    List<Attribute> attributes = train.attributes();
    int[] offsets = new int[attributes.size()];
    int width = 0;
    for (int a = 0; a < attributes.size(); a++) {
      offsets[a] = width;
      width += attributes.get(a).isNominal() ? attributes.get(a).values().size() : 1;
    }
    double[] sums = new double[width];
    long[] counts = new long[attributes.size()];
    for (double[] row : train.features()) {
      for (int a = 0; a < attributes.size(); a++) {
        double v = row[a];
        if (Dataset.isMissing(v)) {
          continue;
        }
        counts[a]++;
        if (attributes.get(a).isNominal()) {
          sums[offsets[a] + (int) v] += 1;
        } else {
          sums[offsets[a]] += v;
        }
      }
    }
    double[] means = new double[width];
    for (int a = 0; a < attributes.size(); a++) {
      int end = a + 1 < offsets.length ? offsets[a + 1] : width;
      for (int j = offsets[a]; j < end; j++) {
        means[j] = counts[a] == 0 ? 0 : sums[j] / counts[a];
      }
    }
    return new LiblinearEncoding(List.copyOf(attributes), offsets, means);
  }

  /** Columns including the intercept. */
  int width() {
    return columns + 1;
  }

  /** One row, encoded; LIBLINEAR's indices are 1-based and ascending. */
  Feature[] encode(double[] row) {
    List<Feature> nodes = new ArrayList<>(row.length + 1);
    for (int a = 0; a < attributes.size(); a++) {
      double v = row[a];
      int start = offsets[a];
      if (attributes.get(a).isNominal()) {
        int size = attributes.get(a).values().size();
        for (int j = 0; j < size; j++) {
          double cell = Dataset.isMissing(v) ? means[start + j] : ((int) v == j ? 1 : 0);
          add(nodes, start + j, cell);
        }
      } else {
        add(nodes, start, Dataset.isMissing(v) ? means[start] : v);
      }
    }
    nodes.add(new FeatureNode(columns + 1, 1.0));
    return nodes.toArray(new Feature[0]);
  }

  private static void add(List<Feature> nodes, int column, double value) {
    if (value != 0) {
      nodes.add(new FeatureNode(column + 1, value));
    }
  }
}
