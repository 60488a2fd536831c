package dev.trialbase.store;

import java.nio.file.Files;
import java.nio.file.Path;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.jdbi.v3.core.Jdbi;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * One experiment database file. Opening it for writing migrates the schema to the newest
 * version; WAL journaling, {@code synchronous=NORMAL} and a busy timeout let several
 * processes share the file while each commits one short transaction per trial.
 * Thread-safe: each caller opens its own handle from {@link #jdbi()}.
 */
public final class Database {

  /** How long a writer waits for another process's transaction before giving up. */
  static final int BUSY_TIMEOUT_MS = 30_000;
  private static final int MIGRATION_ATTEMPTS = 10;

  private final Path file;
  private final Jdbi jdbi;

  private Database(Path file, Jdbi jdbi) {
    this.file = file;
    this.jdbi = jdbi;
  }

  /** Opens {@code file} for reading and writing, creating and migrating it as needed. */
  public static Database open(Path file) {
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null && !Files.isDirectory(parent)) {
      throw new StoreException(file + ": its directory " + parent + " does not exist");
    }
    SQLiteDataSource source = dataSource(file, false);
    migrate(file, source);
    Database database = new Database(file, Jdbi.create(source));
    database.markAbandonedRuns();
    return database;
  }

  /** Opens an existing {@code file} read-only, without migrating; for query commands. */
  public static Database openReadOnly(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new StoreException(file + ": no such database; run a spec first or pass --db");
    }
    return new Database(file, Jdbi.create(dataSource(file, true)));
  }

  private static SQLiteDataSource dataSource(Path file, boolean readOnly) {
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

  /**
   * Migrates the schema. Several processes may open a new file at once; the ones that lose
   * the race see a half-made schema fail and retry once the winner is done.
   */
  private static void migrate(Path file, SQLiteDataSource source) {
    for (int attempt = 1; ; attempt++) {
      try {
        Flyway.configure(Database.class.getClassLoader())
            .dataSource(source)
            .locations("classpath:db/migration")
            .load()
            .migrate();
        return;
      } catch (FlywayException e) {
        if (attempt >= MIGRATION_ATTEMPTS) {
          throw new StoreException(file + ": cannot prepare the database: " + e.getMessage(), e);
        }
        sleep(50L * attempt);
      }
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StoreException("interrupted while opening the database", e);
    }
  }

  /** Marks runs whose process is gone as interrupted, keeping every trial they committed. */
  private void markAbandonedRuns() {
    jdbi.useHandle(h -> h.createQuery(
            "select id, host, pid, heartbeat_at from runs where status = 'running'")
        .map((rs, ctx) -> {
          long pid = rs.getLong("pid");
          return new RunningRun(rs.getLong("id"), rs.getString("host"),
              rs.wasNull() ? null : pid, rs.getString("heartbeat_at"));
        })
        .list()
        .stream()
        .filter(r -> Liveness.abandoned(r.host(), r.pid(), r.heartbeatAt()))
        .forEach(r -> h.createUpdate("""
                update runs set status = 'interrupted', ended_at = heartbeat_at,
                  error = 'its process ended before the run did; trialbase resume ' || id
                    || ' runs the missing trials'
                where id = :id and status = 'running'
                """)
            .bind("id", r.id())
            .execute()));
  }

  private record RunningRun(long id, String host, Long pid, String heartbeatAt) {
  }

  public Path file() {
    return file;
  }

  public Jdbi jdbi() {
    return jdbi;
  }
}
