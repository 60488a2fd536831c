package dev.trialbase.engine;

/**
 * An executor cannot be used: its module is not on the class path, its address is wrong or
 * unreachable, or it gave no place to run trials in time. Nothing was stored.
 */
public final class ExecutorException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public ExecutorException(String message) {
    super(message);
  }

  public ExecutorException(String message, Throwable cause) {
    super(message, cause);
  }
}
