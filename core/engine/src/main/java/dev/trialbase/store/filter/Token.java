package dev.trialbase.store.filter;

/**
 * One lexical token of a filter.
 *
 * @param kind what sort of token
 * @param start 0-based offset of its first character
 * @param source the token as written, for error messages
 * @param value a string literal's content, a word, or a path's name (unquoted); else null
 * @param prefix a path's part before the dot, e.g. {@code metrics}; else null
 * @param number a number literal's value; else 0
 */
record Token(Kind kind, int start, String source, String value, String prefix, double number) {

  enum Kind {
    /** A bare word: a keyword or a field such as {@code status}. */
    WORD,
    /** {@code prefix.name}, e.g. {@code params.C} or {@code params."my name"}. */
    PATH,
    NUMBER,
    STRING,
    /** A comparison operator: {@code = != <> < <= > >=}. */
    OPERATOR,
    LEFT_PAREN,
    RIGHT_PAREN,
    COMMA,
    END
  }

  /** Whether this is the word {@code keyword}, ignoring case. */
  boolean isKeyword(String keyword) {
    return kind == Kind.WORD && value.equalsIgnoreCase(keyword);
  }

  /** How the token reads in an error message: quoted source, or "end of input". */
  String describe() {
    if (kind == Kind.END) {
      return "end of input";
    }
    String shown = source.length() > 30 ? source.substring(0, 27) + "..." : source;
    return kind == Kind.STRING ? shown : "'" + shown + "'";
  }
}
