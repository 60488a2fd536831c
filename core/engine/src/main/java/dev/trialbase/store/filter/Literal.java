package dev.trialbase.store.filter;

/** A value on the right of a comparison. {@code null} is not a literal: it becomes IS NULL. */
public sealed interface Literal {

  /** The value as bound to SQL: a Double for numbers and booleans (1/0), else a String. */
  Object sqlValue();

  /** A number; comparisons are numeric. */
  record Num(double value) implements Literal {
    @Override
    public Object sqlValue() {
      return value;
    }

    @Override
    public String toString() {
      return value == Math.rint(value) && Math.abs(value) < 1e15
          ? Long.toString((long) value)
          : Double.toString(value);
    }
  }

  /** A quoted string; comparisons are by text (binary collation; LIKE ignores ASCII case). */
  record Text(String value) implements Literal {
    @Override
    public Object sqlValue() {
      return value;
    }

    @Override
    public String toString() {
      return "'" + value.replace("'", "''") + "'";
    }
  }

  /** {@code true} or {@code false}; matches boolean parameters, stored as 1 and 0. */
  record Bool(boolean value) implements Literal {
    @Override
    public Object sqlValue() {
      return value ? 1.0 : 0.0;
    }

    @Override
    public String toString() {
      return Boolean.toString(value);
    }
  }
}
