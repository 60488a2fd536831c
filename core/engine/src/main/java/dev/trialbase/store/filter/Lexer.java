package dev.trialbase.store.filter;

import dev.trialbase.store.filter.Token.Kind;

/**
 * Splits filter text into tokens on demand, so that the first error in reading order is the
 * one reported. Anything outside the grammar's alphabet (such as {@code ;}) is an error at
 * its own position.
 */
final class Lexer {

  private final String text;
  private int pos;

  Lexer(String text) {
    this.text = text;
  }

  /** The next token; {@link Kind#END} at the end, forever. */
  Token next() {
    while (pos < text.length() && isSpace(text.charAt(pos))) {
      pos++;
    }
    int start = pos;
    if (pos >= text.length()) {
      return new Token(Kind.END, start, "", null, null, 0);
    }
    char c = text.charAt(pos);
    switch (c) {
      case '(':
        return single(Kind.LEFT_PAREN);
      case ')':
        return single(Kind.RIGHT_PAREN);
      case ',':
        return single(Kind.COMMA);
      case '\'':
        return string();
      case '=', '<', '>', '!':
        return operator();
      default:
        break;
    }
    if (startsNumber(pos)) {
      return number();
    }
    if (isWordStart(c)) {
      return word();
    }
    throw new FilterException(start, "unexpected character " + describe(c));
  }

  private Token single(Kind kind) {
    pos++;
    return new Token(kind, pos - 1, text.substring(pos - 1, pos), null, null, 0);
  }

  private Token operator() {
    int start = pos;
    char c = text.charAt(pos++);
    char n = pos < text.length() ? text.charAt(pos) : 0;
    if ((c == '<' && (n == '=' || n == '>')) || ((c == '>' || c == '!') && n == '=')) {
      pos++;
    } else if (c == '!') {
      throw new FilterException(start, "unexpected character '!'; write != or 'not'");
    }
    String op = text.substring(start, pos);
    return new Token(Kind.OPERATOR, start, op, op, null, 0);
  }

  private Token string() {
    int start = pos;
    StringBuilder value = new StringBuilder();
    pos++;
    while (true) {
      if (pos >= text.length()) {
        throw new FilterException(start, "unterminated string; end it with '");
      }
      char c = text.charAt(pos++);
      if (c == '\'') {
        if (pos < text.length() && text.charAt(pos) == '\'') {
          value.append('\'');
          pos++;
        } else {
          break;
        }
      } else {
        value.append(c);
      }
    }
    return new Token(Kind.STRING, start, text.substring(start, pos), value.toString(), null, 0);
  }

  private boolean startsNumber(int at) {
    if (at < text.length() && (text.charAt(at) == '-' || text.charAt(at) == '+')) {
      at++;
    }
    if (at < text.length() && text.charAt(at) == '.') {
      at++;
    }
    return at < text.length() && isDigit(text.charAt(at));
  }

  private Token number() {
    int start = pos;
    if (text.charAt(pos) == '-' || text.charAt(pos) == '+') {
      pos++;
    }
    skipDigits();
    if (pos < text.length() && text.charAt(pos) == '.') {
      pos++;
      skipDigits();
    }
    if (pos < text.length() && (text.charAt(pos) == 'e' || text.charAt(pos) == 'E')) {
      int save = pos;
      pos++;
      if (pos < text.length() && (text.charAt(pos) == '+' || text.charAt(pos) == '-')) {
        pos++;
      }
      if (pos < text.length() && isDigit(text.charAt(pos))) {
        skipDigits();
      } else {
        pos = save;
      }
    }
    if (pos < text.length() && (isNameChar(text.charAt(pos)) || text.charAt(pos) == '.')) {
      while (pos < text.length() && (isNameChar(text.charAt(pos)) || text.charAt(pos) == '.')) {
        pos++;
      }
      throw new FilterException(start, "malformed number '" + text.substring(start, pos) + "'");
    }
    String source = text.substring(start, pos);
    double value = Double.parseDouble(source);
    if (!Double.isFinite(value)) {
      throw new FilterException(start, "number " + source + " is out of range");
    }
    return new Token(Kind.NUMBER, start, source, null, null, value);
  }

  private void skipDigits() {
    while (pos < text.length() && isDigit(text.charAt(pos))) {
      pos++;
    }
  }

  private Token word() {
    int start = pos;
    while (pos < text.length() && isWordPart(text.charAt(pos))) {
      pos++;
    }
    String word = text.substring(start, pos);
    if (pos >= text.length() || text.charAt(pos) != '.') {
      return new Token(Kind.WORD, start, word, word, null, 0);
    }
    pos++;
    String name = pos < text.length() && text.charAt(pos) == '"' ? quotedName(start) : bareName(start);
    return new Token(Kind.PATH, start, text.substring(start, pos), name, word, 0);
  }

  private String bareName(int start) {
    int nameStart = pos;
    while (pos < text.length() && isNameChar(text.charAt(pos))) {
      pos++;
    }
    if (pos == nameStart) {
      throw new FilterException(pos, "expected a name after '" + text.substring(start, pos)
          + "', found " + (pos < text.length() ? describe(text.charAt(pos)) : "end of input"));
    }
    return text.substring(nameStart, pos);
  }

  private String quotedName(int start) {
    int quote = pos;
    StringBuilder name = new StringBuilder();
    pos++;
    while (true) {
      if (pos >= text.length()) {
        throw new FilterException(quote, "unterminated name; end it with \"");
      }
      char c = text.charAt(pos++);
      if (c == '"') {
        if (pos < text.length() && text.charAt(pos) == '"') {
          name.append('"');
          pos++;
        } else {
          break;
        }
      } else {
        name.append(c);
      }
    }
    if (name.length() == 0) {
      throw new FilterException(quote, "empty name after '" + text.substring(start, quote) + "'");
    }
    return name.toString();
  }

  private static boolean isSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static boolean isWordStart(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
  }

  private static boolean isWordPart(char c) {
    return isWordStart(c) || isDigit(c);
  }

  /** Characters of an unquoted parameter or metric name. */
  static boolean isNameChar(char c) {
    return isWordPart(c) || c == '-';
  }

  private static String describe(char c) {
    return c >= 0x20 && c < 0x7f ? "'" + c + "'" : String.format("U+%04X", (int) c);
  }
}
