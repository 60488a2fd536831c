package dev.trialbase.engine;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * The version of this Trialbase build, as stored with every run ({@code trialbase_version}).
 * It is a different fact from {@link dev.trialbase.api.ApiVersion}, the plugin API a plugin
 * is checked against: the two may move apart (a build that fixes the engine keeps the API).
 * Read from {@code build.properties}, which Maven fills with the project version.
 */
public final class BuildVersion {

  private BuildVersion() {
  }

  /** This build's version, such as {@code 0.2.0}. */
  public static String current() {
    try (InputStream in = BuildVersion.class.getResourceAsStream("build.properties")) {
      if (in == null) {
        throw new IllegalStateException("build.properties is missing from trialbase-core");
      }
      Properties p = new Properties();
      p.load(in);
      return p.getProperty("version");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
