package dev.trialbase.store;

import dev.trialbase.spec.Messages;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Arrays;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * Checks on a database file itself, made before SQLite touches it: where it is, whether
 * its first bytes say SQLite, and which side files ({@code -wal}, {@code -shm},
 * {@code -journal}) lie next to it. Also reads a file without writing anything, falling back to
 * SQLite's {@code immutable=1} when the side files of a database in use cannot be made. Kept
 * apart so that what {@link Database} refuses up front, and why a look never writes, is in
 * one place.
 */
final class SqliteFile {

  /** The first 16 bytes of every SQLite 3 database file. */
  private static final byte[] SQLITE_HEADER =
      "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);

  private SqliteFile() {
  }

  /** Something read from a database through a data source. */
  @FunctionalInterface
  interface Reader<T> {
    T read(SQLiteDataSource source) throws SQLException;
  }

  /**
   * Files up to this size get SQLite's {@code pragma quick_check} before they are written to.
   * It reads every page: measured 3.4 s on a 487 MB Trialbase database (a million trials),
   * about 7 ms per MB, so 64 MB costs about 0.45 s. Larger files get only the header checks.
   */
  static final long QUICK_CHECK_MAX_BYTES = 64L << 20;

  /**
   * Refuses to let anything write into a damaged {@code file}. Up to
   * {@link #QUICK_CHECK_MAX_BYTES}, SQLite's {@code quick_check} (every page's b-tree
   * structure, no index-to-table cross check); above, only what costs nothing: the page count
   * in the header must match the file's length (when no write-ahead log holds newer pages)
   * and the free-list must fit in it. Reads without writing. A problem is confirmed by a
   * second look: a file no process had open is read as immutable, and a writer that starts
   * meanwhile could make the first look see pages mid-change.
   */
  static void refuseDamaged(Path file) {
    try {
      checkSound(file);
    } catch (StoreException first) {
      checkSound(file);
    }
  }

  private static void checkSound(Path file) {
    long bytes;
    try {
      bytes = Files.size(file);
    } catch (IOException e) {
      throw new StoreException(file + ": cannot read: " + e.getMessage(), e);
    }
    boolean inUse = Files.exists(sideFile(file, "-wal"));
    String problem = readWithoutWriting(file, source -> {
      try (var c = source.getConnection(); var s = c.createStatement()) {
        if (bytes <= QUICK_CHECK_MAX_BYTES) {
          try (var rs = s.executeQuery("pragma quick_check(1)")) {
            String result = rs.next() ? rs.getString(1) : "ok";
            return "ok".equals(result) ? null : "SQLite's quick_check: "
                + Messages.firstLine(result);
          }
        }
        long pages = longPragma(s, "page_count");
        long pageSize = longPragma(s, "page_size");
        long free = longPragma(s, "freelist_count");
        if (free > pages || (!inUse && pages * pageSize != bytes)) {
          return "its header counts " + pages + " pages of " + pageSize + " bytes ("
              + free + " free) in a file of " + bytes + " bytes";
        }
        return null;
      }
    });
    if (problem != null) {
      throw new StoreException(file + ": the database file is damaged (" + problem
          + "); nothing was written to it: restore it from a backup, or recover what is "
          + "readable with sqlite3's .recover");
    }
  }

  private static long longPragma(java.sql.Statement s, String pragma) throws SQLException {
    try (var rs = s.executeQuery("pragma " + pragma)) {
      return rs.next() ? rs.getLong(1) : 0;
    }
  }

  /**
   * Removes {@code file}, which this process created, after creating its schema failed
   * (a full disk): an empty file, or one with no table, is ours and holds nothing. A file
   * with tables (another process created the schema meanwhile) is kept.
   */
  static void removeFailedCreation(Path file, StoreException failure) {
    SQLException sql = SqliteErrors.sqlCause(failure);
    if (sql == null || !SqliteErrors.permanent(sql)) {
      return; // a lost race or a lock: another process may be creating it right now
    }
    try {
      boolean empty = !Files.exists(file) || Files.size(file) == 0;
      if (!empty) {
        SchemaVersion.Schema schema = SchemaVersion.tryInspect(file);
        empty = schema != null && !schema.tables();
      }
      if (empty) {
        for (String suffix : new String[] {"-wal", "-shm", "-journal", ""}) {
          Files.deleteIfExists(suffix.isEmpty() ? file : sideFile(file, suffix));
        }
      }
    } catch (IOException | StoreException e) {
      failure.addSuppressed(e);
    }
  }

  /** Refuses a {@code file} that cannot be opened for writing: a directory, or no directory. */
  static void requireCreatable(Path file) {
    refuseDirectory(file);
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null && Files.exists(parent) && !Files.isDirectory(parent)) {
      throw new StoreException(file + ": " + parent + " is a file, not a directory");
    }
    if (parent != null && !Files.isDirectory(parent)) {
      throw new StoreException(file + ": its directory " + parent + " does not exist");
    }
  }

  /** Refuses a {@code file} that is not an existing SQLite database with some content. */
  static void requireExisting(Path file) {
    refuseDirectory(file);
    if (!Files.isRegularFile(file)) {
      throw new StoreException(file + ": no such database; run a spec first or pass --db");
    }
    if (!hasContent(file)) {
      throw new StoreException(file + ": is empty, not a Trialbase database yet; "
          + "'trialbase run SPEC --db " + file + "' stores runs in it");
    }
  }

  private static void refuseDirectory(Path file) {
    if (Files.isDirectory(file)) {
      throw new StoreException(file + ": is a directory; --db takes a database file");
    }
  }

  /**
   * Whether {@code file} exists with some content, after checking that the content is an
   * SQLite database. An absent or empty file is one SQLite will create.
   */
  static boolean hasContent(Path file) {
    if (!Files.exists(file)) {
      return false;
    }
    byte[] head = new byte[SQLITE_HEADER.length];
    int read = 0;
    try (InputStream in = Files.newInputStream(file)) {
      for (int n; read < head.length && (n = in.read(head, read, head.length - read)) > 0; ) {
        read += n;
      }
    } catch (IOException e) {
      throw new StoreException(file + ": cannot read: " + e.getMessage(), e);
    }
    if (read == 0) {
      return false;
    }
    if (read < head.length || !Arrays.equals(head, SQLITE_HEADER)) {
      throw new StoreException(file + ": is not an SQLite database (it does not start with "
          + "\"SQLite format 3\"); give another --db file");
    }
    return true;
  }

  /**
   * Reads {@code file} without writing to it. A file with no side files is read as immutable
   * (nothing created); otherwise through its side files, and if those cannot be made (a
   * read-only directory) as immutable when the -wal file holds nothing.
   *
   * @throws StoreException saying in one line what SQLite found wrong
   */
  static <T> T readWithoutWriting(Path file, Reader<T> reader) {
    boolean inUse = Files.exists(sideFile(file, "-wal")) || Files.exists(sideFile(file, "-shm"))
        || Files.exists(sideFile(file, "-journal"));
    SQLiteDataSource source = inUse ? Database.dataSource(file, true) : immutableSource(file);
    try {
      return reader.read(source);
    } catch (SQLException e) {
      if (inUse && SqliteErrors.cannotMakeSideFiles(e) && walIsEmpty(file)) {
        SQLiteDataSource immutable = immutableSource(file);
        try {
          return reader.read(immutable);
        } catch (SQLException again) {
          throw SqliteErrors.failure(file, again);
        }
      }
      throw SqliteErrors.failure(file, e);
    }
  }

  private static boolean walIsEmpty(Path file) {
    Path wal = sideFile(file, "-wal");
    try {
      return !Files.exists(wal) || Files.size(wal) == 0;
    } catch (IOException e) {
      return false;
    }
  }

  private static Path sideFile(Path file, String suffix) {
    return file.resolveSibling(file.getFileName() + suffix);
  }

  /**
   * A read-only source that opens {@code file} with SQLite's {@code immutable=1}: no locks,
   * no side files, nothing written. Right for a database no process has open; a writer that
   * starts while it reads could make a query fail, never the database.
   */
  private static SQLiteDataSource immutableSource(Path file) {
    SQLiteConfig config = new SQLiteConfig();
    config.setReadOnly(true);
    config.enforceForeignKeys(true);
    SQLiteDataSource source = new SQLiteDataSource(config);
    // A file: URI, percent-encoded, so spaces, '?' and '#' in the path are safe.
    source.setUrl("jdbc:sqlite:file:" + file.toAbsolutePath().toUri().getRawPath()
        + "?immutable=1");
    return source;
  }
}
