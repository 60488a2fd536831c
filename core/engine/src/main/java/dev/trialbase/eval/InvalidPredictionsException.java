package dev.trialbase.eval;

/**
 * A model's output that cannot be scored: wrong shape, a value that is not a finite number, or
 * a row of class probabilities that is not a probability distribution. The engine fails the
 * trial with this message.
 */
public final class InvalidPredictionsException extends IllegalStateException {

  private static final long serialVersionUID = 1L;

  public InvalidPredictionsException(String message) {
    super(message);
  }
}
