package dev.trialbase.store;

import dev.trialbase.spec.Messages;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.function.Function;
import java.util.stream.Stream;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * Reads SQLite's errors: which ones waiting cannot fix, which mean side files cannot be made,
 * and what to tell the user in one line. Shared by the read-only look at a file and by the
 * migration, so that both report the same problem the same way.
 */
final class SqliteErrors {

  private SqliteErrors() {
  }

  /** The first {@link SQLException} in {@code e}'s chain of causes, or {@code null}. */
  static SQLException sqlCause(Throwable e) {
    for (Throwable t = e; t != null && t.getCause() != t; t = t.getCause()) {
      if (t instanceof SQLException sql) {
        return sql;
      }
    }
    return null;
  }

  private static SQLiteErrorCode code(SQLException e) {
    return e instanceof SQLiteException s ? s.getResultCode() : null;
  }

  /** Errors that waiting and retrying cannot fix (unlike SQLITE_BUSY or a schema race). */
  static boolean permanent(SQLException e) {
    SQLiteErrorCode code = code(e);
    if (code == null) {
      return false;
    }
    String name = code.name();
    return Stream.of("SQLITE_CANTOPEN", "SQLITE_NOTADB", "SQLITE_READONLY", "SQLITE_PERM",
        "SQLITE_CORRUPT", "SQLITE_FULL", "SQLITE_AUTH", "SQLITE_IOERR").anyMatch(name::startsWith);
  }

  /** Whether SQLite could not open or create what it needs next to the file. */
  static boolean cannotMakeSideFiles(SQLException e) {
    SQLiteErrorCode code = code(e);
    return code != null && (code.name().startsWith("SQLITE_READONLY")
        || code.name().startsWith("SQLITE_CANTOPEN"));
  }

  /** One line saying what is wrong with {@code file}, from SQLite's error. */
  static StoreException failure(Path file, SQLException e) {
    SQLiteErrorCode code = code(e);
    String name = code == null ? "" : code.name();
    String sqlite = e instanceof SQLiteException s && code != null
        ? code.message + " (" + name + ")" : Messages.firstLine(e.getMessage());
    String message;
    if (name.startsWith("SQLITE_CANTOPEN")) {
      Path parent = file.toAbsolutePath().getParent();
      message = (Files.exists(file) ? "cannot open the database file" : "cannot create the "
          + "database file; is " + parent + " a writable directory?") + " (SQLite: " + sqlite
          + ")";
    } else if (name.startsWith("SQLITE_NOTADB")) {
      message = "is not an SQLite database (SQLite: " + sqlite + "); give another --db file";
    } else if (name.startsWith("SQLITE_READONLY")) {
      message = "cannot write to the database: it or its directory is read-only (SQLite: "
          + sqlite + ")";
    } else if (name.startsWith("SQLITE_CORRUPT")) {
      message = "the database file is damaged (SQLite: " + sqlite + ")";
    } else if (name.startsWith("SQLITE_FULL")) {
      message = "the disk is full (SQLite: " + sqlite + ")";
    } else if (name.startsWith("SQLITE_BUSY") || name.startsWith("SQLITE_LOCKED")) {
      message = "the database is locked by another program, which held it longer than "
          + "Trialbase waits (SQLite: " + sqlite + ")";
    } else if (name.startsWith("SQLITE_IOERR")) {
      message = "reading or writing the database file failed; is the disk full, removed or "
          + "failing? (SQLite: " + sqlite + ")";
    } else if (name.startsWith("SQLITE_PERM") || name.startsWith("SQLITE_AUTH")) {
      message = "access to the database is denied (SQLite: " + sqlite + ")";
    } else {
      message = "cannot use the database (SQLite: " + sqlite + ")";
    }
    return new StoreException(file + ": " + message, e);
  }

  /** Whether {@code e} says the database file is damaged. */
  static boolean corrupt(SQLException e) {
    SQLiteErrorCode code = code(e);
    return code != null && (code.name().startsWith("SQLITE_CORRUPT")
        || code.name().startsWith("SQLITE_NOTADB"));
  }

  /**
   * {@code e} as a {@link StoreException} naming {@code file}: SQLite's error, found anywhere
   * in its causes (JDBI wraps it as "Failed to commit transaction"), read by
   * {@link #failure}; a {@link StoreException} as it is; anything else unchanged.
   */
  static RuntimeException named(Path file, RuntimeException e) {
    return named(file.toString(), e, sql -> failure(file, sql));
  }

  /**
   * {@code e} as it is when it is a {@link StoreException} already naming {@code where}, else
   * read by {@code failure} when an {@link SQLException} is among its causes, else unchanged;
   * shared with {@link PostgresErrors#named}.
   */
  static RuntimeException named(String where, RuntimeException e,
      Function<SQLException, StoreException> failure) {
    if (e instanceof StoreException store && store.getMessage() != null
        && store.getMessage().startsWith(where)) {
      return e;
    }
    SQLException sql = sqlCause(e);
    return sql == null ? e : failure.apply(sql);
  }

}
