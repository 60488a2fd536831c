package dev.trialbase.plugins.pruners;

import java.util.List;
import java.util.Map;

/** Reads a pruner's options, refusing unknown ones and wrong types with the option's name. */
final class Settings {

  /** The default lag: three trials may run beside the one being decided (four in parallel). */
  static final int DEFAULT_LAG = 3;

  private final Map<String, Object> settings;

  Settings(String pruner, Map<String, Object> settings, List<String> known) {
    this.settings = settings;
    for (String key : settings.keySet()) {
      if (!known.contains(key)) {
        throw new IllegalArgumentException("unknown option '" + key + "'; " + pruner
            + "'s options are " + String.join(", ", known));
      }
    }
  }

  /** A whole number option of at least {@code min}. */
  int whole(String key, int fallback, int min) {
    if (!settings.containsKey(key)) {
      return fallback;
    }
    Object v = settings.get(key);
    if (!(v instanceof Number n) || n.doubleValue() != Math.rint(n.doubleValue())
        || Math.abs(n.doubleValue()) > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("option '" + key + "' must be a whole number, got "
          + (v instanceof String s ? "text \"" + s + "\"" : String.valueOf(v)));
    }
    int value = n.intValue();
    if (value < min) {
      throw new IllegalArgumentException("option '" + key + "' must be at least " + min
          + ", got " + value);
    }
    return value;
  }
}
