package dev.trialbase.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** What the CLI's tests read back from a real database file with plain JDBC. */
public final class StoredRows {

  private StoredRows() {
  }

  /** The first column of {@code sql}'s first row, as a number (0 when no row). */
  public static long count(Path db, String sql) throws SQLException {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      return rs.next() ? rs.getLong(1) : 0;
    }
  }

  /**
   * {@link #count} of a database another process is creating or writing: 0 until the file
   * and its tables exist, waiting up to 5 s for the writer's transaction.
   */
  static long countSoFar(Path db, String sql) {
    if (!Files.exists(db)) {
      return 0;
    }
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
        Statement s = c.createStatement()) {
      s.execute("pragma busy_timeout = 5000");
      try (ResultSet rs = s.executeQuery(sql)) {
        return rs.next() ? rs.getLong(1) : 0;
      }
    } catch (SQLException notYetCreated) {
      return 0;
    }
  }

  /** "number status error_class error_message" of run {@code run}'s trials, in number order. */
  public static List<String> trials(Path db, long run) throws SQLException {
    List<String> out = new ArrayList<>();
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("select number, status, error_class, error_message "
            + "from trials where run_id = " + run + " order by number")) {
      while (rs.next()) {
        out.add(rs.getLong(1) + " " + rs.getString(2) + " " + rs.getString(3) + " "
            + rs.getString(4));
      }
    }
    return out;
  }
}
