package dev.trialbase.plugins.weka;

import dev.trialbase.api.DataFormatException;
import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the {@link IOException} by which Weka's ARFF reader reports a parse error into a
 * {@link DataFormatException} that starts with the line, as Trialbase's messages do. Weka
 * writes {@code <fault>, read Token[<token>], line <n>}; this gives
 * {@code line <n>: <fault> (found '<token>')}, with {@code <n>} corrected when the token is
 * the end of a line (Weka then names the next line). An I/O error that is not a parse error (Weka
 * signals parse errors with a plain {@code IOException} that names a line) is rethrown as it
 * is.
 */
final class WekaParseError {

  private static final Pattern WEKA = Pattern.compile("(?s)(.*), read Token\\[(.*)], line (\\d+)");
  private static final Pattern ANY_LINE = Pattern.compile("(?s)(.*?),? line (\\d+)(.*)");

  private WekaParseError() {
  }

  /**
   * The parse error {@code e} reports.
   *
   * @param fallbackLine the reader's line, used when Weka's message names none; -1 if unknown
   * @throws IOException {@code e} itself when it is not a parse error
   */
  static DataFormatException of(IOException e, int fallbackLine) throws IOException {
    String message = e.getMessage() == null ? "" : e.getMessage().strip();
    if (e.getClass() != IOException.class) {
      throw e;
    }
    Matcher weka = WEKA.matcher(message);
    if (weka.matches()) {
      // Java's tokenizer counts a line as soon as it reads the line's end, so when the fault
      // is the end of a line, Weka's line number is already that of the next line.
      long line = Long.parseLong(weka.group(3)) - (weka.group(2).equals("EOL") ? 1 : 0);
      return new DataFormatException("line " + line + ": " + weka.group(1)
          + " (found " + token(weka.group(2)) + ")", e);
    }
    Matcher any = ANY_LINE.matcher(message);
    if (any.matches()) {
      return new DataFormatException("line " + any.group(2) + ": "
          + (any.group(1) + any.group(3)).strip(), e);
    }
    if (fallbackLine > 0) {
      return new DataFormatException("line " + fallbackLine + ": " + message, e);
    }
    throw e;
  }

  /**
   * Java's StreamTokenizer names the token {@code EOL}, {@code EOF}, a word as it is, or a
   * single character such as {@code '{'} already quoted.
   */
  private static String token(String token) {
    return switch (token) {
      case "EOL" -> "the end of the line";
      case "EOF" -> "the end of the file";
      default -> token.length() == 3 && token.charAt(0) == '\'' && token.charAt(2) == '\''
          ? token : "'" + token + "'";
    };
  }
}
