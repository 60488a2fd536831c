package dev.trialbase.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * One table's multi-row inserts, {@code insert ... values (?1, ?2, ...), (?1, ?9, ...)}: the
 * run is {@code ?1} in every row, each row's other columns follow. One statement per row
 * count in {@link #ROW_COUNTS}, prepared on first use and kept. Where parameters cannot be
 * numbered (PostgreSQL's driver), every row has plain {@code ?}s and binds the run itself.
 * {@link RunRecorder} writes a group of trials' rows of each table through one {@link Writer}.
 */
final class MultiRowInsert {

  /** Rows per multi-row insert, the largest first; every count is a sum of these. */
  static final int ROWS_MAX = 64;
  static final int ROWS_MID = 16;
  static final int ROWS_FEW = 4;
  private static final int[] ROW_COUNTS = {ROWS_MAX, ROWS_MID, ROWS_FEW, 1};

  final String head;
  /** Columns per row besides the run. */
  final int columns;
  /** Whether the run is {@code ?1} once for all rows, else a parameter in every row. */
  final boolean numbered;
  final PreparedStatement[] byCount = new PreparedStatement[ROW_COUNTS.length];

  MultiRowInsert(String head, int columns, boolean numbered) {
    this.head = head;
    this.columns = columns;
    this.numbered = numbered;
  }

  PreparedStatement forRows(Connection c, int which) throws SQLException {
    PreparedStatement s = byCount[which];
    if (s == null) {
      StringBuilder sql = new StringBuilder(head).append(" values ");
      int parameter = 2;
      for (int r = 0; r < ROW_COUNTS[which]; r++) {
        sql.append(r == 0 ? "(" : ", (").append(numbered ? "?1" : "?");
        for (int k = 0; k < columns; k++) {
          if (numbered) {
            sql.append(", ?").append(parameter++);
          } else {
            sql.append(", ?");
          }
        }
        sql.append(')');
      }
      s = c.prepareStatement(sql.toString());
      byCount[which] = s;
    }
    return s;
  }

  /**
   * Writes {@code count} rows of one table as multi-row inserts: as many of the largest as fit,
   * then smaller ones for the rest (100 rows: 64 + 16 + 16 + 4). Each statement executes as
   * soon as its last row is bound.
   */
  static final class Writer {
    private final Connection connection;
    private final MultiRowInsert insert;
    private final long runId;
    private int left;
    private int size;
    private int filled;
    private PreparedStatement current;

    Writer(Connection connection, MultiRowInsert insert, long runId, int count) {
      this.connection = connection;
      this.insert = insert;
      this.runId = runId;
      this.left = count;
    }

    /** The statement to bind the next row into, from column {@link #column()}. */
    PreparedStatement next() throws SQLException {
      if (left == 0) {
        throw new IllegalStateException("more rows than announced");
      }
      executeWhenFull();
      if (current == null) {
        int which = 0;
        while (ROW_COUNTS[which] > left) {
          which++;
        }
        size = ROW_COUNTS[which];
        current = insert.forRows(connection, which);
        if (insert.numbered) {
          current.setLong(1, runId);
        }
        filled = 0;
      }
      left--;
      filled++;
      if (!insert.numbered) {
        current.setLong(column() - 1, runId);
      }
      return current;
    }

    /**
     * The first parameter of the row {@link #next()} returned, after its run: the run is
     * parameter 1 of a numbered statement, else the first of each row.
     */
    int column() {
      return insert.numbered ? 2 + (filled - 1) * insert.columns
          : 2 + (filled - 1) * (insert.columns + 1);
    }

    /** Executes the statement once its rows are all bound. */
    private void executeWhenFull() throws SQLException {
      if (current != null && filled == size) {
        PreparedStatement full = current;
        current = null;
        full.executeUpdate();
      }
    }

    void finish() throws SQLException {
      executeWhenFull();
      if (current != null || left != 0) {
        throw new IllegalStateException("fewer rows than announced");
      }
    }
  }
}
