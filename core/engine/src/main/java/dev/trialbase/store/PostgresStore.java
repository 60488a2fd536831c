package dev.trialbase.store;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

/**
 * Opens a PostgreSQL database as a {@link Database}: the counterpart of the SQLite file checks
 * in {@link Database#open(java.nio.file.Path)}. Only this class (and what it calls) touches the
 * PostgreSQL driver, so a run into an SQLite file never loads it. Each handle is a new
 * connection, with the credentials of {@link Credentials}.
 */
final class PostgresStore {

  private PostgresStore() {
  }

  /**
   * Connects to {@code location}, migrates its schema ({@link PostgresMigrations}) and marks
   * runs whose process is gone as interrupted.
   *
   * @throws StoreException when the server cannot be reached, refuses the credentials, has no
   *     such database, or holds a schema this build does not know
   */
  static Database open(StoreLocation location) {
    Database.Connector connector = connector(location, false);
    int version = PostgresMigrations.migrate(location, connector);
    Database database = new Database(location, connector, version);
    database.markAbandonedRuns();
    return database;
  }

  /**
   * Connects to {@code location} for reading only: never migrated or written.
   *
   * @throws StoreException as {@link #open}, and when the database has no Trialbase schema
   */
  static Database openReadOnly(StoreLocation location) {
    Database.Connector connector = connector(location, true);
    PostgresMigrations.Schema schema = PostgresMigrations.inspect(location, connector);
    PostgresMigrations.refuseNewer(location, schema);
    if (!schema.hasRuns()) {
      throw new StoreException(location + ": has no Trialbase runs yet (no 'runs' table); "
          + "'trialbase run SPEC --db URL' stores runs in it");
    }
    return new Database(location, connector, schema.knownVersion());
  }

  /** New connections to {@code location}, one per call. */
  private static Database.Connector connector(StoreLocation location, boolean readOnly) {
    Properties props = Credentials.properties(location, System.getenv(), readOnly);
    return () -> connect(location, props);
  }

  private static Connection connect(StoreLocation location, Properties props)
      throws SQLException {
    Connection c = DriverManager.getConnection(location.jdbcUrl(), props);
    if (c == null) {
      throw new StoreException(location + ": the PostgreSQL driver is missing from the build");
    }
    return c;
  }
}
