package dev.trialbase.engine.worker;

import dev.trialbase.api.ParamSet;
import dev.trialbase.engine.FoldCheck;
import dev.trialbase.engine.TrialRunner;
import dev.trialbase.spec.LoadedSpec;
import dev.trialbase.store.TrialRecord;
import dev.trialbase.store.TrialStatus;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Evaluates trials in worker processes, one per parallel trial, each holding the prepared run
 * (plugins loaded, data read, folds made) from its start. A trial past its timeout is stopped by
 * killing its worker; a worker that dies ({@code System.exit}, {@code Runtime.halt}, a crash)
 * fails only its trial, with the reason stored. Either way a fresh worker takes its place.
 */
public final class WorkerPool implements TrialRunner {

  private final List<String> command;
  private final WorkerSetup setup;
  private final Double timeoutSeconds;
  private final List<String> metrics;
  private final LinkedBlockingQueue<WorkerProcess> idle = new LinkedBlockingQueue<>();
  private final Set<WorkerProcess> live = ConcurrentHashMap.newKeySet();
  private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "trial-timeout");
    t.setDaemon(true);
    return t;
  });
  private volatile boolean closed;

  private WorkerPool(WorkerSetup setup, Double timeoutSeconds, List<String> metrics) {
    this.command = WorkerCommand.current();
    this.setup = setup;
    this.timeoutSeconds = timeoutSeconds;
    this.metrics = metrics;
  }

  /**
   * Starts {@code size} workers for {@code spec} (prepared with the plugins in
   * {@code pluginRoots}) and waits until each has prepared the run.
   *
   * @param metrics the run's metric ids, for the records of trials whose worker died
   * @throws IllegalStateException when a worker cannot be started or cannot prepare the run
   */
  public static WorkerPool start(int size, LoadedSpec spec, List<Path> pluginRoots,
      Double timeoutSeconds, List<String> metrics) {
    WorkerPool pool = new WorkerPool(WorkerSetup.of(spec, pluginRoots), timeoutSeconds, metrics);
    try {
      List<WorkerProcess> started = new ArrayList<>();
      for (int i = 0; i < size; i++) {
        started.add(pool.launch());
      }
      for (WorkerProcess worker : started) {
        worker.awaitReady();
        pool.idle.add(worker);
      }
      return pool;
    } catch (IOException | RuntimeException e) {
      pool.close();
      throw new IllegalStateException("cannot start the worker processes: " + e.getMessage(), e);
    }
  }

  private WorkerProcess launch() throws IOException {
    WorkerProcess worker = WorkerProcess.start(command, setup);
    live.add(worker);
    return worker;
  }

  @Override
  public TrialRecord run(long number, ParamSet params, FoldCheck check)
      throws InterruptedException {
    WorkerProcess worker = idle.take();
    Instant start = Instant.now();
    ScheduledFuture<?> deadline = timeoutSeconds == null ? null
        : timer.schedule(worker::kill, (long) (timeoutSeconds * 1000), TimeUnit.MILLISECONDS);
    try {
      TrialRecord record = worker.evaluate(number, params, check);
      if (deadline == null || deadline.cancel(false)) {
        idle.add(worker);
        return record;
      }
      // The deadline passed just as the record arrived: keep the record, replace the worker.
      return replaced(worker, record);
    } catch (IOException | UncheckedIOException died) {
      if (deadline != null) {
        deadline.cancel(false);
      }
      if (closed) {
        throw new InterruptedException("the run ended");
      }
      TrialRecord record = worker.killed() ? timedOut(number, params, start)
          : failed(number, params, start, TrialStatus.FAILED, new WorkerExitedException(
              "the worker process exited"
                  + worker.exitCode().map(code -> " with code " + code).orElse("")
                  + " during the trial (the plugin ended its JVM: System.exit, Runtime.halt or"
                  + " a crash); a new worker took its place"));
      return replaced(worker, record);
    }
  }

  /** Kills {@code worker} if need be, starts a fresh one in its place, and returns {@code record}. */
  private TrialRecord replaced(WorkerProcess worker, TrialRecord record)
      throws InterruptedException {
    worker.kill();
    live.remove(worker);
    try {
      WorkerProcess fresh = launch();
      fresh.awaitReady();
      idle.add(fresh);
    } catch (IOException e) {
      if (closed) {
        throw new InterruptedException("the run ended");
      }
      throw new IllegalStateException("cannot start a worker process in place of one that "
          + "ended: " + e.getMessage(), e);
    }
    return record;
  }

  private TrialRecord timedOut(long number, ParamSet params, Instant start) {
    return failed(number, params, start, TrialStatus.TIMEOUT, new TimeoutException(
        "trial took longer than trialTimeoutSeconds = " + timeoutSeconds
            + " s; its worker process was killed"));
  }

  private TrialRecord failed(long number, ParamSet params, Instant start, TrialStatus status,
      Throwable error) {
    return TrialRecord.failed(number, status, params, start, metrics, error);
  }

  /** Kills every worker at once: for the run's end, and for an abort. */
  @Override
  public void close() {
    closed = true;
    timer.shutdownNow();
    live.forEach(WorkerProcess::kill);
  }

  /** A worker process ended during a trial: the reason a trial's record gives. */
  static final class WorkerExitedException extends Exception {
    private static final long serialVersionUID = 1L;

    WorkerExitedException(String message) {
      super(message);
    }
  }
}
