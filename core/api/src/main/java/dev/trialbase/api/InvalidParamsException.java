package dev.trialbase.api;

/**
 * A parameter combination an estimator cannot honour, such as an L1 penalty on an L2-only
 * model. The message is stored as the failed trial's reason, so make it say what to change.
 */
public class InvalidParamsException extends Exception {

  private static final long serialVersionUID = 1L;

  public InvalidParamsException(String message) {
    super(message);
  }
}
