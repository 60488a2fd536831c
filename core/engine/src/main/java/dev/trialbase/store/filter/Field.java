package dev.trialbase.store.filter;

import java.util.regex.Pattern;

/**
 * A field of a filter, e.g. {@code metrics.accuracy} or {@code status}.
 *
 * @param kind which field
 * @param name the parameter or metric name for {@link FieldKind#hasName() named} fields; null
 *     otherwise
 */
public record Field(FieldKind kind, String name) {

  private static final Pattern BARE_NAME = Pattern.compile("[A-Za-z0-9_-]+");

  public Field {
    if (kind.hasName() != (name != null)) {
      throw new IllegalArgumentException(kind.keyword() + (kind.hasName() ? " needs" : " takes no")
          + " name");
    }
  }

  /** The field as it is written in a filter, quoting names that need it. */
  @Override
  public String toString() {
    if (name == null) {
      return kind.keyword();
    }
    String shown = BARE_NAME.matcher(name).matches() ? name : '"' + name.replace("\"", "\"\"") + '"';
    return kind.keyword() + "." + shown;
  }
}
