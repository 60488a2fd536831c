package dev.trialbase.eval;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The binary-classification metrics Trialbase scores folds with, named as in scikit-learn.
 * Class index 1 is the positive class; a row is predicted positive when its positive
 * probability is strictly greater than the negative one (argmax, first class on ties).
 */
public enum Metric {
  ACCURACY("accuracy", true),
  PRECISION("precision", true),
  RECALL("recall", true),
  F1("f1", true),
  ROC_AUC("roc_auc", true),
  LOG_LOSS("log_loss", false);

  /** Probabilities are clipped to [EPS, 1 - EPS] for log loss, as scikit-learn does. */
  static final double EPS = 1e-15;

  private final String id;
  private final boolean greaterIsBetter;

  Metric(String id, boolean greaterIsBetter) {
    this.id = id;
    this.greaterIsBetter = greaterIsBetter;
  }

  /** The name used in specs, the database and output. */
  public String id() {
    return id;
  }

  public boolean greaterIsBetter() {
    return greaterIsBetter;
  }

  /** The metric named {@code id}; the error lists the known names. */
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
   * This metric for true labels {@code y} (0 or 1) and positive-class probabilities {@code p}.
   * Precision, recall and F1 are 0 where undefined; ROC AUC is NaN when {@code y} holds one
   * class only.
   */
  public double score(int[] y, double[] p) {
    if (y.length != p.length) {
      throw new IllegalArgumentException(y.length + " labels but " + p.length + " predictions");
    }
    return switch (this) {
      case ACCURACY -> Confusion.of(y, p).accuracy();
      case PRECISION -> Confusion.of(y, p).precision();
      case RECALL -> Confusion.of(y, p).recall();
      case F1 -> Confusion.of(y, p).f1();
      case ROC_AUC -> rocAuc(y, p);
      case LOG_LOSS -> logLoss(y, p);
    };
  }

  /** Area under the ROC curve as the Mann-Whitney U statistic, ties counted as one half. */
  static double rocAuc(int[] y, double[] p) {
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

  /** Runs this short are sorted by insertion before merging. */
  private static final int INSERTION_RUN = 16;

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

  static double logLoss(int[] y, double[] p) {
    double sum = 0;
    for (int i = 0; i < y.length; i++) {
      double q = Math.min(Math.max(p[i], EPS), 1 - EPS);
      sum += y[i] == 1 ? Math.log(q) : Math.log(1 - q);
    }
    return -sum / y.length;
  }

  /** Counts of the confusion matrix at the argmax decision. */
  record Confusion(long tp, long fp, long tn, long fn) {

    static Confusion of(int[] y, double[] p) {
      long tp = 0;
      long fp = 0;
      long tn = 0;
      long fn = 0;
      for (int i = 0; i < y.length; i++) {
        boolean predictedPositive = p[i] > 1 - p[i];
        if (predictedPositive) {
          if (y[i] == 1) {
            tp++;
          } else {
            fp++;
          }
        } else if (y[i] == 1) {
          fn++;
        } else {
          tn++;
        }
      }
      return new Confusion(tp, fp, tn, fn);
    }

    double accuracy() {
      return (double) (tp + tn) / (tp + fp + tn + fn);
    }

    double precision() {
      return tp + fp == 0 ? 0 : (double) tp / (tp + fp);
    }

    double recall() {
      return tp + fn == 0 ? 0 : (double) tp / (tp + fn);
    }

    double f1() {
      return 2 * tp + fp + fn == 0 ? 0 : 2.0 * tp / (2 * tp + fp + fn);
    }
  }
}
