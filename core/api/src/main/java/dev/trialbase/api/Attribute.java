package dev.trialbase.api;

import java.util.List;
import java.util.Objects;

/**
 * One column of a {@link Dataset}: a numeric attribute, or a nominal one with its values in
 * their declared order. Nominal cells hold the index of their value in {@link #values()} as a
 * {@code double}, exactly as Weka's {@code Instances} do, so a plugin can hand the data to
 * Weka without translating it.
 *
 * @param name the column's name, unique within its dataset
 * @param kind numeric or nominal
 * @param values a nominal attribute's values in declared order; empty for a numeric one
 */
public record Attribute(String name, Kind kind, List<String> values) {

  /** What a column holds. */
  public enum Kind {
    /** Real numbers. */
    NUMERIC,
    /** One of a declared list of values. */
    NOMINAL
  }

  public Attribute {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(kind, "kind");
    values = List.copyOf(values);
    if (kind == Kind.NUMERIC && !values.isEmpty()) {
      throw new IllegalArgumentException("numeric attribute '" + name + "' cannot have values");
    }
    if (values.size() != values.stream().distinct().count()) {
      throw new IllegalArgumentException("nominal attribute '" + name
          + "' declares a value twice: " + values);
    }
  }

  /** A numeric attribute. */
  public static Attribute numeric(String name) {
    return new Attribute(name, Kind.NUMERIC, List.of());
  }

  /** A nominal attribute with {@code values} in this order. */
  public static Attribute nominal(String name, List<String> values) {
    return new Attribute(name, Kind.NOMINAL, values);
  }

  public boolean isNominal() {
    return kind == Kind.NOMINAL;
  }

  public boolean isNumeric() {
    return kind == Kind.NUMERIC;
  }

  /** The index of {@code value} among a nominal attribute's values, or -1. */
  public int indexOf(String value) {
    return values.indexOf(value);
  }
}
