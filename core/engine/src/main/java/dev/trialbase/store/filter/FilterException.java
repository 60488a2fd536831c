package dev.trialbase.store.filter;

/**
 * A filter or sort expression that cannot be parsed or does not make sense. The message
 * starts with the 1-based column, e.g. {@code at column 17: expected a value after '>',
 * found 'drop'}, so the CLI can print it under the user's text.
 */
public class FilterException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final int position;

  /**
   * @param position the 0-based character offset of the problem in the parsed text
   * @param problem what is wrong, without the position
   */
  public FilterException(int position, String problem) {
    super("at column " + (position + 1) + ": " + problem);
    this.position = position;
  }

  /** The 0-based character offset of the problem in the parsed text. */
  public int position() {
    return position;
  }
}
