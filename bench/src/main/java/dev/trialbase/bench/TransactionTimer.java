package dev.trialbase.bench;

import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicLong;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.transaction.TransactionHandler;
import org.jdbi.v3.core.transaction.TransactionIsolationLevel;

/**
 * Counts and times the transactions run through a {@link Jdbi}: installed on a database before
 * a run, it measures what the recorder spends storing trials (each group commit is one
 * transaction) without touching the engine.
 */
final class TransactionTimer implements TransactionHandler {

  private final TransactionHandler delegate;
  private final AtomicLong count;
  private final AtomicLong nanos;

  private TransactionTimer(TransactionHandler delegate, AtomicLong count, AtomicLong nanos) {
    this.delegate = delegate;
    this.count = count;
    this.nanos = nanos;
  }

  /** Installs a timer on {@code jdbi}: every handle opened from now on is timed. */
  static TransactionTimer install(Jdbi jdbi) {
    TransactionTimer timer = new TransactionTimer(jdbi.getTransactionHandler(), new AtomicLong(),
        new AtomicLong());
    jdbi.setTransactionHandler(timer);
    return timer;
  }

  long transactions() {
    return count.get();
  }

  double millis() {
    return nanos.get() / 1e6;
  }

  @Override
  public TransactionHandler specialize(Handle handle) throws SQLException {
    return new TransactionTimer(delegate.specialize(handle), count, nanos);
  }

  @Override
  public <R, X extends Exception> R inTransaction(Handle handle, HandleCallback<R, X> callback)
      throws X {
    long start = System.nanoTime();
    try {
      return delegate.inTransaction(handle, callback);
    } finally {
      nanos.addAndGet(System.nanoTime() - start);
      count.incrementAndGet();
    }
  }

  @Override
  public <R, X extends Exception> R inTransaction(Handle handle, TransactionIsolationLevel level,
      HandleCallback<R, X> callback) throws X {
    long start = System.nanoTime();
    try {
      return delegate.inTransaction(handle, level, callback);
    } finally {
      nanos.addAndGet(System.nanoTime() - start);
      count.incrementAndGet();
    }
  }

  @Override
  public void begin(Handle handle) {
    delegate.begin(handle);
  }

  @Override
  public void commit(Handle handle) {
    delegate.commit(handle);
  }

  @Override
  public void rollback(Handle handle) {
    delegate.rollback(handle);
  }

  @Override
  public boolean isInTransaction(Handle handle) {
    return delegate.isInTransaction(handle);
  }

  @Override
  public void savepoint(Handle handle, String name) {
    delegate.savepoint(handle, name);
  }

  @Override
  public void rollbackToSavepoint(Handle handle, String name) {
    delegate.rollbackToSavepoint(handle, name);
  }

  @Override
  public void releaseSavepoint(Handle handle, String name) {
    delegate.releaseSavepoint(handle, name);
  }
}
