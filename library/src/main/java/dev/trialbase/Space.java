package dev.trialbase;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The values of a spec's {@code space} entries, for {@link Spec.Builder#space}: each returns
 * what the JSON spec would hold, such as {@code {"type": "float", "low": 0, "high": 1}}.
 */
public final class Space {

  private Space() {
  }

  /** A uniform float range. */
  public static Map<String, Object> floatRange(double low, double high) {
    return range("float", low, high);
  }

  /** A log-uniform float range ({@code "log": true}); {@code low} must be positive. */
  public static Map<String, Object> logRange(double low, double high) {
    Map<String, Object> m = range("float", low, high);
    m.put("log", true);
    return m;
  }

  /** An integer range, both ends included. */
  public static Map<String, Object> intRange(long low, long high) {
    return range("int", low, high);
  }

  /** A list of choices: numbers, text, true/false or null. */
  public static List<Object> choice(Object... values) {
    return Arrays.asList(values.clone());
  }

  private static Map<String, Object> range(String type, Object low, Object high) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("type", type);
    m.put("low", low);
    m.put("high", high);
    return m;
  }
}
