package dev.trialbase.spark;

import dev.trialbase.engine.ExecutorException;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.spark.api.java.JavaFutureAction;
import org.apache.spark.api.java.JavaSparkContext;

/**
 * Waits, before any run is stored, until the cluster runs a task: a cluster with no free
 * executor (or a master that never answers) would otherwise leave the run waiting for ever.
 * The wait is {@code trialbase.spark.waitSeconds} (a system property) or
 * {@code $TRIALBASE_SPARK_WAIT_SECONDS}, 60 s by default.
 */
final class ExecutorWait {

  static final int DEFAULT_SECONDS = 60;
  private static final String GROUP = "trialbase-probe";

  private ExecutorWait() {
  }

  static int seconds() {
    String value = System.getProperty("trialbase.spark.waitSeconds",
        System.getenv("TRIALBASE_SPARK_WAIT_SECONDS"));
    if (value == null || value.isBlank()) {
      return DEFAULT_SECONDS;
    }
    try {
      return Math.max(1, Integer.parseInt(value.strip()));
    } catch (NumberFormatException e) {
      throw new ExecutorException("TRIALBASE_SPARK_WAIT_SECONDS must be a whole number of "
          + "seconds, got '" + value + "'");
    }
  }

  /** Returns once a one-task job has run; throws after {@code seconds} or when Spark gives up. */
  static void untilATaskRuns(JavaSparkContext sc, String master, int seconds) {
    sc.setJobGroup(GROUP, "trialbase: waiting for an executor", true);
    JavaFutureAction<List<Integer>> probe =
        sc.parallelize(List.of(1), 1).map(x -> x).collectAsync();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    try {
      while (true) {
        try {
          probe.get(200, TimeUnit.MILLISECONDS);
          return;
        } catch (TimeoutException e) {
          if (sc.sc().isStopped()) {
            throw new ExecutorException("the Spark master " + master + " cannot be reached "
                + "(Spark gave up connecting to it)");
          }
          if (System.nanoTime() > deadline) {
            throw new ExecutorException("no Spark executor ran a task within " + seconds
                + " s of connecting to " + master + ": is the master reachable, and does the "
                + "cluster have free cores and memory? (TRIALBASE_SPARK_WAIT_SECONDS sets the "
                + "wait)");
          }
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ExecutorException("interrupted while waiting for a Spark executor", e);
    } catch (ExecutionException e) {
      throw new ExecutorException("Spark cannot run a task on " + master + ": "
          + SparkErrors.firstLine(e.getCause()), e);
    } finally {
      if (!probe.isDone()) {
        sc.cancelJobGroup(GROUP);
      }
      sc.clearJobGroup();
    }
  }
}
