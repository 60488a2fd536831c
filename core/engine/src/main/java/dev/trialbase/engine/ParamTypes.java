package dev.trialbase.engine;

import dev.trialbase.api.Distribution;
import dev.trialbase.api.ParamInfo;
import dev.trialbase.spec.SpecException;

/**
 * Checks spec values against the type an estimator declares for a parameter
 * ({@link ParamInfo#type()}: {@code float}, {@code int}, {@code bool}, {@code string}; any
 * other type, such as a plugin's own {@code class}, is not checked here). {@code null} is
 * always allowed: it means "none" and the estimator decides. A mistyped parameter is a spec
 * error before the run rather than a failure of every trial.
 */
final class ParamTypes {

  private ParamTypes() {
  }

  /** {@code value}, fixed in the spec under {@code key}, fits {@code info}'s type. */
  static void checkValue(String key, ParamInfo info, Object value) {
    if (value != null && !fits(info.type(), value)) {
      throw new SpecException(key + ": expected " + words(info.type()) + " for parameter '"
          + info.name() + "', got " + describe(value));
    }
  }

  /** Every value {@code distribution} can produce fits {@code info}'s type. */
  static void checkSpace(String key, ParamInfo info, Distribution distribution) {
    if (distribution instanceof Distribution.Categorical c) {
      c.choices().forEach(v -> checkValue(key, info, v));
    } else if (distribution instanceof Distribution.IntRange) {
      if (!info.type().equals("int") && !info.type().equals("float") && known(info.type())) {
        throw new SpecException(key + ": an int range cannot search parameter '"
            + info.name() + "', which takes " + words(info.type()));
      }
    } else if (!info.type().equals("float") && known(info.type())) {
      throw new SpecException(key + ": a float range cannot search parameter '"
          + info.name() + "', which takes " + words(info.type())
          + (info.type().equals("int") ? "; use \"type\": \"int\"" : ""));
    }
  }

  private static boolean known(String type) {
    return switch (type) {
      case "float", "int", "bool", "string" -> true;
      default -> false;
    };
  }

  private static boolean fits(String type, Object value) {
    return switch (type) {
      case "float" -> value instanceof Long || value instanceof Double;
      case "int" -> value instanceof Long;
      case "bool" -> value instanceof Boolean;
      case "string" -> value instanceof String;
      default -> true;
    };
  }

  private static String words(String type) {
    return switch (type) {
      case "float" -> "a number";
      case "int" -> "a whole number";
      case "bool" -> "true or false";
      case "string" -> "text";
      default -> type;
    };
  }

  private static String describe(Object value) {
    return value instanceof String s ? "text \"" + s + "\"" : value.toString();
  }
}
