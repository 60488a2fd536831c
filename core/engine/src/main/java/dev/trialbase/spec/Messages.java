package dev.trialbase.spec;

/** Shortening a library's message to the one line an {@code error:} line may carry. */
public final class Messages {

  private Messages() {
  }

  /** The first line of {@code text}, stripped; empty for {@code null}. */
  public static String firstLine(String text) {
    if (text == null) {
      return "";
    }
    int newline = text.indexOf('\n');
    return (newline < 0 ? text : text.substring(0, newline)).strip();
  }
}
