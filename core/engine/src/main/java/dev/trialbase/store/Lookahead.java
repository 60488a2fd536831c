package dev.trialbase.store;

import org.jdbi.v3.core.JdbiException;
import org.jdbi.v3.core.result.ResultIterator;

/**
 * One open query's rows with the next row visible before it is taken: what a merge-join of
 * queries ordered by the same key needs. Database errors name the store.
 */
final class Lookahead<T> implements AutoCloseable {

  private final ResultIterator<T> rows;
  private final Database database;
  private T next;

  Lookahead(ResultIterator<T> rows, Database database) {
    this.rows = rows;
    this.database = database;
    advance();
  }

  /** The next row, not taken yet; null after the last. */
  T peek() {
    return next;
  }

  /** Takes the next row; null after the last. */
  T take() {
    T taken = next;
    advance();
    return taken;
  }

  private void advance() {
    try {
      next = rows.hasNext() ? rows.next() : null;
    } catch (JdbiException e) {
      throw database.named(e);
    }
  }

  @Override
  public void close() {
    rows.close();
  }
}
