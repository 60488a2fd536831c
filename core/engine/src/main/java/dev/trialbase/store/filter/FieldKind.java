package dev.trialbase.store.filter;

import java.util.Locale;

/**
 * The things a filter can test, and the type of their values. Per-name fields ({@code
 * params.NAME}, {@code metrics.NAME}, {@code std.NAME}) live in their own tables; the others
 * are columns of {@code trials}.
 */
public enum FieldKind {
  /** {@code params.NAME}: typed per trial (float, int, string, bool or null). */
  PARAMS("params", ValueType.ANY, null),
  /** {@code metrics.NAME}: the metric's mean over folds. */
  METRICS("metrics", ValueType.NUMBER, "mean"),
  /** {@code std.NAME}: the metric's sample standard deviation over folds. */
  STD("std", ValueType.NUMBER, "std"),
  STATUS("status", ValueType.TEXT, "t.status"),
  NUMBER("number", ValueType.NUMBER, "t.number"),
  /** Milliseconds. */
  DURATION("duration", ValueType.NUMBER, "t.duration_ms"),
  OBJECTIVE("objective", ValueType.NUMBER, "t.objective"),
  /** The error message of a failed trial. */
  ERROR("error", ValueType.TEXT, "t.error_message");

  /** What literals a field compares with. */
  enum ValueType { NUMBER, TEXT, ANY }

  private final String keyword;
  private final ValueType type;
  private final String column;

  FieldKind(String keyword, ValueType type, String column) {
    this.keyword = keyword;
    this.type = type;
    this.column = column;
  }

  /** How the field is written in a filter: the prefix before the dot, or the whole name. */
  public String keyword() {
    return keyword;
  }

  /** Whether the field is written {@code keyword.NAME}. */
  public boolean hasName() {
    return this == PARAMS || this == METRICS || this == STD;
  }

  ValueType type() {
    return type;
  }

  /** The SQL column: of {@code trials t}, or of {@code trial_metrics m} for metrics. */
  String column() {
    return column;
  }

  /** The field written {@code word} (ignoring case) with or without a name, if any. */
  static FieldKind byKeyword(String word, boolean named) {
    String lower = word.toLowerCase(Locale.ROOT);
    for (FieldKind k : values()) {
      if (k.keyword.equals(lower) && k.hasName() == named) {
        return k;
      }
    }
    return null;
  }
}
