package dev.trialbase.eval;

import java.util.Arrays;

/**
 * Checks what a model returned before it is scored, so that a broken estimator fails its
 * trial with a message naming the row rather than scoring garbage (a NaN probability would
 * silently count as a wrong prediction). Rows are numbered from 0 in the order they were
 * handed to the model.
 */
public final class PredictionCheck {

  /** How far a row of probabilities may sum from 1. */
  public static final double SUM_TOLERANCE = 1e-6;

  private PredictionCheck() {
  }

  /**
   * Requires {@code p} to hold {@code rows} rows of {@code classes} finite, non-negative
   * probabilities each summing to 1 within {@link #SUM_TOLERANCE}.
   *
   * @param estimator the estimator's name, for the message
   * @throws InvalidPredictionsException naming the first offending row, e.g.
   *     {@code estimator 'x' returned a non-probability row 3: [NaN, 0.2] (NaN is not a
   *     probability)}
   */
  public static void probabilities(String estimator, double[][] p, int rows, int classes) {
    String who = "estimator '" + estimator + "' returned ";
    if (p == null) {
      throw new InvalidPredictionsException(who + "no probabilities for " + rows + " rows");
    }
    if (p.length != rows) {
      throw new InvalidPredictionsException(who + p.length + " rows of probabilities for "
          + rows + " rows");
    }
    for (int i = 0; i < p.length; i++) {
      double[] row = p[i];
      if (row == null || row.length != classes) {
        throw new InvalidPredictionsException(who + (row == null ? 0 : row.length)
            + " probabilities in row " + i + " for " + classes + " classes");
      }
      String problem = problemWith(row);
      if (problem != null) {
        throw new InvalidPredictionsException(who + "a non-probability row " + i + ": "
            + Arrays.toString(row) + " (" + problem + ")");
      }
    }
  }

  /**
   * Requires {@code predicted} to hold {@code rows} finite numbers.
   *
   * @param estimator the estimator's name, for the message
   * @throws InvalidPredictionsException naming the first offending row
   */
  public static void values(String estimator, double[] predicted, int rows) {
    String who = "estimator '" + estimator + "' returned ";
    if (predicted == null) {
      throw new InvalidPredictionsException(who + "no predictions for " + rows + " rows");
    }
    if (predicted.length != rows) {
      throw new InvalidPredictionsException(who + predicted.length + " predictions for " + rows
          + " rows");
    }
    for (int i = 0; i < predicted.length; i++) {
      if (!Double.isFinite(predicted[i])) {
        throw new InvalidPredictionsException(who + "a non-finite prediction in row " + i + ": "
            + predicted[i]);
      }
    }
  }

  /** What makes {@code row} not a probability distribution, or null if nothing does. */
  private static String problemWith(double[] row) {
    double sum = 0;
    for (double v : row) {
      if (!Double.isFinite(v)) {
        return v + " is not a probability";
      }
      if (v < 0) {
        return "negative probability " + v;
      }
      sum += v;
    }
    if (Math.abs(sum - 1) > SUM_TOLERANCE) {
      return "sums to " + sum + ", not 1";
    }
    return null;
  }
}
