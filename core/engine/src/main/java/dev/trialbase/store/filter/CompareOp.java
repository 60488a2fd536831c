package dev.trialbase.store.filter;

/** A comparison operator; {@code <>} is read as {@link #NE}. */
public enum CompareOp {
  EQ("="), NE("!="), LT("<"), LE("<="), GT(">"), GE(">=");

  private final String symbol;

  CompareOp(String symbol) {
    this.symbol = symbol;
  }

  /** The operator in filter syntax and in SQL (SQLite accepts {@code !=}). */
  public String symbol() {
    return symbol;
  }

  /** The operator spelled {@code symbol}, or null. */
  static CompareOp bySymbol(String symbol) {
    if (symbol.equals("<>")) {
      return NE;
    }
    for (CompareOp op : values()) {
      if (op.symbol.equals(symbol)) {
        return op;
      }
    }
    return null;
  }

  boolean isEquality() {
    return this == EQ || this == NE;
  }
}
