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

  /**
   * Points {@code WEKA_HOME} at a temporary directory unless the user has chosen one. Also
   * tells netlib-java to use its pure-Java BLAS, LAPACK and ARPACK unless the user has chosen
   * others: the plugin ships no native libraries, and netlib would otherwise print a warning
   * for each it fails to load (M5P and LinearRegression reach LAPACK).
   */
  static synchronized void redirectIfUnset() {
    String dir = defaultFor(System.getProperty(KEY), System.getenv(KEY),
        System.getProperty("java.io.tmpdir"), System.getProperty("user.name"));
    if (dir != null) {
      System.setProperty(KEY, dir);
    }
    for (String library : new String[] {"BLAS", "LAPACK", "ARPACK"}) {
      String key = "com.github.fommil.netlib." + library;
      if (System.getProperty(key) == null) {
        System.setProperty(key, "com.github.fommil.netlib.F2j" + library);
      }
    }
  }

  /**
   * The directory to use, or {@code null} when the property or the environment sets one. It is
   * per user ({@code trialbase-wekafiles-USER} in the temporary directory): a single shared
   * folder in {@code /tmp} would be created by the first user and unwritable, or worse
   * writable, for the next. Characters other than letters, digits, {@code . _ -} in the user
   * name become {@code _}.
   */
  static String defaultFor(String property, String environment, String tmpDir, String user) {
    if (isSet(property) || isSet(environment)) {
      return null;
    }
    String who = isSet(user) ? user.replaceAll("[^A-Za-z0-9._-]", "_") : "unknown";
    return Path.of(tmpDir, "trialbase-wekafiles-" + who).toString();
  }

  private static boolean isSet(String value) {
    return value != null && !value.isBlank();
  }
}
