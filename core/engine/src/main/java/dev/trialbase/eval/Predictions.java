package dev.trialbase.eval;

import java.util.Objects;

/**
 * One fold's truth next to a model's predictions: what every {@link Metric} scores. Either
 * class probabilities ({@link Classes}) or numbers ({@link Values}). The arrays are shared,
 * not copied; nobody may write into them.
 */
public sealed interface Predictions permits Predictions.Classes, Predictions.Values {

  /** How many rows were predicted. */
  int size();

  /**
   * True class indices and a probability matrix of a classification fold.
   *
   * <p>A row's predicted class is the argmax of its probabilities, the first class on ties.
   * With two classes the decision is made on the positive class's column alone, exactly as
   * Trialbase always has, so that stored scores of binary runs reproduce to the bit: the
   * positive class is predicted when its probability {@code q} is greater than {@code 1 - q},
   * the negative one when it is smaller, and the first class on an exact tie.
   *
   * @param y each row's true class index, in {@code [0, classCount)}
   * @param p {@code p[row][class]}: each row's class probabilities (rows sum to 1)
   * @param classCount the number of declared classes, at least 2
   * @param positive the positive class's index for two-class metrics (precision, recall, f1,
   *     roc_auc); ignored, and may be -1, when there are more than two classes
   */
  record Classes(int[] y, double[][] p, int classCount, int positive) implements Predictions {

    public Classes {
      Objects.requireNonNull(y, "y");
      Objects.requireNonNull(p, "p");
      if (y.length != p.length) {
        throw new IllegalArgumentException(y.length + " labels but " + p.length + " predictions");
      }
      if (classCount < 2) {
        throw new IllegalArgumentException("classification needs at least 2 classes, got "
            + classCount);
      }
      if (classCount == 2 && positive != 0 && positive != 1) {
        throw new IllegalArgumentException("the positive class of two must be 0 or 1, got "
            + positive);
      }
      for (int i = 0; i < y.length; i++) {
        if (y[i] < 0 || y[i] >= classCount) {
          throw new IllegalArgumentException("row " + i + ": class index " + y[i]
              + " is not one of the " + classCount + " classes");
        }
        if (p[i] == null || p[i].length != classCount) {
          throw new IllegalArgumentException("row " + i + ": "
              + (p[i] == null ? 0 : p[i].length) + " probabilities for " + classCount
              + " classes");
        }
      }
    }

    @Override
    public int size() {
      return y.length;
    }

    /** Each row's predicted class, decided as the class comment says. */
    int[] predicted() {
      int[] predicted = new int[y.length];
      for (int i = 0; i < predicted.length; i++) {
        predicted[i] = classCount == 2 ? twoClassDecision(p[i][positive]) : argmax(p[i]);
      }
      return predicted;
    }

    /** 1 where the row's true class is the positive one, else 0 (two classes). */
    int[] positiveIndicator() {
      int[] indicator = new int[y.length];
      for (int i = 0; i < indicator.length; i++) {
        indicator[i] = y[i] == positive ? 1 : 0;
      }
      return indicator;
    }

    /** The probabilities of class {@code c}, one per row. */
    double[] column(int c) {
      double[] column = new double[p.length];
      for (int i = 0; i < column.length; i++) {
        column[i] = p[i][c];
      }
      return column;
    }

    private int twoClassDecision(double q) {
      if (q > 1 - q) {
        return positive;
      }
      return q < 1 - q ? 1 - positive : 0;
    }

    private static int argmax(double[] row) {
      int best = 0;
      for (int c = 1; c < row.length; c++) {
        if (row[c] > row[best]) {
          best = c;
        }
      }
      return best;
    }
  }

  /**
   * True values and predicted values of a regression fold.
   *
   * @param y each row's true value
   * @param predicted each row's predicted value
   */
  record Values(double[] y, double[] predicted) implements Predictions {

    public Values {
      Objects.requireNonNull(y, "y");
      Objects.requireNonNull(predicted, "predicted");
      if (y.length != predicted.length) {
        throw new IllegalArgumentException(y.length + " values but " + predicted.length
            + " predictions");
      }
    }

    @Override
    public int size() {
      return y.length;
    }
  }

  /** A classification fold; see {@link Classes}. */
  static Classes classes(int[] y, double[][] p, int classCount, int positive) {
    return new Classes(y, p, classCount, positive);
  }

  /** A regression fold; see {@link Values}. */
  static Values values(double[] y, double[] predicted) {
    return new Values(y, predicted);
  }
}
