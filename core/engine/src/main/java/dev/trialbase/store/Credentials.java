package dev.trialbase.store;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Properties;

/**
 * Where a PostgreSQL connection's user and password come from, first found wins: the URL's
 * {@code user} and {@code password} parameters, then the environment's {@code PGUSER} and
 * {@code PGPASSWORD} (as libpq reads them; pgjdbc 42.7 does not), then the driver's own look
 * in the {@code PGPASSFILE} or {@code ~/.pgpass} file for a password still missing. Without a
 * user, the driver takes the operating system's. The password is held only in the properties
 * handed to the driver, never in a {@link StoreLocation}'s printed form.
 */
final class Credentials {

  private Credentials() {
  }

  /** The properties to connect to {@code location} with, given the environment {@code env}. */
  static Properties properties(StoreLocation location, Map<String, String> env,
      boolean readOnly) {
    Properties props = new Properties();
    Map<String, String> inUrl = urlParameters(location.jdbcUrl());
    String user = env.get("PGUSER");
    if (!inUrl.containsKey("user") && user != null && !user.isEmpty()) {
      props.setProperty("user", user);
    }
    String password = env.get("PGPASSWORD");
    if (!inUrl.containsKey("password") && password != null && !password.isEmpty()) {
      props.setProperty("password", password);
    }
    props.setProperty("ApplicationName", "trialbase");
    if (!inUrl.containsKey("connectTimeout")) {
      props.setProperty("connectTimeout", "10");
    }
    if (readOnly) {
      props.setProperty("readOnly", "true");
    }
    return props;
  }

  /** The URL's parameters ({@code ?a=1&b=2}), decoded. */
  static Map<String, String> urlParameters(String url) {
    Map<String, String> out = new java.util.LinkedHashMap<>();
    int q = url.indexOf('?');
    if (q < 0) {
      return out;
    }
    for (String pair : url.substring(q + 1).split("&")) {
      int eq = pair.indexOf('=');
      String key = eq < 0 ? pair : pair.substring(0, eq);
      String value = eq < 0 ? "" : pair.substring(eq + 1);
      out.put(decode(key), decode(value));
    }
    return out;
  }

  private static String decode(String text) {
    try {
      return URLDecoder.decode(text, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return text;
    }
  }

  /** {@code message} with any password {@code location} may be given replaced by ***. */
  static String scrub(StoreLocation location, String message) {
    String out = message;
    if (out == null) {
      return null;
    }
    for (String secret : new String[] {urlParameters(location.jdbcUrl()).get("password"),
        System.getenv("PGPASSWORD")}) {
      if (secret != null && secret.length() >= 3) {
        out = out.replace(secret, "***");
      }
    }
    return out;
  }
}
