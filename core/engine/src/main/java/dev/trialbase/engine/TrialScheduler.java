package dev.trialbase.engine;

import dev.trialbase.api.ParamSet;
import dev.trialbase.store.StoredTrial;
import dev.trialbase.store.TrialRecord;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Evaluates trials on a pool of workers while the calling thread proposes, in trial-number
 * order, and records results as they finish. Trials finished meanwhile are committed together
 * (group commit).
 *
 * <p>How many trials are in flight (submitted, not yet recorded) is bounded, so memory does not
 * grow with the trial count: two per worker, as long as trials take 10 ms or more. For faster
 * trials, so that workers keep busy while a group is committed, up to about
 * {@value #QUEUED_MILLIS_PER_JOB} ms of work per worker may wait in the queue (at most
 * {@value #MAX_IN_FLIGHT_PER_JOB} trials per worker); the bound follows the slowest of the last
 * {@value #RECENT} trials. On a stop request, trials still waiting in the queue are dropped
 * unstarted; only those already running finish and are stored.
 */
final class TrialScheduler implements AutoCloseable {

  /** How often a run with no finished trial updates its heartbeat. */
  static final long HEARTBEAT_SECONDS = 30;
  /** The most workers: keeps the in-flight window ({@code jobs} times at most 256) an int. */
  static final int MAX_JOBS = 1 << 16;
  /** Fast trials may queue up to this much work per worker. */
  static final double QUEUED_MILLIS_PER_JOB = 20;
  /** The most trials in flight per worker, however fast they are. */
  static final int MAX_IN_FLIGHT_PER_JOB = 256;
  /** How many recent trial durations set the bound. */
  static final int RECENT = 64;

  private final int jobs;
  private final TrialRunner runner;
  private final ExecutorService workers;
  private final double[] recentMillis = new double[RECENT];
  private int recentCount;
  private int recentNext;

  /** Trials run by {@code runner}, which this scheduler closes. */
  TrialScheduler(int jobs, TrialRunner runner) {
    if (jobs < 1 || jobs > MAX_JOBS) {
      runner.close();
      throw new IllegalArgumentException("jobs must be between 1 and " + MAX_JOBS + ": " + jobs);
    }
    this.jobs = jobs;
    this.runner = runner;
    this.workers = Executors.newFixedThreadPool(jobs, InProcessTrials.daemonThreads("trial-worker"));
  }

  /**
   * Runs the plan's trials that are not done, in number order, until the plan's end, the
   * strategy running out, or a stop request; then waits for the trials running.
   */
  void runAll(TrialPlan plan) throws InterruptedException, ExecutionException {
    CompletionService<StoredTrial> done = new ExecutorCompletionService<>(workers);
    Map<Future<StoredTrial>, Trial> inFlight = new HashMap<>();
    long next = 0;
    boolean exhausted = false;
    boolean stopping = false;
    while (true) {
      if (!stopping && plan.stopRequested()) {
        stopping = true;
        // Trials still queued never start; the resumed run will run them.
        inFlight.values().forEach(Trial::drop);
      }
      int limit = inFlightLimit();
      while (!exhausted && !stopping && next < plan.planned() && inFlight.size() < limit) {
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
        Trial trial = new Trial(next, params.get(), plan.foldCheck(next));
        next++;
        inFlight.put(done.submit(trial), trial);
        if (plan.stopRequested()) {
          break;
        }
      }
      if (inFlight.isEmpty()) {
        return;
      }
      Future<StoredTrial> finished = done.poll(HEARTBEAT_SECONDS, TimeUnit.SECONDS);
      if (finished == null) {
        plan.idle();
        continue;
      }
      // Group commit: whatever else has finished meanwhile shares this transaction.
      List<StoredTrial> batch = new ArrayList<>();
      for (; finished != null; finished = done.poll()) {
        inFlight.remove(finished);
        StoredTrial stored = finished.get();
        if (stored != null) {
          batch.add(stored);
          remember(stored.record().durationMs());
        }
      }
      if (!batch.isEmpty()) {
        plan.finished(batch);
      }
    }
  }

  /**
   * Two trials per worker; more for fast trials: as many as make about
   * {@link #QUEUED_MILLIS_PER_JOB} of work per worker, judged by the slowest recent trial.
   */
  int inFlightLimit() {
    double slowest = 0;
    for (int i = 0; i < recentCount; i++) {
      slowest = Math.max(slowest, recentMillis[i]);
    }
    if (recentCount == 0 || !(slowest * 2 < QUEUED_MILLIS_PER_JOB)) {
      return 2 * jobs;
    }
    double perJob = slowest > 0 ? QUEUED_MILLIS_PER_JOB / slowest : MAX_IN_FLIGHT_PER_JOB;
    return (int) Math.min(MAX_IN_FLIGHT_PER_JOB, Math.max(2, perJob)) * jobs;
  }

  private void remember(double millis) {
    recentMillis[recentNext] = Double.isNaN(millis) ? Double.MAX_VALUE : millis;
    recentNext = (recentNext + 1) % RECENT;
    recentCount = Math.min(RECENT, recentCount + 1);
  }

  /** One trial for a worker; it can be dropped until a worker starts it. */
  private final class Trial implements Callable<StoredTrial> {
    private final long number;
    private final ParamSet params;
    private final FoldCheck check;
    private final AtomicBoolean claimed = new AtomicBoolean();

    Trial(long number, ParamSet params, FoldCheck check) {
      this.number = number;
      this.params = params;
      this.check = check;
    }

    /** Keeps the trial from starting, unless a worker already started it. */
    void drop() {
      claimed.compareAndSet(false, true);
    }

    /**
     * The trial's record in its stored form, made here on the worker so that the thread that
     * stores trials only binds them; null when the trial was dropped before it started.
     */
    @Override
    public StoredTrial call() throws InterruptedException {
      return claimed.compareAndSet(false, true)
          ? StoredTrial.of(runner.run(number, params, check)) : null;
    }
  }

  @Override
  public void close() {
    workers.shutdownNow();
    runner.close();
  }
}
