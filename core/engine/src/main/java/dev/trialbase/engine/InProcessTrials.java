package dev.trialbase.engine;

import dev.trialbase.api.ParamSet;
import dev.trialbase.store.TrialRecord;
import dev.trialbase.store.TrialStatus;
import java.time.Instant;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Trials on the calling thread ({@link Isolation#THREAD}). With a timeout, each trial runs on a
 * thread of its own that is interrupted at the deadline and its trial stored as timed out; a
 * fit that ignores interrupts keeps that thread busy until it ends, which is why a timeout
 * normally gets worker processes instead.
 */
final class InProcessTrials implements TrialRunner {

  private final TrialEvaluator evaluator;
  private final Double timeoutSeconds;
  private final ExecutorService watched;

  InProcessTrials(TrialEvaluator evaluator, Double timeoutSeconds) {
    this.evaluator = evaluator;
    this.timeoutSeconds = timeoutSeconds;
    this.watched = timeoutSeconds == null ? null
        : Executors.newCachedThreadPool(daemonThreads("trial-timed"));
  }

  @Override
  public TrialRecord run(long number, ParamSet params, FoldCheck check)
      throws InterruptedException {
    if (watched == null) {
      return evaluator.evaluate(number, params, check);
    }
    Instant start = Instant.now();
    Future<TrialRecord> run = watched.submit(() -> evaluator.evaluate(number, params, check));
    try {
      return run.get((long) (timeoutSeconds * 1000), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      run.cancel(true);
      return evaluator.failed(number, params, start, TrialStatus.TIMEOUT,
          new TimeoutException("trial took longer than trialTimeoutSeconds = "
              + timeoutSeconds + " s"));
    } catch (ExecutionException e) {
      return evaluator.failed(number, params, start, TrialStatus.FAILED, e.getCause());
    }
  }

  @Override
  public void close() {
    if (watched != null) {
      watched.shutdownNow();
    }
  }

  static ThreadFactory daemonThreads(String name) {
    AtomicInteger count = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, name + "-" + count.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }
}
