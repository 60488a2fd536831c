package dev.trialbase.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a database file holds, taken without changing it, so a test can show that a refused
 * command lost nothing and wrote nothing: the row count of every table, SQLite's
 * {@code pragma integrity_check}, and the bytes and modification times of the file and of
 * its {@code -wal}, {@code -shm} and {@code -journal} side files.
 *
 * <p>The file is read with SQLite's {@code immutable=1} when no side file exists, so taking a
 * snapshot creates none; when a writer's side files exist it is read through them.
 */
record DatabaseSnapshot(Map<String, Long> rowCounts, String integrity, Map<String, String> files) {

  private static final List<String> SIDE_FILES = List.of("", "-wal", "-shm", "-journal");

  /** The snapshot of {@code db}, which must exist. */
  static DatabaseSnapshot of(Path db) {
    assertThat(db).as("the database to snapshot").isRegularFile();
    Map<String, String> files = files(db);
    boolean inUse = files.size() > 1;
    String url = inUse ? "jdbc:sqlite:" + db.toAbsolutePath()
        : "jdbc:sqlite:file:" + db.toAbsolutePath().toUri().getRawPath() + "?immutable=1";
    Map<String, Long> counts = new TreeMap<>();
    String integrity;
    try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
      List<String> tables = new ArrayList<>();
      try (ResultSet rs = s.executeQuery(
          "select name from sqlite_master where type in ('table', 'view') order by name")) {
        while (rs.next()) {
          tables.add(rs.getString(1));
        }
      }
      for (String table : tables) {
        try (ResultSet rs = s.executeQuery("select count(*) from \"" + table + "\"")) {
          rs.next();
          counts.put(table, rs.getLong(1));
        }
      }
      try (ResultSet rs = s.executeQuery("pragma integrity_check")) {
        StringBuilder sb = new StringBuilder();
        while (rs.next()) {
          sb.append(sb.length() == 0 ? "" : "; ").append(rs.getString(1));
        }
        integrity = sb.toString();
      }
    } catch (SQLException e) {
      throw new AssertionError("cannot snapshot " + db + ": " + e.getMessage(), e);
    }
    assertThat(files(db)).as("taking the snapshot changed no file").isEqualTo(files);
    return new DatabaseSnapshot(counts, integrity, files);
  }

  /** Asserts that {@code db} is exactly as in {@code before}: rows, integrity, bytes, times. */
  static void assertUnchanged(Path db, DatabaseSnapshot before) {
    DatabaseSnapshot now = of(db);
    assertThat(now.integrity()).isEqualTo("ok");
    assertThat(now.rowCounts()).as("row counts of every table").isEqualTo(before.rowCounts());
    assertThat(now.files()).as("bytes and modification times of the file and its side files")
        .isEqualTo(before.files());
  }

  /** Asserts that {@code db} keeps every row of {@code before} and is not damaged. */
  static void assertSameRows(Path db, DatabaseSnapshot before) {
    DatabaseSnapshot now = of(db);
    assertThat(now.integrity()).isEqualTo("ok");
    assertThat(now.rowCounts()).as("row counts of every table").isEqualTo(before.rowCounts());
  }

  /** The row count of a table or view (such as fold_metrics, one row per fold score). */
  long rows(String table) {
    assertThat(rowCounts()).containsKey(table);
    return rowCounts().get(table);
  }

  /** For the file and each side file that exists: "SHA-256 @ modification time". */
  static Map<String, String> files(Path db) {
    Map<String, String> files = new TreeMap<>();
    for (String suffix : SIDE_FILES) {
      Path f = db.resolveSibling(db.getFileName() + suffix);
      if (Files.exists(f)) {
        try {
          files.put(f.getFileName().toString(), sha256(Files.readAllBytes(f)) + " @ "
              + Files.getLastModifiedTime(f).toMillis());
        } catch (IOException e) {
          throw new AssertionError(e);
        }
      }
    }
    return files;
  }

  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new AssertionError(e);
    }
  }
}
