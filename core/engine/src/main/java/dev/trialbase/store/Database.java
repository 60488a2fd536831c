package dev.trialbase.store;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.Enumeration;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.exception.FlywayValidateException;
import org.jdbi.v3.core.Jdbi;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * One experiment database file. Opening it for writing migrates the schema to the newest
 * version; WAL journaling, {@code synchronous=NORMAL} and a busy timeout let several
 * processes share the file while each commits one short transaction per trial.
 * Thread-safe: each caller opens its own handle from {@link #jdbi()}.
 *
 * <p>Before SQLite or Flyway touch a file, both ways of opening check that it is one this
 * build may use: a file that is not an SQLite database, or one whose schema was written by a
 * newer Trialbase, is refused with a {@link StoreException} and left exactly as it was.
 */
public final class Database {

  /** How long a writer waits for another process's transaction before giving up. */
  static final int BUSY_TIMEOUT_MS = 30_000;
  private static final int MIGRATION_ATTEMPTS = 10;
  /** The first 16 bytes of every SQLite 3 database file. */
  private static final byte[] SQLITE_HEADER =
      "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);
  /** Where the Flyway migrations live, and what they are called: V{version}__{name}.sql. */
  private static final String MIGRATIONS = "db/migration";
  private static final Pattern MIGRATION = Pattern.compile("V(\\d+)__[^/]*\\.sql");

  private static volatile Integer newestKnownVersion;

  private final Path file;
  private final Jdbi jdbi;

  private Database(Path file, Jdbi jdbi) {
    this.file = file;
    this.jdbi = jdbi;
  }

  /**
   * Opens {@code file} for reading and writing, creating and migrating it as needed.
   *
   * @throws StoreException when the file cannot be created or opened, is not an SQLite
   *     database, or was written by a newer Trialbase; the file is then left untouched
   */
  public static Database open(Path file) {
    if (Files.isDirectory(file)) {
      throw new StoreException(file + ": is a directory; --db takes a database file");
    }
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null && Files.exists(parent) && !Files.isDirectory(parent)) {
      throw new StoreException(file + ": " + parent + " is a file, not a directory");
    }
    if (parent != null && !Files.isDirectory(parent)) {
      throw new StoreException(file + ": its directory " + parent + " does not exist");
    }
    if (hasContent(file)) {
      // Look before anything writes: no migration, no WAL switch, no side files. A look that
      // fails (another process creating the schema this instant) proves nothing: migrating
      // below retries or reports what is wrong.
      Schema schema = tryInspect(file);
      if (schema != null) {
        refuseNewer(file, schema);
      }
    }
    SQLiteDataSource source = dataSource(file, false);
    migrate(file, source);
    Database database = new Database(file, Jdbi.create(source));
    database.markAbandonedRuns();
    return database;
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
    if (Files.isDirectory(file)) {
      throw new StoreException(file + ": is a directory; --db takes a database file");
    }
    if (!Files.isRegularFile(file)) {
      throw new StoreException(file + ": no such database; run a spec first or pass --db");
    }
    if (!hasContent(file)) {
      throw new StoreException(file + ": is empty, not a Trialbase database yet; "
          + "'trialbase run SPEC --db " + file + "' stores runs in it");
    }
    Schema schema = inspect(file);
    refuseNewer(file, schema);
    if (!schema.hasRuns()) {
      throw new StoreException(file + ": is an SQLite database but not a Trialbase one "
          + "(it has no 'runs' table)");
    }
    return new Database(file, Jdbi.create(schema.source()));
  }

  /**
   * Whether {@code file} exists with some content, after checking that the content is an
   * SQLite database. An absent or empty file is one SQLite will create.
   */
  private static boolean hasContent(Path file) {
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

  /** What a look at an existing database found, and the read-only source that looked. */
  private record Schema(SQLiteDataSource source, int version, boolean hasRuns) {
  }

  /**
   * Reads the schema version and whether there is a runs table, read-only. A file with no
   * side files is read as immutable (nothing created); otherwise through its side files,
   * and if those cannot be made (a read-only directory) as immutable when the -wal file
   * holds nothing.
   */
  private static Schema inspect(Path file) {
    boolean inUse = Files.exists(sideFile(file, "-wal")) || Files.exists(sideFile(file, "-shm"))
        || Files.exists(sideFile(file, "-journal"));
    SQLiteDataSource source = inUse ? dataSource(file, true) : immutableSource(file);
    try {
      return inspect(source);
    } catch (SQLException e) {
      if (inUse && cannotMakeSideFiles(e) && walIsEmpty(file)) {
        SQLiteDataSource immutable = immutableSource(file);
        try {
          return inspect(immutable);
        } catch (SQLException again) {
          throw failure(file, again);
        }
      }
      throw failure(file, e);
    }
  }

  private static Schema tryInspect(Path file) {
    try {
      return inspect(file);
    } catch (StoreException e) {
      return null;
    }
  }

  private static Schema inspect(SQLiteDataSource source) throws SQLException {
    try (Connection c = source.getConnection(); Statement s = c.createStatement()) {
      boolean history = false;
      boolean runs = false;
      try (ResultSet rs = s.executeQuery("select name from sqlite_master where type = 'table' "
          + "and name in ('flyway_schema_history', 'runs')")) {
        while (rs.next()) {
          history |= rs.getString(1).equals("flyway_schema_history");
          runs |= rs.getString(1).equals("runs");
        }
      }
      int version = 0;
      if (history) {
        try (ResultSet rs = s.executeQuery("select max(cast(version as integer)) "
            + "from flyway_schema_history where success = 1")) {
          version = rs.next() ? rs.getInt(1) : 0;
        }
      }
      return new Schema(source, version, runs);
    }
  }

  private static void refuseNewer(Path file, Schema schema) {
    int known = newestKnownVersion();
    if (known > 0 && schema.version() > known) {
      throw new StoreException(file + ": was written by a newer Trialbase (schema version "
          + schema.version() + "; this one knows up to " + known + "); upgrade Trialbase");
    }
  }

  private static boolean cannotMakeSideFiles(SQLException e) {
    SQLiteErrorCode code = code(e);
    return code != null && (code.name().startsWith("SQLITE_READONLY")
        || code.name().startsWith("SQLITE_CANTOPEN"));
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
   * The newest schema version this build can migrate to: the highest {@code N} of the
   * {@code db/migration/VN__*.sql} resources next to this class. 0 when none can be listed
   * (an unusual packaging), which turns the newer-schema check off.
   */
  static int newestKnownVersion() {
    Integer known = newestKnownVersion;
    if (known == null) {
      known = scanMigrations();
      newestKnownVersion = known;
    }
    return known;
  }

  private static int scanMigrations() {
    int newest = 0;
    try {
      URL location = Database.class.getProtectionDomain().getCodeSource().getLocation();
      newest = Math.max(newest, newestIn(Path.of(location.toURI())));
    } catch (IOException | URISyntaxException | RuntimeException unusualPackaging) {
      // Fall through to the class loader.
    }
    if (newest == 0) {
      try {
        Enumeration<URL> dirs = Database.class.getClassLoader().getResources(MIGRATIONS);
        while (dirs.hasMoreElements()) {
          URL url = dirs.nextElement();
          if (url.getProtocol().equals("file")) {
            newest = Math.max(newest, newestIn(Path.of(url.toURI()).getParent().getParent()));
          }
        }
      } catch (IOException | URISyntaxException | RuntimeException e) {
        // No check rather than no database.
      }
    }
    return newest;
  }

  /** The newest migration in a class folder or jar. */
  private static int newestIn(Path root) throws IOException {
    int newest = 0;
    if (Files.isDirectory(root)) {
      Path dir = root.resolve(MIGRATIONS);
      if (Files.isDirectory(dir)) {
        try (Stream<Path> files = Files.list(dir)) {
          for (Path f : (Iterable<Path>) files::iterator) {
            newest = Math.max(newest, version(f.getFileName().toString()));
          }
        }
      }
    } else if (Files.isRegularFile(root)) {
      try (JarFile jar = new JarFile(root.toFile())) {
        for (Enumeration<JarEntry> e = jar.entries(); e.hasMoreElements(); ) {
          String name = e.nextElement().getName();
          if (name.startsWith(MIGRATIONS + "/")) {
            newest = Math.max(newest, version(name.substring(MIGRATIONS.length() + 1)));
          }
        }
      }
    }
    return newest;
  }

  private static int version(String fileName) {
    Matcher m = MIGRATION.matcher(fileName);
    return m.matches() ? Integer.parseInt(m.group(1)) : 0;
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

  /**
   * Migrates the schema. Several processes may open a new file at once; the ones that lose
   * the race see a half-made schema fail and retry once the winner is done. Problems no wait
   * can fix — the file cannot be opened, is read-only, is not a database, a migration does
   * not match — fail at once.
   */
  private static void migrate(Path file, SQLiteDataSource source) {
    for (int attempt = 1; ; attempt++) {
      try {
        Flyway.configure(Database.class.getClassLoader())
            .dataSource(source)
            .locations("classpath:" + MIGRATIONS)
            .load()
            .migrate();
        return;
      } catch (FlywayException e) {
        SQLException sql = sqlCause(e);
        if (sql != null && permanent(sql)) {
          throw failure(file, sql);
        }
        if (e instanceof FlywayValidateException || attempt >= MIGRATION_ATTEMPTS) {
          throw new StoreException(file + ": cannot prepare the database: "
              + firstLine(e.getMessage()), e);
        }
        sleep(50L * attempt);
      }
    }
  }

  private static SQLException sqlCause(Throwable e) {
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
  private static boolean permanent(SQLException e) {
    SQLiteErrorCode code = code(e);
    if (code == null) {
      return false;
    }
    String name = code.name();
    return Stream.of("SQLITE_CANTOPEN", "SQLITE_NOTADB", "SQLITE_READONLY", "SQLITE_PERM",
        "SQLITE_CORRUPT", "SQLITE_FULL", "SQLITE_AUTH", "SQLITE_IOERR").anyMatch(name::startsWith);
  }

  /** One line saying what is wrong with {@code file}, from SQLite's error. */
  private static StoreException failure(Path file, SQLException e) {
    SQLiteErrorCode code = code(e);
    String name = code == null ? "" : code.name();
    String sqlite = e instanceof SQLiteException s && code != null
        ? code.message + " (" + name + ")" : firstLine(e.getMessage());
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
    } else {
      message = "cannot use the database (SQLite: " + sqlite + ")";
    }
    return new StoreException(file + ": " + message, e);
  }

  private static String firstLine(String text) {
    if (text == null) {
      return "";
    }
    int newline = text.indexOf('\n');
    return (newline < 0 ? text : text.substring(0, newline)).strip();
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
