package dev.trialbase.api;

import java.util.List;
import java.util.Map;

/**
 * Reads a plugin's options (a spec's {@code strategy.options} or {@code pruner.options}) with
 * the checks a user expects before the run starts: an unknown option, a value of the wrong type
 * or out of range is an {@link IllegalArgumentException} that names the option, which the
 * engine reports as a spec error.
 */
public final class OptionReader {

  /**
   * The history lag the bundled adaptive plugins (TPE, the pruners) default to: each decision
   * does without the three latest trials, so four trials can run in parallel.
   */
  public static final int DEFAULT_LAG = 3;

  private final Map<String, Object> options;

  /** Refuses any option of {@code options} not in {@code known}, naming {@code plugin}'s options. */
  public OptionReader(String plugin, Map<String, Object> options, List<String> known) {
    for (String key : options.keySet()) {
      if (!known.contains(key)) {
        throw new IllegalArgumentException("unknown option '" + key + "'; " + plugin
            + "'s options are " + String.join(", ", known));
      }
    }
    this.options = options;
  }

  /** A whole-number option of at least {@code min}, or {@code fallback} when absent. */
  public int whole(String key, int fallback, int min) {
    if (!options.containsKey(key)) {
      return fallback;
    }
    Object v = options.get(key);
    if (!(v instanceof Number n) || n.doubleValue() != Math.rint(n.doubleValue())
        || Math.abs(n.doubleValue()) > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("option '" + key + "' must be a whole number, got "
          + shown(v));
    }
    int value = n.intValue();
    if (value < min) {
      throw new IllegalArgumentException("option '" + key + "' must be at least " + min
          + ", got " + value);
    }
    return value;
  }

  /** A finite number option, or {@code fallback} when absent. */
  public double number(String key, double fallback) {
    if (!options.containsKey(key)) {
      return fallback;
    }
    Object v = options.get(key);
    if (!(v instanceof Number n) || !Double.isFinite(n.doubleValue())) {
      throw new IllegalArgumentException("option '" + key + "' must be a number, got "
          + shown(v));
    }
    return n.doubleValue();
  }

  /** A true/false option, or {@code fallback} when absent. */
  public boolean flag(String key, boolean fallback) {
    if (!options.containsKey(key)) {
      return fallback;
    }
    if (options.get(key) instanceof Boolean b) {
      return b;
    }
    throw new IllegalArgumentException("option '" + key + "' must be true or false, got "
        + shown(options.get(key)));
  }

  private static String shown(Object v) {
    return v instanceof String s ? "text \"" + s + "\"" : String.valueOf(v);
  }
}
