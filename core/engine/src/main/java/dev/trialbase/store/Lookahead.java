package dev.trialbase.store;

import java.nio.file.Path;
import org.jdbi.v3.core.JdbiException;
import org.jdbi.v3.core.result.ResultIterator;

/**
 * One open query's rows with the next row visible before it is taken: what a merge-join of
 * queries ordered by the same key needs. Database errors name the file.
 */
final class Lookahead<T> implements AutoCloseable {

  private final ResultIterator<T> rows;
  private final Path file;
  private T next;

  Lookahead(ResultIterator<T> rows, Path file) {
    this.rows = rows;
    this.file = file;
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
      throw SqliteErrors.named(file, e);
    }
  }

  @Override
  public void close() {
    rows.close();
  }
}
