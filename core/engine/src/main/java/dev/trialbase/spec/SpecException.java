package dev.trialbase.spec;

/** A spec that cannot be run; the message names the file and the key or line at fault. */
public class SpecException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public SpecException(String message) {
    super(message);
  }

  public SpecException(String message, Throwable cause) {
    super(message, cause);
  }
}
