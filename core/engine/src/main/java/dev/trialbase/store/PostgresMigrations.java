package dev.trialbase.store;

import java.math.BigInteger;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * Brings a PostgreSQL database's schema to the newest version, as {@link Migrations} does for
 * SQLite: the scripts of {@link MigrationScripts#POSTGRESQL_LOCATION} above the database's
 * version, in one transaction. PostgreSQL's DDL is transactional too, and a transaction-level
 * advisory lock taken first serialises processes that open a new database at once: the first
 * creates the schema, the others wait and find it current. The version is kept in Flyway's
 * history table ({@code flyway_schema_history}), as SQLite databases also keep it; a
 * database with a newer version is refused, one with tables but no version is not touched.
 * Everything happens in the connection's current schema ({@code search_path}).
 */
final class PostgresMigrations {

  /** The advisory lock key: "trialbase" in ASCII, truncated to a long. */
  private static final long LOCK_KEY = 0x747269616c626173L;

  private PostgresMigrations() {
  }

  /** What a look at the database found. */
  record Schema(BigInteger version, String unreadable, boolean hasRuns, boolean tables) {

    int knownVersion() {
      return version.min(BigInteger.valueOf(Integer.MAX_VALUE)).intValueExact();
    }
  }

  /** The newest version this build has a PostgreSQL migration for. */
  static int newestKnown() {
    return MigrationScripts.newestIn(MigrationScripts.POSTGRESQL_LOCATION);
  }

  /** Migrates {@code location}'s schema through a connection of its own; the version now. */
  static int migrate(StoreLocation location, Database.Connector connector) {
    try (Connection c = connector.open()) {
      c.setAutoCommit(false);
      try {
        try (Statement s = c.createStatement()) {
          s.execute("select pg_advisory_xact_lock(" + LOCK_KEY + ")");
        }
        Schema schema = read(c);
        refuseNewer(location, schema);
        if (schema.version().signum() == 0 && schema.tables()) {
          throw new StoreException(location + ": holds tables but no Trialbase schema "
              + "version; give Trialbase a database (or schema) of its own");
        }
        List<MigrationScripts.Script> scripts =
            MigrationScripts.allIn(MigrationScripts.POSTGRESQL_LOCATION);
        if (scripts.isEmpty()) {
          throw new StoreException(location + ": cannot prepare the database: this build "
              + "lists no schema migrations under " + MigrationScripts.POSTGRESQL_LOCATION);
        }
        int version = schema.knownVersion();
        for (MigrationScripts.Script script : scripts) {
          if (script.version() > version) {
            apply(c, script);
            version = script.version();
          }
        }
        c.commit();
        return version;
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      }
    } catch (SQLException e) {
      throw PostgresErrors.failure(location, e);
    } catch (RuntimeException e) {
      throw PostgresErrors.named(location, e);
    }
  }

  /** Reads the schema's version without writing. */
  static Schema inspect(StoreLocation location, Database.Connector connector) {
    try (Connection c = connector.open()) {
      return read(c);
    } catch (SQLException e) {
      throw PostgresErrors.failure(location, e);
    } catch (RuntimeException e) {
      throw PostgresErrors.named(location, e);
    }
  }

  /** Refuses a schema newer than this build's newest. */
  static void refuseNewer(StoreLocation location, Schema schema) {
    SchemaVersion.refuseNewer(location.toString(), schema.version(), schema.unreadable(),
        newestKnown());
  }

  private static Schema read(Connection c) throws SQLException {
    boolean history = false;
    boolean runs = false;
    boolean tables = false;
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("select table_name from information_schema.tables "
            + "where table_schema = current_schema()")) {
      while (rs.next()) {
        String name = rs.getString(1);
        tables = true;
        history |= name.equals(SchemaVersion.FLYWAY_HISTORY);
        runs |= name.equals("runs");
      }
    }
    SchemaVersion.Version found = SchemaVersion.Version.NONE;
    if (history) {
      try (Statement s = c.createStatement()) {
        found = SchemaVersion.withHistory(s, found);
      }
    }
    return new Schema(found.number(), found.unreadable(), runs, tables);
  }

  /** Runs one script and records it in Flyway's history table. */
  private static void apply(Connection c, MigrationScripts.Script script) throws SQLException {
    String sql = script.sql();
    long start = System.nanoTime();
    try (Statement s = c.createStatement()) {
      s.execute(sql);
    }
    SchemaVersion.recordApplied(c, Dialect.POSTGRESQL, script, sql, start);
  }
}
