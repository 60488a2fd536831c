package dev.trialbase.spark;

import dev.trialbase.api.ParamSet;
import dev.trialbase.engine.FoldCheck;
import dev.trialbase.engine.TrialRunner;
import dev.trialbase.engine.worker.TrialBytes;
import dev.trialbase.store.TrialRecord;
import dev.trialbase.store.TrialStatus;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.spark.api.java.JavaFutureAction;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;

/**
 * One run's trials as Spark jobs: each trial is a job of one task, submitted by the scheduler
 * thread that asked for it, so {@code --jobs} jobs run at once. A job returns once, so a trial
 * is recorded once, however often Spark retried its task on lost executors
 * ({@code spark.task.maxFailures}). A trial past {@code trialTimeoutSeconds} has its job
 * cancelled (its task thread interrupted) and is stored as timed out; a job that fails
 * (retries exhausted, the run cannot be prepared there) is stored as a failed trial with
 * Spark's reason. {@link #close} cancels every job still running. Thread-safe.
 */
final class SparkTrialRunner implements TrialRunner {

  private final JavaSparkContext sc;
  private final Broadcast<RunPayload> payload;
  private final EvaluateTrial evaluate;
  private final Double timeoutSeconds;
  private final List<String> metrics;
  private volatile boolean closed;

  SparkTrialRunner(JavaSparkContext sc, Broadcast<RunPayload> payload, Double timeoutSeconds,
      List<String> metrics) {
    this.sc = sc;
    this.payload = payload;
    this.evaluate = new EvaluateTrial(payload);
    this.timeoutSeconds = timeoutSeconds;
    this.metrics = metrics;
  }

  @Override
  public TrialRecord run(long number, ParamSet params, FoldCheck check)
      throws InterruptedException {
    if (closed) {
      throw new InterruptedException("the run ended");
    }
    Instant start = Instant.now();
    sc.setJobGroup(payload.value().runKey() + "-" + number, "trialbase trial " + number, true);
    JavaFutureAction<List<byte[]>> job;
    try {
      job = sc.parallelize(List.of(new TrialTask(number, TrialBytes.of(params))), 1)
          .map(evaluate).collectAsync();
    } finally {
      sc.clearJobGroup();
    }
    try {
      List<byte[]> result = timeoutSeconds == null ? job.get()
          : job.get((long) (timeoutSeconds * 1000), TimeUnit.MILLISECONDS);
      return TrialBytes.record(result.get(0));
    } catch (TimeoutException e) {
      job.cancel(true);
      return TrialRecord.failed(number, TrialStatus.TIMEOUT, params, start, metrics,
          new TimeoutException("trial took longer than trialTimeoutSeconds = " + timeoutSeconds
              + " s; its Spark job was cancelled"));
    } catch (InterruptedException e) {
      job.cancel(true);
      throw e;
    } catch (ExecutionException e) {
      if (closed) {
        throw new InterruptedException("the run ended");
      }
      return TrialRecord.failed(number, TrialStatus.FAILED, params, start, metrics,
          new SparkJobFailedException("the trial's Spark job failed: "
              + SparkErrors.firstLine(e.getCause())));
    }
  }

  /** Cancels the jobs still running (the run's end, Ctrl-C twice) and frees the broadcast. */
  @Override
  public void close() {
    closed = true;
    if (!sc.sc().isStopped()) {
      sc.cancelAllJobs();
      payload.destroy(false);
    }
  }

  /** A trial's Spark job failed: the reason its record gives. */
  static final class SparkJobFailedException extends Exception {
    private static final long serialVersionUID = 1L;

    SparkJobFailedException(String message) {
      super(message);
    }
  }
}
