package dev.trialbase.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * One experiment database: an SQLite file, or a PostgreSQL database shared by several machines
 * ({@link #open(StoreLocation)}, {@link PostgresStore}; what follows is about files). Its
 * handles carry its {@link Dialect}. Opening a file for writing migrates the schema to the
 * newest version; WAL journaling, {@code synchronous=NORMAL} and a busy timeout let several
 * processes share the file while each commits one short transaction per trial.
 * Thread-safe: each caller opens its own handle from {@link #jdbi()}, or its own connection in
 * {@link #read}.
 *
 * <p>Two ways in. The run path ({@link RunRecorder}, this class's own writes) and the short
 * reads of the query commands ({@link RunQueries}, the trial filter) are plain JDBC, through
 * {@link #read} or a connection of their own: JDBI's first statement in a process costs about
 * 150 ms of class loading and set-up, more than the whole rest of {@code trialbase best} (see
 * {@code docs/benchmarks.md}, "Start-up"), as are the migrations. Only the long walks
 * ({@link TrialCursor}, {@link RunDiff}) use JDBI, made when first asked for.
 *
 * <p>Before SQLite touches a file, both ways of opening check that it is one this
 * build may use: a file that is not an SQLite database, or one whose schema was written by a
 * newer Trialbase, is refused with a {@link StoreException} and left exactly as it was.
 * {@link SqliteFile} checks the file itself, {@link SchemaVersion} its schema version, and
 * {@link Migrations} migrates it.
 */
public final class Database {

  /** How long a writer waits for another process's transaction before giving up. */
  static final int BUSY_TIMEOUT_MS = 30_000;

  private final StoreLocation location;
  private final Dialect dialect;
  private final Connector connector;
  private final int schemaVersion;
  private volatile Jdbi jdbi;

  Database(Path file, Connector connector, int schemaVersion) {
    this(StoreLocation.file(file), connector, schemaVersion);
  }

  Database(StoreLocation location, Connector connector, int schemaVersion) {
    this.location = location;
    this.dialect = location.isPostgres() ? Dialect.POSTGRESQL : Dialect.SQLITE;
    this.connector = connector;
    this.schemaVersion = schemaVersion;
  }

  /** Opens a new connection to the store, with its settings applied. */
  @FunctionalInterface
  interface Connector {
    Connection open() throws SQLException;
  }

  /** What {@link #read} does with its connection. */
  @FunctionalInterface
  public interface Read<T> {
    T apply(Connection connection) throws SQLException;
  }

  /**
   * Opens the store at {@code location} for reading and writing, creating or migrating its
   * schema: {@link #open(Path)} for a file, {@link PostgresStore#open} for a PostgreSQL URL
   * (the only path that loads the PostgreSQL driver).
   */
  public static Database open(StoreLocation location) {
    return location.isPostgres() ? PostgresStore.open(location) : open(location.file());
  }

  /** As {@link #openReadOnly(Path)}, for a file or a PostgreSQL database. */
  public static Database openReadOnly(StoreLocation location) {
    return location.isPostgres() ? PostgresStore.openReadOnly(location)
        : openReadOnly(location.file());
  }

  /**
   * Opens {@code file} for reading and writing, creating and migrating it as needed.
   *
   * @throws StoreException when the file cannot be created or opened, is not an SQLite
   *     database, is damaged ({@link SqliteFile#refuseDamaged}), or was written by a newer
   *     Trialbase; the file is then left untouched, and a file this call created and could not
   *     give a schema is removed
   */
  public static Database open(Path file) {
    return open(file, dataSource(file, false));
  }

  /** {@link #open(Path)} through {@code source}, which tests give SQLite limits. */
  static Database open(Path file, SQLiteDataSource source) {
    SqliteFile.requireCreatable(file);
    boolean created = !java.nio.file.Files.exists(file);
    boolean current = false;
    boolean existing = SqliteFile.hasContent(file);
    if (existing) {
      // Look before anything writes: no migration, no WAL switch, no side files. A look that
      // fails (another process creating the schema this instant) proves nothing: migrating
      // below retries or reports what is wrong.
      SchemaVersion.Schema schema = SchemaVersion.tryInspect(file);
      if (schema != null) {
        SchemaVersion.refuseNewer(file, schema);
        Migrations.refuseForeign(file, schema);
        SqliteFile.refuseDamaged(file);
        current = schema.hasRuns() && SchemaVersion.newestKnown() > 0
            && schema.versionIs(SchemaVersion.newestKnown());
      }
    }
    if (current) {
      // Migrating checks the same under the write lock; a current schema needs only this.
      requireWritable(file, source);
    } else {
      try {
        Migrations.migrate(file, source);
      } catch (StoreException e) {
        if (created) {
          SqliteFile.removeFailedCreation(file, e);
        }
        throw e;
      }
    }
    Database database = new Database(file, source::getConnection, SchemaVersion.newestKnown());
    if (existing) {
      // A file that was new a moment ago holds no run whose process could have died.
      database.markAbandonedRuns();
    }
    return database;
  }

  /**
   * Takes and releases the write lock once, so that a file or folder SQLite cannot write
   * (read-only, full) is reported now, in one line, rather than at the first trial.
   */
  private static void requireWritable(Path file, SQLiteDataSource source) {
    try (java.sql.Connection c = source.getConnection();
        java.sql.Statement s = c.createStatement()) {
      c.setAutoCommit(false);
      s.execute("insert into experiments (name, created_at) select 'x', 'x' where 0");
      c.rollback();
    } catch (java.sql.SQLException e) {
      throw SqliteErrors.failure(file, e);
    }
  }

  /**
   * Opens an existing {@code file} read-only, without migrating; for query commands. Neither
   * the file nor its {@code -wal}/{@code -shm} side files are created or written: a database
   * no process has open (no side files) is read as immutable, and one in use is read through
   * the side files its writers keep.
   *
   * @throws StoreException when the file is missing, empty, not an SQLite or not a Trialbase
   *     database, or was written by a newer Trialbase
   */
  public static Database openReadOnly(Path file) {
    SqliteFile.requireExisting(file);
    SchemaVersion.Schema schema = SchemaVersion.inspect(file);
    SchemaVersion.refuseNewer(file, schema);
    if (!schema.tables()) {
      // A writer creates the whole schema in one transaction; until it commits, readers see
      // an SQLite file without a table.
      throw new StoreException(file + ": is being created by another Trialbase process, or "
          + "its creation failed (it has no table yet); try again in a moment");
    }
    if (!schema.hasRuns()) {
      throw new StoreException(file + ": is an SQLite database but not a Trialbase one "
          + "(it has no 'runs' table)");
    }
    return new Database(file, schema.source()::getConnection, schema.knownVersion());
  }

  /**
   * The newest schema version this build can migrate to; 0 when the migrations cannot be
   * listed, which turns the newer-schema check off. See {@link SchemaVersion#newestKnown()}.
   */
  static int newestKnownVersion() {
    return SchemaVersion.newestKnown();
  }

  /**
   * A source for {@code file} with the settings every connection shares: busy timeout and
   * foreign keys, plus WAL, {@code synchronous=NORMAL} and immediate transactions for writing.
   */
  static SQLiteDataSource dataSource(Path file, boolean readOnly) {
    SQLiteConfig config = new SQLiteConfig();
    config.setReadOnly(readOnly);
    if (!readOnly) {
      config.setJournalMode(SQLiteConfig.JournalMode.WAL);
      config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
      // Take the write lock when a transaction begins, so the busy timeout applies to it and a
      // reader never has to upgrade (which SQLite would refuse at once with SQLITE_BUSY).
      config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
    }
    config.setBusyTimeout(BUSY_TIMEOUT_MS);
    config.enforceForeignKeys(true);
    SQLiteDataSource source = new SQLiteDataSource(config);
    source.setUrl("jdbc:sqlite:" + file.toAbsolutePath());
    return source;
  }

  /** Marks runs whose process is gone as interrupted, keeping every trial they committed. */
  void markAbandonedRuns() {
    read(c -> {
      List<RunningRun> running = Rows.list(c,
          "select id, host, pid, heartbeat_at from runs where status = 'running'", rs -> {
            long pid = rs.getLong("pid");
            return new RunningRun(rs.getLong("id"), rs.getString("host"),
                rs.wasNull() ? null : pid, rs.getString("heartbeat_at"));
          }, List.of());
      for (RunningRun r : running) {
        if (Liveness.abandoned(r.host(), r.pid(), r.heartbeatAt())) {
          Rows.update(c, """
              update runs set status = 'interrupted', ended_at = heartbeat_at,
                error = 'its process ended before the run did; trialbase resume ' || id
                  || ' runs the missing trials'
              where id = ? and status = 'running'
              """, r.id());
        }
      }
      return null;
    });
  }

  /** How long an abort waits for another connection's transaction to end. */
  static final int ABORT_WAIT_MS = 1_000;

  /**
   * Stores run {@code runId} as interrupted at once, from any thread, for an abort (a second
   * Ctrl-C) that ends the process next: the trials already committed stay, those in flight are
   * never stored. Waits at most {@value #ABORT_WAIT_MS} ms for a transaction under way; if that
   * is not enough, the run stays {@code running} until the next open sees its process gone and
   * marks it interrupted, as after a crash.
   *
   * @return whether the run was marked
   */
  public boolean markAborted(long runId) {
    try (Connection c = connect(); java.sql.Statement wait = c.createStatement()) {
      wait.execute(dialect.lockWait(ABORT_WAIT_MS));
      String now = java.time.Instant.now().toString();
      return Rows.update(c, """
          update runs set status = 'interrupted', ended_at = ?, heartbeat_at = ?,
            error = 'aborted on request; trialbase resume ' || id || ' runs the rest'
          where id = ? and status = 'running'
          """, now, now, runId) == 1;
    } catch (SQLException | RuntimeException e) {
      return false;
    }
  }

  private record RunningRun(long id, String host, Long pid, String heartbeatAt) {
  }

  /** The SQLite file; {@code null} for a PostgreSQL database (see {@link #location()}). */
  public Path file() {
    return location.file();
  }

  /** Where the store is; its {@code toString()} is the name to print. */
  public StoreLocation location() {
    return location;
  }

  /** The SQL dialect of the database. */
  public Dialect dialect() {
    return dialect;
  }

  /**
   * {@code e} as one line naming the store and saying what the database reported (the disk is
   * full, the server is gone, ...), when a database error is among its causes; else as it is.
   */
  public RuntimeException named(RuntimeException e) {
    return location.isPostgres() ? PostgresErrors.named(location, e)
        : SqliteErrors.named(location.file(), e);
  }

  /**
   * The schema version the open database has: the newest for a database opened for writing
   * (it was migrated), possibly older for one opened read-only, which queries must allow for.
   */
  public int schemaVersion() {
    return schemaVersion;
  }

  /**
   * Runs {@code read} on a connection of its own, closed after, without JDBI: for short reads
   * on the query commands' path. A database error comes back as one line naming the store
   * ({@link #named}).
   */
  public <T> T read(Read<T> read) {
    try (Connection c = connect()) {
      return read.apply(c);
    } catch (SQLException e) {
      throw failure(e);
    } catch (RuntimeException e) {
      throw named(e);
    }
  }

  /** A new connection of this store's, with its settings; the caller closes it. */
  Connection connect() throws SQLException {
    return connector.open();
  }

  /** One line naming the store and saying what the database reported in {@code e}. */
  StoreException failure(SQLException e) {
    return location.isPostgres() ? PostgresErrors.failure(location, e)
        : SqliteErrors.failure(location.file(), e);
  }

  /** Whether {@link #jdbi()} has been made, for tests that keep it off the timed paths. */
  boolean jdbiMade() {
    return jdbi != null;
  }

  /** JDBI on this store's connections, made on first use. */
  public Jdbi jdbi() {
    Jdbi made = jdbi;
    if (made == null) {
      synchronized (this) {
        made = jdbi;
        if (made == null) {
          made = Jdbi.create(connector::open);
          jdbi = made;
        }
      }
    }
    return made;
  }
}
