package dev.trialbase.data;

/**
 * A short, printable quote of file content for an error message: at most
 * {@value #MAX_CHARS} characters, control and other invisible characters shown as {@code ?}.
 * A file given by mistake (a key, a binary) must not end up whole in a terminal or a log.
 */
public final class Excerpt {

  /** The longest quote. */
  public static final int MAX_CHARS = 40;

  private Excerpt() {
  }

  /** {@code text} cut to {@value #MAX_CHARS} characters (marked with "...") and made printable. */
  public static String of(String text) {
    StringBuilder out = new StringBuilder();
    int end = Math.min(text.length(), MAX_CHARS);
    for (int i = 0; i < end; i++) {
      char c = text.charAt(i);
      out.append(isPrintable(c) ? c : '?');
    }
    if (text.length() > MAX_CHARS) {
      out.append("...");
    }
    return out.toString();
  }

  /** Whether every character of {@code text} is printable. */
  public static boolean isPrintable(String text) {
    return text.chars().allMatch(c -> isPrintable((char) c));
  }

  private static boolean isPrintable(char c) {
    int type = Character.getType(c);
    return !Character.isISOControl(c) && type != Character.FORMAT
        && type != Character.UNASSIGNED && type != Character.PRIVATE_USE;
  }

  /** {@link #of} in single quotes. */
  public static String quoted(String text) {
    return "'" + of(text) + "'";
  }
}
