package dev.trialbase.engine;

import dev.trialbase.api.ParamSet;
import dev.trialbase.store.TrialRecord;
import dev.trialbase.store.TrialStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
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

/**
 * Evaluates trials on a pool of workers while the calling thread proposes, in trial-number
 * order, and records results as they finish. At most twice as many trials as workers are in
 * flight, so memory does not grow with the trial count.
 */
final class TrialScheduler implements AutoCloseable {

  /** How often a run with no finished trial updates its heartbeat. */
  static final long HEARTBEAT_SECONDS = 30;

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
   * Runs the plan's trials that are not done, in number order, until the plan's end, the
   * strategy running out, or a stop request; then waits for the trials in flight.
   */
  void runAll(TrialPlan plan) throws InterruptedException, ExecutionException {
    CompletionService<TrialRecord> done = new ExecutorCompletionService<>(workers);
    int inFlight = 0;
    long next = 0;
    boolean exhausted = false;
    while (true) {
      while (!exhausted && !plan.stopRequested() && next < plan.planned()
          && inFlight < 2 * jobs) {
        if (plan.done(next)) {
          next++;
          continue;
        }
        if (!plan.mayPropose(next)) {
          break;
        }
        Optional<ParamSet> params = plan.propose(next);
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
      Future<TrialRecord> finished = done.poll(HEARTBEAT_SECONDS, TimeUnit.SECONDS);
      if (finished == null) {
        plan.idle();
        continue;
      }
      // Group commit: whatever else has finished meanwhile shares this transaction.
      List<TrialRecord> batch = new ArrayList<>();
      for (; finished != null; finished = done.poll()) {
        batch.add(finished.get());
        inFlight--;
      }
      plan.finished(batch);
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
