package dev.trialbase.store;

import dev.trialbase.spec.Messages;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.zip.CRC32;
import org.sqlite.SQLiteDataSource;

/**
 * Brings a database's schema to the newest version: applies the {@link MigrationScripts} above
 * its version, in order, and records the new version, all in one {@code BEGIN IMMEDIATE}
 * transaction. SQLite's DDL is transactional, so a migration is all done or not at all, and
 * several processes opening a new file at once simply take turns: the first creates the
 * schema, the others find it current. Problems no wait can fix — the file cannot be opened, is
 * read-only, is not a database — fail at once.
 *
 * <p>Trialbase 0.1 had Flyway apply these same scripts. Flyway spent about 400 ms of a new
 * database's open preparing itself (the SQL took a few milliseconds), so the version is now
 * SQLite's {@code user_version}; a row per migration still goes into Flyway's history table,
 * which is what older Trialbase builds read to refuse a database newer than they know.
 */
final class Migrations {

  private static final int ATTEMPTS = 10;

  private Migrations() {
  }

  /** Migrates the schema of {@code file} through {@code source}, retrying lost races. */
  static void migrate(Path file, SQLiteDataSource source) {
    for (int attempt = 1; ; attempt++) {
      try (Connection c = source.getConnection()) {
        migrate(file, source, c);
        return;
      } catch (SQLException e) {
        if (SqliteErrors.permanent(e)) {
          throw SqliteErrors.failure(file, e);
        }
        if (attempt >= ATTEMPTS) {
          throw new StoreException(file + ": cannot prepare the database: "
              + Messages.firstLine(e.getMessage()), e);
        }
        sleep(50L * attempt);
      }
    }
  }

  private static void migrate(Path file, SQLiteDataSource source, Connection c)
      throws SQLException {
    // The source begins every transaction IMMEDIATE: the write lock is taken (or waited for,
    // within the busy timeout) before the version is read.
    c.setAutoCommit(false);
    try {
      SchemaVersion.Schema schema = SchemaVersion.read(c, source);
      SchemaVersion.refuseNewer(file, schema);
      refuseForeign(file, schema);
      List<MigrationScripts.Script> scripts = MigrationScripts.all();
      if (scripts.isEmpty()) {
        throw new StoreException(file + ": cannot prepare the database: this build lists no "
            + "schema migrations under " + MigrationScripts.LOCATION);
      }
      for (MigrationScripts.Script script : scripts) {
        if (script.version() > schema.knownVersion()) {
          apply(c, script);
        }
      }
      c.commit();
    } catch (SQLException | RuntimeException e) {
      c.rollback();
      throw e;
    }
  }

  /** Refuses a database with tables but no version: another program's, not to be touched. */
  static void refuseForeign(Path file, SchemaVersion.Schema schema) {
    if (schema.versionIs(0) && schema.tables()) {
      throw new StoreException(file + ": is an SQLite database but not a Trialbase one "
          + "(it has tables but no Trialbase schema version); give another --db file");
    }
  }

  /** Runs one script and records it in {@code user_version} and Flyway's history. */
  private static void apply(Connection c, MigrationScripts.Script script) throws SQLException {
    String sql = script.sql();
    long start = System.nanoTime();
    try (Statement s = c.createStatement()) {
      s.executeUpdate(sql);
      s.executeUpdate("pragma user_version = " + script.version());
    }
    SchemaVersion.recordApplied(c, Dialect.SQLITE, script, sql, start);
  }

  /** A script's checksum as Flyway records one: CRC-32 over its lines without line ends. */
  static int checksum(String sql) {
    CRC32 crc = new CRC32();
    String text = sql.startsWith("\uFEFF") ? sql.substring(1) : sql;
    for (String line : text.split("\r\n|\r|\n", -1)) {
      crc.update(line.getBytes(StandardCharsets.UTF_8));
    }
    return (int) crc.getValue();
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StoreException("interrupted while opening the database", e);
    }
  }
}
