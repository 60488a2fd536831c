package dev.trialbase.store;

import org.jdbi.v3.core.Handle;

/**
 * A JDBI handle whose queries read their rows as they are taken ({@link Dialect#streamRows}):
 * what the long walks through a run, {@link TrialCursor} and {@link RunDiff}, read through.
 * Closing it ends the read transaction streaming may have begun, then the handle.
 */
final class StreamingHandle implements AutoCloseable {

  private final Handle handle;

  StreamingHandle(Database database) {
    handle = database.jdbi().open();
    try {
      database.dialect().streamRows(handle);
    } catch (RuntimeException e) {
      handle.close();
      throw e;
    }
  }

  /** The handle to make queries on; not to be closed by itself. */
  Handle handle() {
    return handle;
  }

  @Override
  public void close() {
    try (handle) {
      if (handle.isInTransaction()) {
        handle.rollback();
      }
    }
  }
}
