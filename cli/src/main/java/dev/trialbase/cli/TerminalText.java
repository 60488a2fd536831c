package dev.trialbase.cli;

/**
 * Makes stored text safe to print on a terminal. Experiment names, parameter values and error
 * messages come from users and plugins; printed raw, an ANSI escape in them could retitle the
 * window, clear the screen or hide lines. Tables therefore show every control character
 * (C0, DEL, C1) and every bidirectional-override character as a visible escape: {@code \e}
 * for ESC, {@code \t}, {@code \n}, {@code \r}, {@code \a} for BEL, {@code \\u009b}-style
 * codes for the rest. A backslash itself is left alone, so ordinary text reads unchanged;
 * JSON and CSV output keep the exact text (their readers are programs).
 */
final class TerminalText {

  private TerminalText() {
  }

  /** {@code text} with control and bidi-override characters escaped. */
  static String escape(String text) {
    int first = firstUnsafe(text);
    if (first < 0) {
      return text;
    }
    StringBuilder sb = new StringBuilder(text.length() + 8).append(text, 0, first);
    for (int i = first; i < text.length(); i++) {
      char c = text.charAt(i);
      if (!unsafe(c)) {
        sb.append(c);
        continue;
      }
      switch (c) {
        case '\u001b' -> sb.append("\\e");
        case '\t' -> sb.append("\\t");
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        case '\u0007' -> sb.append("\\a");
        default -> sb.append(String.format("\\u%04x", (int) c));
      }
    }
    return sb.toString();
  }

  private static int firstUnsafe(String text) {
    for (int i = 0; i < text.length(); i++) {
      if (unsafe(text.charAt(i))) {
        return i;
      }
    }
    return -1;
  }

  /** C0 controls, DEL, C1 controls, and the bidi embedding, override and isolate marks. */
  private static boolean unsafe(char c) {
    return c < 0x20 || (c >= 0x7f && c <= 0x9f) || (c >= '\u202a' && c <= '\u202e')
        || (c >= '\u2066' && c <= '\u2069');
  }
}
