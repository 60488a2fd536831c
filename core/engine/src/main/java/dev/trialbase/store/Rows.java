package dev.trialbase.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Statements through plain JDBC, their values bound by position: a query's rows, or an
 * update's count. The little that the store's reads and writes need in place of JDBI on the
 * paths users time (see {@link Database}).
 */
public final class Rows {

  private Rows() {
  }

  /** Reads one row from the row {@code rs} stands on. */
  @FunctionalInterface
  public interface Reader<T> {
    T read(ResultSet rs) throws SQLException;
  }

  /**
   * Every row of {@code sql} read by {@code row}, with {@code values} bound to its {@code ?}
   * in order ({@link PreparedStatement#setObject}: Long, Integer, Double and String as such).
   */
  public static <T> List<T> list(Connection c, String sql, Reader<T> row, List<?> values)
      throws SQLException {
    try (PreparedStatement statement = c.prepareStatement(sql)) {
      for (int i = 0; i < values.size(); i++) {
        statement.setObject(i + 1, values.get(i));
      }
      List<T> out = new ArrayList<>();
      try (ResultSet rs = statement.executeQuery()) {
        while (rs.next()) {
          out.add(row.read(rs));
        }
      }
      return out;
    }
  }

  /** Executes {@code sql} with {@code values} bound in order; the number of rows changed. */
  public static int update(Connection c, String sql, Object... values) throws SQLException {
    try (PreparedStatement statement = c.prepareStatement(sql)) {
      for (int i = 0; i < values.length; i++) {
        statement.setObject(i + 1, values[i]);
      }
      return statement.executeUpdate();
    }
  }

  /** {@code "?, ?, ?"}: {@code n} placeholders for the values of an {@code in (...)} list. */
  public static String placeholders(int n) {
    return String.join(", ", Collections.nCopies(n, "?"));
  }
}
