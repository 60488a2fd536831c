package dev.trialbase.engine;

import dev.trialbase.api.ParamSet;
import dev.trialbase.store.TrialRecord;
import dev.trialbase.store.TrialStatus;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.LongFunction;
import java.util.function.LongPredicate;

/**
 * Evaluates trials on a pool of workers while the calling thread proposes, in trial-number
 * order, and records results as they finish. At most twice as many trials as workers are in
 * flight, so memory does not grow with the trial count.
 */
final class TrialScheduler implements AutoCloseable {

  private final int jobs;
  private final Double timeoutSeconds;
  private final TrialEvaluator evaluator;
  private final ExecutorService workers;
  private final ExecutorService watched;

  TrialScheduler(int jobs, Double timeoutSeconds, TrialEvaluator evaluator) {
    this.jobs = jobs;
    this.timeoutSeconds = timeoutSeconds;
    this.evaluator = evaluator;
    this.workers = Executors.newFixedThreadPool(jobs, daemonThreads("trial-worker"));
    this.watched = timeoutSeconds == null ? null
        : Executors.newCachedThreadPool(daemonThreads("trial-timed"));
  }

  /**
   * Runs trials 0 .. planned-1, or until {@code propose} returns empty. Trial {@code n} is
   * proposed only once {@code mayPropose.test(n)} holds; it is re-tested after every finished
   * trial. {@code onFinished} runs on the calling thread.
   */
  void runAll(long planned, LongFunction<Optional<ParamSet>> propose,
      Consumer<TrialRecord> onFinished, LongPredicate mayPropose)
      throws InterruptedException, ExecutionException {
    CompletionService<TrialRecord> done = new ExecutorCompletionService<>(workers);
    int inFlight = 0;
    long next = 0;
    boolean exhausted = false;
    while (true) {
      while (!exhausted && next < planned && inFlight < 2 * jobs && mayPropose.test(next)) {
        Optional<ParamSet> params = propose.apply(next);
        if (params.isEmpty()) {
          exhausted = true;
          break;
        }
        long number = next++;
        done.submit(() -> evaluate(number, params.get()));
        inFlight++;
      }
      if (inFlight == 0) {
        return;
      }
      TrialRecord finished = done.take().get();
      inFlight--;
      onFinished.accept(finished);
    }
  }

  private TrialRecord evaluate(long number, ParamSet params) throws InterruptedException {
    if (watched == null) {
      return evaluator.evaluate(number, params);
    }
    Instant start = Instant.now();
    Future<TrialRecord> run = watched.submit(() -> evaluator.evaluate(number, params));
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

  private static ThreadFactory daemonThreads(String name) {
    AtomicInteger count = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, name + "-" + count.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }

  @Override
  public void close() {
    workers.shutdownNow();
    if (watched != null) {
      watched.shutdownNow();
    }
  }
}
