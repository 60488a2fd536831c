package dev.trialbase.store;

import java.nio.file.Path;
import java.util.Locale;

/**
 * Where a store lives, as {@code --db} or {@code TRIALBASE_DB} name it: an SQLite file, or a
 * PostgreSQL database given as a JDBC URL ({@code jdbc:postgresql://host:5432/trialbase?user=...}).
 * {@link #toString()} is the form every message and printout uses: the file's path, or the URL
 * without its parameters and user info ({@code postgresql://host:5432/trialbase}), so that a
 * password in the URL is never printed or stored. Immutable.
 */
public final class StoreLocation {

  /** The prefix that makes a {@code --db} value a PostgreSQL URL rather than a file name. */
  public static final String POSTGRESQL_PREFIX = "jdbc:postgresql:";

  private final Path file;
  private final String url;

  private StoreLocation(Path file, String url) {
    this.file = file;
    this.url = url;
  }

  /** An SQLite database file. */
  public static StoreLocation file(Path file) {
    return new StoreLocation(file, null);
  }

  /**
   * {@code value} as a location: a JDBC URL when it starts with {@value #POSTGRESQL_PREFIX}
   * (in any case), else a file path.
   *
   * @throws StoreException for a {@code jdbc:} URL of another database
   */
  public static StoreLocation parse(String value) {
    String lower = value.toLowerCase(Locale.ROOT);
    if (lower.startsWith(POSTGRESQL_PREFIX)) {
      return new StoreLocation(null, POSTGRESQL_PREFIX + value.substring(POSTGRESQL_PREFIX.length()));
    }
    if (lower.startsWith("postgresql:") || lower.startsWith("postgres:")) {
      throw new StoreException(redact("jdbc:" + value) + ": give a PostgreSQL database as a "
          + "JDBC URL, jdbc:postgresql://host:5432/dbname");
    }
    if (lower.startsWith("jdbc:")) {
      int colon = value.indexOf(':', 5);
      throw new StoreException((colon < 0 ? "jdbc:..." : value.substring(0, colon + 1) + "...")
          + ": Trialbase stores runs in an SQLite file or a PostgreSQL database "
          + "(jdbc:postgresql://host:5432/dbname); give one of those to --db");
    }
    try {
      return file(Path.of(value));
    } catch (java.nio.file.InvalidPathException e) {
      throw new StoreException(value + ": is not a file name (" + e.getReason() + ")");
    }
  }

  /** Whether this is a PostgreSQL database. */
  public boolean isPostgres() {
    return url != null;
  }

  /** The SQLite file; {@code null} for a PostgreSQL database. */
  public Path file() {
    return file;
  }

  /** The full JDBC URL, credentials included: for the driver only, never for messages. */
  String jdbcUrl() {
    return url;
  }

  /**
   * The name of the store for messages and output: the file path, or the URL without the
   * {@code jdbc:} prefix, user info or parameters.
   */
  @Override
  public String toString() {
    return url == null ? file.toString() : redact(url);
  }

  /** {@code url} with nothing after {@code ?} or {@code #}, and no {@code user:password@}. */
  static String redact(String url) {
    String rest = url.substring("jdbc:".length());
    int end = rest.length();
    for (char c : new char[] {'?', '#', ';'}) {
      int i = rest.indexOf(c);
      if (i >= 0) {
        end = Math.min(end, i);
      }
    }
    rest = rest.substring(0, end);
    int at = rest.lastIndexOf('@');
    if (at >= 0) {
      int slashes = rest.indexOf("//");
      rest = (slashes >= 0 ? rest.substring(0, slashes + 2) : "postgresql:")
          + rest.substring(at + 1);
    }
    return rest;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof StoreLocation other && java.util.Objects.equals(file, other.file)
        && java.util.Objects.equals(url, other.url);
  }

  @Override
  public int hashCode() {
    return java.util.Objects.hash(file, url);
  }
}
