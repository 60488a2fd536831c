package dev.trialbase.plugins.weka;

import java.nio.file.Path;

/**
 * Keeps Weka out of the user's home directory. Weka's package manager creates
 * {@code ~/wekafiles} on first use unless {@code WEKA_HOME} is set as a system property or
 * environment variable, and reads it once, when its {@code Environment} class initialises, so
 * this must run before any Weka class is used.
 */
final class WekaHome {

  static final String KEY = "WEKA_HOME";

  private WekaHome() {
  }

  /** Points {@code WEKA_HOME} at a temporary directory unless the user has chosen one. */
  static synchronized void redirectIfUnset() {
    String dir = defaultFor(System.getProperty(KEY), System.getenv(KEY),
        System.getProperty("java.io.tmpdir"));
    if (dir != null) {
      System.setProperty(KEY, dir);
    }
  }

  /** The directory to use, or {@code null} when the property or the environment sets one. */
  static String defaultFor(String property, String environment, String tmpDir) {
    if (isSet(property) || isSet(environment)) {
      return null;
    }
    return Path.of(tmpDir, "trialbase-wekafiles").toString();
  }

  private static boolean isSet(String value) {
    return value != null && !value.isBlank();
  }
}
