package dev.trialbase.store;

import java.math.BigInteger;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.regex.Pattern;
import org.sqlite.SQLiteDataSource;

/**
 * Schema versions: the newest one this build has a migration for, the one an existing database
 * was migrated to, and the refusal of a database written by a newer Trialbase. Comparing the
 * two before migrating keeps an older build from touching a file it would not understand.
 *
 * <p>A database's version is SQLite's {@code user_version} (a number in the file's header,
 * read without a query of any table), or, for a database migrated by Flyway before Trialbase
 * kept that number, the newest successful row of Flyway's {@code flyway_schema_history}; the
 * higher of the two. {@link Migrations} keeps both up to date, so that older Trialbase
 * builds, which read only Flyway's table, refuse a newer database too.
 */
final class SchemaVersion {

  /** Flyway's history table: written by Flyway before, and still kept for older builds. */
  static final String FLYWAY_HISTORY = "flyway_schema_history";

  /** A version Trialbase writes: a plain non-negative whole number, digits only. */
  private static final Pattern PLAIN_VERSION = Pattern.compile("[0-9]+");

  private SchemaVersion() {
  }

  /**
   * What a look at an existing database found, and the read-only source that looked.
   *
   * @param version the highest version found, read exactly (never cut to an int)
   * @param versionText that version as written, for messages (it may exceed a {@code long})
   * @param unreadable a version that is not a plain non-negative whole number, or {@code null}
   * @param tables whether the database has any table at all (an empty one is a new one)
   */
  record Schema(SQLiteDataSource source, BigInteger version, String unreadable, boolean hasRuns,
      boolean tables) {

    /** Whether the version is exactly {@code v}. */
    boolean versionIs(long v) {
      return unreadable == null && version.equals(BigInteger.valueOf(v));
    }

    /** The version as an int, for a schema {@link #refuseNewer} accepted. */
    int knownVersion() {
      return version.min(BigInteger.valueOf(Integer.MAX_VALUE)).intValueExact();
    }
  }

  /**
   * Reads the schema version of {@code file} and whether it has a runs table, without writing.
   *
   * @throws StoreException when SQLite cannot read the file
   */
  static Schema inspect(Path file) {
    return SqliteFile.readWithoutWriting(file, source -> {
      try (Connection c = source.getConnection()) {
        return read(c, source);
      }
    });
  }

  /** Like {@link #inspect(Path)}, but {@code null} when the look fails. */
  static Schema tryInspect(Path file) {
    try {
      return inspect(file);
    } catch (StoreException e) {
      return null;
    }
  }

  /** The schema as seen through {@code c}, inside its transaction if one is open. */
  static Schema read(Connection c, SQLiteDataSource source) throws SQLException {
    try (Statement s = c.createStatement()) {
      boolean history = false;
      boolean runs = false;
      boolean tables = false;
      try (ResultSet rs = s.executeQuery("select name from sqlite_master where type = 'table'")) {
        while (rs.next()) {
          String name = rs.getString(1);
          tables = true;
          history |= name.equals(FLYWAY_HISTORY);
          runs |= name.equals("runs");
        }
      }
      // Versions are read exactly: user_version is a signed 32-bit number (a value written
      // above 2^31 - 1 reads back negative), Flyway's version a text such as '2.1'.
      Version found = Version.NONE;
      try (ResultSet rs = s.executeQuery("pragma user_version")) {
        found = found.and(Long.toString(rs.next() ? rs.getLong(1) : 0));
      }
      if (history) {
        found = withHistory(s, found);
      }
      return new Schema(source, found.number(), found.unreadable(), runs, tables);
    }
  }

  /** A version read exactly, and the first version text found that is not a plain number. */
  record Version(BigInteger number, String unreadable) {

    static final Version NONE = new Version(BigInteger.ZERO, null);

    /** This and {@code text}: the higher plain version, and the first unreadable text. */
    Version and(String text) {
      if (PLAIN_VERSION.matcher(text).matches()) {
        return new Version(number.max(new BigInteger(text)), unreadable);
      }
      return unreadable == null ? new Version(number, text) : this;
    }
  }

  /**
   * {@code found} and the versions of the successful rows of Flyway's history, read through
   * {@code s}; shared by SQLite and PostgreSQL.
   */
  static Version withHistory(Statement s, Version found) throws SQLException {
    Version out = found;
    try (ResultSet rs = s.executeQuery("select version from " + FLYWAY_HISTORY
        + " where success = true and version is not null")) {
      while (rs.next()) {
        out = out.and(rs.getString(1));
      }
    }
    return out;
  }

  /**
   * Records {@code script}, applied since {@code startNanos}, in Flyway's history table,
   * creating the table first if needed, as Flyway would have; shared by SQLite and PostgreSQL.
   * {@code installed_on} is the time now as text on SQLite, the server's default on PostgreSQL.
   */
  static void recordApplied(Connection c, Dialect dialect, MigrationScripts.Script script,
      String sql, long startNanos) throws SQLException {
    boolean sqlite = dialect == Dialect.SQLITE;
    try (Statement s = c.createStatement()) {
      s.execute("create table if not exists " + FLYWAY_HISTORY + " ("
          + "installed_rank integer not null primary key, version varchar(50), "
          + "description varchar(200) not null, type varchar(20) not null, "
          + "script varchar(1000) not null, checksum integer, installed_by varchar(100) not null, "
          + (sqlite ? "installed_on text not null default (strftime('%Y-%m-%d %H:%M:%f', 'now')), "
              : "installed_on timestamp not null default now(), ")
          + "execution_time integer not null, success boolean not null)");
    }
    try (PreparedStatement row = c.prepareStatement("insert into " + FLYWAY_HISTORY
        + " (installed_rank, version, description, type, script, checksum, installed_by, "
        + (sqlite ? "installed_on, " : "") + "execution_time, success) values ("
        + "(select coalesce(max(installed_rank), 0) + 1 from " + FLYWAY_HISTORY
        + "), ?, ?, 'SQL', ?, ?, 'trialbase', " + (sqlite ? "?, " : "") + "?, ?)")) {
      int i = 0;
      row.setString(++i, Integer.toString(script.version()));
      row.setString(++i, script.description());
      row.setString(++i, script.fileName());
      row.setInt(++i, Migrations.checksum(sql));
      if (sqlite) {
        row.setString(++i, Instant.now().toString());
      }
      row.setLong(++i, (System.nanoTime() - startNanos) / 1_000_000);
      row.setBoolean(++i, true);
      row.executeUpdate();
    }
  }

  /** Refuses {@code file} when its schema is newer than any this build knows. */
  static void refuseNewer(Path file, Schema schema) {
    refuseNewer(file.toString(), schema.version(), schema.unreadable(), newestKnown());
  }

  /**
   * Refuses the database named {@code where} when its schema {@code version} is newer than
   * {@code known}, or is not a plain number ({@code unreadable}, else {@code null}); a
   * {@code known} of 0 turns the check off. Shared by SQLite and PostgreSQL.
   */
  static void refuseNewer(String where, BigInteger version, String unreadable, int known) {
    if (unreadable != null) {
      throw new StoreException(where + ": has schema version '" + unreadable
          + "', which is not a version Trialbase writes; give another --db file or upgrade "
          + "Trialbase");
    }
    if (known > 0 && version.compareTo(BigInteger.valueOf(known)) > 0) {
      throw new StoreException(where + ": was written by a newer Trialbase (schema version "
          + version + "; this one knows up to " + known + "); upgrade Trialbase");
    }
  }

  /**
   * The newest schema version this build can migrate to: the highest {@code N} of the
   * {@code db/migration/VN__*.sql} resources next to this class. 0 when none can be listed
   * (an unusual packaging), which turns the newer-schema check off.
   */
  static int newestKnown() {
    return MigrationScripts.newest();
  }
}
