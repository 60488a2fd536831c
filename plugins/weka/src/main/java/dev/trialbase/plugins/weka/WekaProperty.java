package dev.trialbase.plugins.weka;

import dev.trialbase.api.InvalidParamsException;
import java.beans.PropertyDescriptor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Locale;
import weka.core.SelectedTag;
import weka.core.Tag;

/**
 * One property of a Weka object as Weka's GUI edits it: a getter and setter pair found by
 * {@code java.beans} introspection, with Weka's {@code xxxTipText()} as its description.
 * Converts a spec value (number, boolean, text) to what the setter takes.
 *
 * @param name the property's name, as Weka's GUI and {@code -x} options documentation show it
 * @param kind how its values are written in a spec
 * @param descriptor the bean property
 */
record WekaProperty(String name, Kind kind, PropertyDescriptor descriptor) {

  /** How a property's value is written in a spec; {@link #word} is its listed type. */
  enum Kind {
    FLOAT("float"), INT("int"), BOOL("bool"), STRING("string"),
    /** One of Weka's {@code SelectedTag} options or a Java enum constant, by name. */
    TAG("tag"),
    /** An object (kernel, inner classifier, search): a class name; its properties nest. */
    CLASS("class");

    final String word;

    Kind(String word) {
      this.word = word;
    }
  }

  Class<?> type() {
    return descriptor.getPropertyType();
  }

  /** The property's current value on {@code target}. */
  Object read(Object target) throws InvalidParamsException {
    try {
      return descriptor.getReadMethod().invoke(target);
    } catch (InvocationTargetException e) {
      throw new InvalidParamsException(name + ": Weka could not read it: " + e.getCause());
    } catch (IllegalAccessException e) {
      throw new InvalidParamsException(name + ": " + e.getMessage());
    }
  }

  /** Sets {@code value} (already converted) on {@code target}; Weka's refusal names the key. */
  void write(String key, Object target, Object value) throws InvalidParamsException {
    try {
      descriptor.getWriteMethod().invoke(target, value);
    } catch (InvocationTargetException e) {
      Throwable cause = e.getCause();
      throw new InvalidParamsException(key + ": Weka refused " + shown(value) + ": "
          + (cause.getMessage() != null ? cause.getMessage() : cause.toString()));
    } catch (IllegalAccessException | IllegalArgumentException e) {
      throw new InvalidParamsException(key + ": cannot set " + shown(value) + ": " + e);
    }
  }

  /**
   * {@code value} from a spec as the setter's type: numbers for numbers (a whole number for an
   * int), true/false, text, a tag or enum name (case-insensitive; for a tag also its id, or
   * the first word(s) of its label when they single it out). Class-valued properties are not
   * converted here.
   *
   * @param current the property's current value on the object (for a tag: its tag list)
   */
  Object convert(String key, Object value, Object current) throws InvalidParamsException {
    if (value == null) {
      throw new InvalidParamsException(key + ": " + name + " takes " + words() + ", not null");
    }
    switch (kind) {
      case FLOAT:
        if (value instanceof Number n) {
          return type() == float.class || type() == Float.class ? (Object) n.floatValue()
              : (Object) n.doubleValue();
        }
        break;
      case INT:
        if (value instanceof Long l || (value instanceof Double d && d == Math.rint(d)
            && !Double.isInfinite(d))) {
          long v = ((Number) value).longValue();
          if (type() == long.class || type() == Long.class) {
            return v;
          }
          if (v >= Integer.MIN_VALUE && v <= Integer.MAX_VALUE) {
            return (int) v;
          }
          throw new InvalidParamsException(key + ": " + v + " is out of range for " + name);
        }
        break;
      case BOOL:
        if (value instanceof Boolean) {
          return value;
        }
        break;
      case STRING:
        if (value instanceof String) {
          return value;
        }
        break;
      case TAG:
        if (value instanceof String s) {
          return type().isEnum() ? enumConstant(key, s) : tag(key, s, (SelectedTag) current);
        }
        break;
      default:
        break;
    }
    throw new InvalidParamsException(key + ": expected " + words() + " for " + name + ", got "
        + shown(value) + (kind == Kind.TAG ? "; " + choices(current) : ""));
  }

  /** What the property takes, in words. */
  String words() {
    return switch (kind) {
      case FLOAT -> "a number";
      case INT -> "a whole number";
      case BOOL -> "true or false";
      case STRING -> "text";
      case TAG -> "the name of an option";
      case CLASS -> "a class name";
    };
  }

  /** Weka's one-line description from {@code <name>TipText()}, or empty. */
  String description(Object target) {
    try {
      Method tip = target.getClass().getMethod(name + "TipText");
      String text = String.valueOf(tip.invoke(target)).replaceAll("\\s+", " ").trim();
      int end = text.indexOf(". ");
      return end > 0 ? text.substring(0, end + 1) : text;
    } catch (ReflectiveOperationException | RuntimeException e) {
      return "";
    }
  }

  /** The current value as text: a class's short name, a tag's label, numbers as numbers. */
  static String text(Object value) {
    if (value == null) {
      return "null";
    }
    if (value instanceof SelectedTag t) {
      return t.getSelectedTag().getReadable();
    }
    if (value instanceof Number || value instanceof Boolean || value instanceof String
        || value instanceof Enum) {
      return value.toString();
    }
    return value.getClass().getSimpleName();
  }

  private Object enumConstant(String key, String s) throws InvalidParamsException {
    for (Object c : type().getEnumConstants()) {
      if (((Enum<?>) c).name().equalsIgnoreCase(s) || c.toString().equalsIgnoreCase(s)) {
        return c;
      }
    }
    throw new InvalidParamsException(key + ": '" + s + "' is not an option of " + name
        + "; options: " + Arrays.toString(type().getEnumConstants()));
  }

  private SelectedTag tag(String key, String s, SelectedTag current)
      throws InvalidParamsException {
    Tag[] tags = current.getTags();
    String wanted = s.trim().toLowerCase(Locale.ROOT);
    Tag match = null;
    int prefixMatches = 0;
    for (Tag t : tags) {
      String label = t.getReadable().toLowerCase(Locale.ROOT);
      if (label.equals(wanted) || t.getIDStr().equalsIgnoreCase(wanted)) {
        return new SelectedTag(t.getID(), tags);
      }
      if (label.startsWith(wanted)) {
        match = t;
        prefixMatches++;
      }
    }
    if (prefixMatches == 1) {
      return new SelectedTag(match.getID(), tags);
    }
    throw new InvalidParamsException(key + ": '" + s + "' is not an option of " + name + "; "
        + choices(current));
  }

  private String choices(Object current) {
    if (type().isEnum()) {
      return "options: " + Arrays.toString(type().getEnumConstants());
    }
    if (current instanceof SelectedTag t) {
      return "options: " + Arrays.stream(t.getTags()).map(x -> "'" + x.getReadable() + "'")
          .toList();
    }
    return "";
  }

  private static String shown(Object value) {
    return value instanceof String s ? "\"" + s + "\"" : String.valueOf(value);
  }
}
