package dev.trialbase.store;

/**
 * A parameter value as it is stored: a type name, the value as text and, for numbers and
 * booleans, as a number, so that filters compare numbers as numbers.
 */
record StoredValue(String type, String text, Double number) {

  static StoredValue of(Object value) {
    if (value == null) {
      return new StoredValue("null", null, null);
    }
    if (value instanceof Double d) {
      return new StoredValue("float", Double.toString(d), d);
    }
    if (value instanceof Long l) {
      return new StoredValue("int", Long.toString(l), l.doubleValue());
    }
    if (value instanceof Boolean b) {
      return new StoredValue("bool", b.toString(), b ? 1.0 : 0.0);
    }
    return new StoredValue("string", value.toString(), null);
  }

  /** The Java value this stored value was made from. */
  Object toValue() {
    return switch (type) {
      case "null" -> null;
      case "float" -> number;
      case "int" -> Long.parseLong(text);
      case "bool" -> number != 0;
      default -> text;
    };
  }
}
