package dev.trialbase.cli;

import dev.trialbase.engine.RunControl;
import dev.trialbase.engine.RunListener;
import dev.trialbase.engine.RunResult;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * Runs the engine the way every command that executes trials does: with the progress display,
 * and with Ctrl-C (SIGINT) or SIGTERM handled in two steps.
 *
 * <ol>
 *   <li>The first stops cleanly: no new trial starts, the trials in flight finish and are
 *       stored, the run is marked interrupted, and the command prints how to resume.</li>
 *   <li>A second one aborts: the run is stored as interrupted at once (committed trials kept,
 *       those in flight never stored) and the process ends, trials still running and all.</li>
 * </ol>
 *
 * <p>Either way the command exits with 128 + the signal's number (130 for Ctrl-C, 143 for
 * SIGTERM), the shell's convention for a process ended by a signal. The signals are handled by
 * the session itself, not by a shutdown hook, because a JVM that has begun shutting down can no
 * longer react to a second signal. Other ways the JVM may end during a run (SIGHUP, a plugin
 * calling {@code System.exit} on a trial thread) abort it through a shutdown hook, exit 1.
 */
final class RunSession {

  private static final String[] SIGNALS = {"INT", "TERM"};

  private final PrintWriter err;
  private final RunControl control = new RunControl();
  private final AtomicInteger signals = new AtomicInteger();
  private volatile int signalExitCode;
  private volatile boolean aborting;

  private RunSession(PrintWriter err) {
    this.err = err;
  }

  /** The outcome of a session: the run, and the exit code a signal calls for (0 if none came). */
  record Outcome(RunResult result, int signalExitCode) {

    /** {@code code}, unless a signal stopped the run: then 128 + the signal's number. */
    int exitCode(int code) {
      return signalExitCode != 0 ? signalExitCode : code;
    }
  }

  static Outcome run(PrintWriter err, boolean showProgress,
      BiFunction<RunListener, RunControl, RunResult> work) {
    RunSession session = new RunSession(err);
    Map<Signal, SignalHandler> previous = session.handleSignals();
    Thread onShutdown = new Thread(session::onForeignShutdown, "trialbase-stop");
    Runtime.getRuntime().addShutdownHook(onShutdown);
    try (Progress progress = Progress.create(showProgress, err)) {
      RunResult result = work.apply(progress, session.control);
      return new Outcome(result, session.signalExitCode);
    } finally {
      session.awaitHaltIfAborting();
      previous.forEach(Signal::handle);
      try {
        Runtime.getRuntime().removeShutdownHook(onShutdown);
      } catch (IllegalStateException shuttingDown) {
        // The hook is running: it returns now that the run has ended.
      }
    }
  }

  /**
   * The JVM is ending during the run for a reason other than the signals handled here: a
   * plugin called {@code System.exit} on a trial thread, or a SIGHUP. Its trials cannot finish
   * (the JVM is going), so the run is stored as interrupted at once, as an abort does, and the
   * command exits 1.
   */
  private void onForeignShutdown() {
    err.println("error: the JVM was told to exit during the run (System.exit in a plugin, or a "
        + "signal such as SIGHUP); the run is stored as interrupted and 'trialbase resume' "
        + "runs the rest; --isolation process keeps a plugin from ending the run");
    err.flush();
    control.abort();
    Runtime.getRuntime().halt(ExitCode.RUN_FAILED);
  }

  /**
   * While an abort is under way the run may end early (its workers killed under it); the
   * command must not print or exit on its own then: the abort ends the process itself.
   */
  private void awaitHaltIfAborting() {
    while (aborting) {
      try {
        Thread.sleep(1_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  /** Installs the two-step handler for each signal this platform has; returns the old ones. */
  private Map<Signal, SignalHandler> handleSignals() {
    Map<Signal, SignalHandler> previous = new LinkedHashMap<>();
    for (String name : SIGNALS) {
      try {
        Signal signal = new Signal(name);
        previous.put(signal, Signal.handle(signal, this::onSignal));
      } catch (IllegalArgumentException unavailable) {
        // No such signal here (SIGTERM on some platforms), or the JVM was started with -Xrs.
      }
    }
    return previous;
  }

  private void onSignal(Signal signal) {
    signalExitCode = 128 + signal.getNumber();
    if (signals.incrementAndGet() == 1) {
      control.requestStop();
      err.println("\nstopping: finishing the trials in flight (Ctrl-C again to abort)...");
      err.flush();
      return;
    }
    aborting = true;
    err.println("\naborting: the run is stored as interrupted; trials in flight are dropped");
    err.flush();
    control.abort();
    Runtime.getRuntime().halt(signalExitCode);
  }
}
