package dev.trialbase.api;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * The version of this API, which plugins name in their {@code plugin.requires}
 * (for example {@code >=0.1.0 & <0.2.0}) and which the host checks before loading them.
 */
public final class ApiVersion {

  private ApiVersion() {
  }

  /** The API version this jar was built as, such as {@code 0.1.0}. */
  public static String current() {
    try (InputStream in = ApiVersion.class.getResourceAsStream("api.properties")) {
      Properties p = new Properties();
      p.load(in);
      return p.getProperty("version");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
