package dev.trialbase.plugin;

/** A spec names a strategy or estimator that no loaded plugin provides. */
public class UnknownComponentException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public UnknownComponentException(String message) {
    super(message);
  }
}
