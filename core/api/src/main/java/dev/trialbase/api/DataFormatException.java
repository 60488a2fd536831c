package dev.trialbase.api;

/**
 * A file that cannot be read as data, with the place at fault. The engine prefixes the file
 * name, so the message starts with the line and column, such as
 * {@code line 12, column 'age': ...}.
 */
public class DataFormatException extends Exception {

  private static final long serialVersionUID = 1L;

  public DataFormatException(String message) {
    super(message);
  }

  public DataFormatException(String message, Throwable cause) {
    super(message, cause);
  }
}
