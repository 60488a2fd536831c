package dev.trialbase;

/** The store has no run with the id asked for. */
public final class NoSuchRunException extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;

  private final long runId;

  NoSuchRunException(long runId, String message) {
    super(message);
    this.runId = runId;
  }

  /** The id that was asked for. */
  public long runId() {
    return runId;
  }
}
