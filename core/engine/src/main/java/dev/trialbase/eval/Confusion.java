package dev.trialbase.eval;

import java.util.function.IntToDoubleFunction;

/**
 * Counts of true class against predicted class, and the scores read from them, defined as
 * scikit-learn 1.2 defines them: a per-class ratio whose denominator is zero counts as 0
 * ({@code zero_division=0}); macro averages run over the classes present in the true or the
 * predicted classes; balanced accuracy averages recall over the classes present in the true
 * classes; the weighted F1 weights each class by its true count.
 */
final class Confusion {

  /** {@code counts[true][predicted]}. */
  private final long[][] counts;
  private final long[] truePerClass;
  private final long[] predictedPerClass;
  private final long total;

  private Confusion(long[][] counts) {
    this.counts = counts;
    int k = counts.length;
    truePerClass = new long[k];
    predictedPerClass = new long[k];
    long n = 0;
    for (int t = 0; t < k; t++) {
      for (int q = 0; q < k; q++) {
        truePerClass[t] += counts[t][q];
        predictedPerClass[q] += counts[t][q];
        n += counts[t][q];
      }
    }
    total = n;
  }

  /** The confusion of {@code predictions} at its argmax decision. */
  static Confusion of(Predictions.Classes predictions) {
    int[] y = predictions.y();
    int[] predicted = predictions.predicted();
    long[][] counts = new long[predictions.classCount()][predictions.classCount()];
    for (int i = 0; i < y.length; i++) {
      counts[y[i]][predicted[i]]++;
    }
    return new Confusion(counts);
  }

  /** Share of rows predicted right; NaN without rows. */
  double accuracy() {
    long correct = 0;
    for (int c = 0; c < counts.length; c++) {
      correct += counts[c][c];
    }
    return (double) correct / total;
  }

  /** Of the rows predicted {@code c}, the share truly {@code c}; 0 when none is predicted. */
  double precision(int c) {
    long tp = counts[c][c];
    long fp = predictedPerClass[c] - tp;
    return tp + fp == 0 ? 0 : (double) tp / (tp + fp);
  }

  /** Of the rows truly {@code c}, the share predicted {@code c}; 0 when none is. */
  double recall(int c) {
    long tp = counts[c][c];
    long fn = truePerClass[c] - tp;
    return tp + fn == 0 ? 0 : (double) tp / (tp + fn);
  }

  /** Harmonic mean of precision and recall of {@code c}, as 2TP / (2TP + FP + FN); 0 if 0/0. */
  double f1(int c) {
    long tp = counts[c][c];
    long fp = predictedPerClass[c] - tp;
    long fn = truePerClass[c] - tp;
    return 2 * tp + fp + fn == 0 ? 0 : 2.0 * tp / (2 * tp + fp + fn);
  }

  /** Mean recall over the classes that occur among the true classes. */
  double balancedAccuracy() {
    double sum = 0;
    int present = 0;
    for (int c = 0; c < counts.length; c++) {
      if (truePerClass[c] > 0) {
        sum += recall(c);
        present++;
      }
    }
    return sum / present;
  }

  double precisionMacro() {
    return macro(this::precision);
  }

  double recallMacro() {
    return macro(this::recall);
  }

  double f1Macro() {
    return macro(this::f1);
  }

  /** F1 per class weighted by the class's true count; 0 without rows, as scikit-learn. */
  double f1Weighted() {
    double sum = 0;
    for (int c = 0; c < counts.length; c++) {
      sum += f1(c) * truePerClass[c];
    }
    return total == 0 ? 0 : sum / total;
  }

  /** The mean of {@code score} over the classes that occur as a true or a predicted class. */
  private double macro(IntToDoubleFunction score) {
    double sum = 0;
    int present = 0;
    for (int c = 0; c < counts.length; c++) {
      if (truePerClass[c] > 0 || predictedPerClass[c] > 0) {
        sum += score.applyAsDouble(c);
        present++;
      }
    }
    return sum / present;
  }
}
