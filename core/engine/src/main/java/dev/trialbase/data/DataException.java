package dev.trialbase.data;

/** A data file that cannot be used; the message names the file and, where known, row and column. */
public class DataException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public DataException(String message) {
    super(message);
  }

  public DataException(String message, Throwable cause) {
    super(message, cause);
  }
}
