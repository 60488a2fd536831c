package dev.trialbase.cli;

import dev.trialbase.engine.RunControl;
import dev.trialbase.engine.RunListener;
import dev.trialbase.engine.RunResult;
import java.io.PrintWriter;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;

/**
 * Runs the engine the way every command that executes trials does: with the progress display,
 * and with Ctrl-C stopping cleanly — no new trial starts, the trials in flight finish and are
 * stored, the run is marked interrupted — before the JVM exits.
 */
final class RunSession {

  /** How long Ctrl-C waits for the trials in flight before the JVM exits anyway. */
  private static final long STOP_GRACE_SECONDS = 120;

  private RunSession() {
  }

  static RunResult run(PrintWriter err, boolean showProgress,
      BiFunction<RunListener, RunControl, RunResult> work) {
    RunControl control = new RunControl();
    CountDownLatch ended = new CountDownLatch(1);
    Thread onCtrlC = new Thread(() -> {
      control.requestStop();
      err.println("\nstopping: finishing the trials in flight (Ctrl-C again to abort)...");
      err.flush();
      try {
        ended.await(STOP_GRACE_SECONDS, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }, "trialbase-stop");
    Runtime.getRuntime().addShutdownHook(onCtrlC);
    try (Progress progress = Progress.create(showProgress, err)) {
      return work.apply(progress, control);
    } finally {
      ended.countDown();
      try {
        Runtime.getRuntime().removeShutdownHook(onCtrlC);
      } catch (IllegalStateException shuttingDown) {
        // The hook is running: it returns now that the run has ended.
      }
    }
  }
}
