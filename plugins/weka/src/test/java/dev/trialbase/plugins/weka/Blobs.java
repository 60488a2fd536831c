package dev.trialbase.plugins.weka;

import dev.trialbase.api.Dataset;
import java.util.List;
import java.util.Random;

/** Small seeded Gaussian-blob data sets for the tests: class k is centred at (k, -k) * gap. */
final class Blobs {

  private Blobs() {
  }

  static Dataset of(int rows, List<String> classes, double gap, long seed) {
    Random random = new Random(seed);
    double[][] x = new double[rows][];
    int[] y = new int[rows];
    for (int i = 0; i < rows; i++) {
      int k = i % classes.size();
      y[i] = k;
      x[i] = new double[] {k * gap + random.nextGaussian(), -k * gap + random.nextGaussian()};
    }
    return Dataset.classification(List.of("x1", "x2"), x, y, classes);
  }

  static Dataset twoClasses(int rows, double gap, long seed) {
    return of(rows, List.of("0", "1"), gap, seed);
  }

  /** Unlabelled probe rows at {@code points}, for predictions. */
  static Dataset probe(Dataset like, double[]... points) {
    return Dataset.classification(like.featureNames(), points, new int[points.length], like.classLabels());
  }

  static double accuracy(double[][] probabilities, int[] labels) {
    int right = 0;
    for (int i = 0; i < labels.length; i++) {
      int best = 0;
      for (int k = 1; k < probabilities[i].length; k++) {
        if (probabilities[i][k] > probabilities[i][best]) {
          best = k;
        }
      }
      right += best == labels[i] ? 1 : 0;
    }
    return right / (double) labels.length;
  }
}
