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
    return new Database(file, Jdbi.create(source));
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
    }
    config.setBusyTimeout(BUSY_TIMEOUT_MS);
    config.enforceForeignKeys(true);
    SQLiteDataSource source = new SQLiteDataSource(config);
    source.setUrl("jdbc:sqlite:" + file.toAbsolutePath());
    return source;
  }

  private static void migrate(Path file, SQLiteDataSource source) {
    try {
      Flyway.configure(Database.class.getClassLoader())
          .dataSource(source)
          .locations("classpath:db/migration")
          .load()
          .migrate();
    } catch (FlywayException e) {
      throw new StoreException(file + ": cannot prepare the database: " + e.getMessage(), e);
    }
  }

  public Path file() {
    return file;
  }

  public Jdbi jdbi() {
    return jdbi;
  }
}
