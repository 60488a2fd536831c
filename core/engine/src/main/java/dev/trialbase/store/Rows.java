package dev.trialbase.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A query's rows through plain JDBC, its values bound by position: the little that the short
 * reads of {@link RunQueries} and the trial filter need, in place of JDBI on their path (see
 * {@link Database#read}).
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

  /** {@code "?, ?, ?"}: {@code n} placeholders for the values of an {@code in (...)} list. */
  public static String placeholders(int n) {
    return String.join(", ", Collections.nCopies(n, "?"));
  }
}
