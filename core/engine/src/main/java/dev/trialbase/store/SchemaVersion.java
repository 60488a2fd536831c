package dev.trialbase.store;

import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Enumeration;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.sqlite.SQLiteDataSource;

/**
 * Schema versions: the newest one this build has a migration for, the one an existing database
 * was migrated to, and the refusal of a database written by a newer Trialbase. Comparing the
 * two before migrating keeps an older build from touching a file it would not understand.
 */
final class SchemaVersion {

  private static final Pattern MIGRATION = Pattern.compile("V(\\d+)__[^/]*\\.sql");

  private static volatile Integer newestKnown;

  private SchemaVersion() {
  }

  /** What a look at an existing database found, and the read-only source that looked. */
  record Schema(SQLiteDataSource source, int version, boolean hasRuns) {
  }

  /**
   * Reads the schema version of {@code file} and whether it has a runs table, without writing.
   *
   * @throws StoreException when SQLite cannot read the file
   */
  static Schema inspect(Path file) {
    return SqliteFile.readWithoutWriting(file, SchemaVersion::inspect);
  }

  /** Like {@link #inspect(Path)}, but {@code null} when the look fails. */
  static Schema tryInspect(Path file) {
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

  /** Refuses {@code file} when its schema is newer than any this build knows. */
  static void refuseNewer(Path file, Schema schema) {
    int known = newestKnown();
    if (known > 0 && schema.version() > known) {
      throw new StoreException(file + ": was written by a newer Trialbase (schema version "
          + schema.version() + "; this one knows up to " + known + "); upgrade Trialbase");
    }
  }

  /**
   * The newest schema version this build can migrate to: the highest {@code N} of the
   * {@code db/migration/VN__*.sql} resources next to this class. 0 when none can be listed
   * (an unusual packaging), which turns the newer-schema check off.
   */
  static int newestKnown() {
    Integer known = newestKnown;
    if (known == null) {
      known = scanMigrations();
      newestKnown = known;
    }
    return known;
  }

  private static int scanMigrations() {
    int newest = 0;
    try {
      URL location = SchemaVersion.class.getProtectionDomain().getCodeSource().getLocation();
      newest = Math.max(newest, newestIn(Path.of(location.toURI())));
    } catch (IOException | URISyntaxException | RuntimeException unusualPackaging) {
      // Fall through to the class loader.
    }
    if (newest == 0) {
      try {
        Enumeration<URL> dirs =
            SchemaVersion.class.getClassLoader().getResources(Migrations.LOCATION);
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
    String migrations = Migrations.LOCATION;
    int newest = 0;
    if (Files.isDirectory(root)) {
      Path dir = root.resolve(migrations);
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
          if (name.startsWith(migrations + "/")) {
            newest = Math.max(newest, version(name.substring(migrations.length() + 1)));
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
}
