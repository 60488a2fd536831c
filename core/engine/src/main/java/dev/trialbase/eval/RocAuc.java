package dev.trialbase.eval;

/**
 * Area under the ROC curve, computed as the Mann-Whitney U statistic from rank sums (ties
 * share their average rank, so a tied positive-negative pair counts one half): for two
 * classes over the positive class's probabilities, and one-vs-rest for more.
 */
final class RocAuc {

  /** Runs this short are sorted by insertion before merging. */
  private static final int INSERTION_RUN = 16;

  private RocAuc() {
  }

  /**
   * The AUC of scores {@code p} for labels {@code y} (1 positive, anything else negative);
   * NaN when {@code y} holds one class only.
   */
  static double binary(int[] y, double[] p) {
    int[] order = ascendingOrder(p);
    double positiveRankSum = 0;
    long positives = 0;
    int i = 0;
    while (i < order.length) {
      int j = i;
      while (j + 1 < order.length && p[order[j + 1]] == p[order[i]]) {
        j++;
      }
      double averageRank = (i + j) / 2.0 + 1;
      for (int t = i; t <= j; t++) {
        if (y[order[t]] == 1) {
          positiveRankSum += averageRank;
          positives++;
        }
      }
      i = j + 1;
    }
    long negatives = y.length - positives;
    if (positives == 0 || negatives == 0) {
      return Double.NaN;
    }
    return (positiveRankSum - positives * (positives + 1) / 2.0) / (positives * negatives);
  }

  /**
   * The unweighted mean, over the classes present in the true classes, of each class's AUC
   * against all others, scored by that class's column: scikit-learn's
   * {@code roc_auc_score(multi_class="ovr", average="macro")}. A class absent from the fold's
   * true classes has no AUC and is left out (scikit-learn would refuse the fold); with fewer
   * than two classes present the result is NaN. With two classes it is {@link #binary} over
   * the positive class's column, as scikit-learn scores a binary target.
   */
  static double oneVsRest(Predictions.Classes predictions) {
    if (predictions.classCount() == 2) {
      return binary(predictions.positiveIndicator(), predictions.column(predictions.positive()));
    }
    int[] y = predictions.y();
    boolean[] present = new boolean[predictions.classCount()];
    int presentCount = 0;
    for (int label : y) {
      if (!present[label]) {
        present[label] = true;
        presentCount++;
      }
    }
    if (presentCount < 2) {
      return Double.NaN;
    }
    double sum = 0;
    int[] isClass = new int[y.length];
    for (int c = 0; c < present.length; c++) {
      if (present[c]) {
        for (int i = 0; i < y.length; i++) {
          isClass[i] = y[i] == c ? 1 : 0;
        }
        sum += binary(isClass, predictions.column(c));
      }
    }
    return sum / presentCount;
  }

  /**
   * The indices of {@code p} in ascending order of {@link Double#compare}, equal values in
   * index order: exactly the permutation a stable sort of the boxed indices by that comparator
   * gives, without boxing. A bottom-up merge sort over insertion-sorted runs.
   */
  static int[] ascendingOrder(double[] p) {
    int n = p.length;
    int[] a = new int[n];
    for (int i = 0; i < n; i++) {
      a[i] = i;
    }
    for (int lo = 0; lo < n; lo += INSERTION_RUN) {
      int hi = Math.min(n, lo + INSERTION_RUN);
      for (int i = lo + 1; i < hi; i++) {
        int v = a[i];
        int j = i - 1;
        while (j >= lo && Double.compare(p[a[j]], p[v]) > 0) {
          a[j + 1] = a[j];
          j--;
        }
        a[j + 1] = v;
      }
    }
    if (n <= INSERTION_RUN) {
      return a;
    }
    int[] b = new int[n];
    for (int width = INSERTION_RUN; width < n; width *= 2) {
      for (int lo = 0; lo < n; lo += 2 * width) {
        int mid = Math.min(n, lo + width);
        int hi = Math.min(n, lo + 2 * width);
        int l = lo;
        int r = mid;
        for (int k = lo; k < hi; k++) {
          // Take from the left run on ties: that keeps equal values in index order.
          b[k] = r >= hi || (l < mid && Double.compare(p[a[l]], p[a[r]]) <= 0) ? a[l++] : a[r++];
        }
      }
      int[] t = a;
      a = b;
      b = t;
    }
    return a;
  }
}
