package dev.trialbase.store;

import java.nio.file.Path;
import java.sql.SQLException;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.exception.FlywayValidateException;
import org.sqlite.SQLiteDataSource;

/**
 * Brings a database's schema to the newest version with Flyway. Several processes may open a
 * new file at once; the ones that lose the race see a half-made schema fail and retry once the
 * winner is done. Problems no wait can fix — the file cannot be opened, is read-only, is not a
 * database, a migration does not match — fail at once.
 */
final class Migrations {

  /** Where the Flyway migrations live, and what they are called: V{version}__{name}.sql. */
  static final String LOCATION = "db/migration";
  private static final int ATTEMPTS = 10;

  private Migrations() {
  }

  /** Migrates the schema of {@code file} through {@code source}, retrying lost races. */
  static void migrate(Path file, SQLiteDataSource source) {
    for (int attempt = 1; ; attempt++) {
      try {
        Flyway.configure(Database.class.getClassLoader())
            .dataSource(source)
            .locations("classpath:" + LOCATION)
            .load()
            .migrate();
        return;
      } catch (FlywayException e) {
        SQLException sql = SqliteErrors.sqlCause(e);
        if (sql != null && SqliteErrors.permanent(sql)) {
          throw SqliteErrors.failure(file, sql);
        }
        if (e instanceof FlywayValidateException || attempt >= ATTEMPTS) {
          throw new StoreException(file + ": cannot prepare the database: "
              + SqliteErrors.firstLine(e.getMessage()), e);
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
}
