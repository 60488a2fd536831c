package dev.trialbase.cli;

import dev.trialbase.engine.RunListener;
import dev.trialbase.store.TrialRecord;
import dev.trialbase.store.TrialStatus;
import java.io.PrintWriter;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * The progress display of {@code trialbase run}: a bar on a terminal; on anything else (a pipe,
 * a CI log) one line when the run starts, so logs stay readable.
 */
abstract class Progress implements RunListener, AutoCloseable {

  static Progress create(boolean wanted, PrintWriter err) {
    return wanted && System.console() != null ? new Bar() : new Quiet(err);
  }

  @Override
  public void close() {
  }

  /** A progress bar with the failed count and the best score so far. */
  private static final class Bar extends Progress {
    private ProgressBar bar;
    private long failed;

    @Override
    public void started(long runId, long plannedTrials) {
      bar = new ProgressBarBuilder().setTaskName("run " + runId)
          .setInitialMax(plannedTrials == Long.MAX_VALUE ? -1 : plannedTrials)
          .setStyle(ProgressBarStyle.ASCII)
          .setUpdateIntervalMillis(100)
          .continuousUpdate()
          .build();
    }

    @Override
    public void trialFinished(TrialRecord trial, double best) {
      if (trial.status() != TrialStatus.COMPLETE) {
        failed++;
      }
      bar.step();
      bar.setExtraMessage(" failed " + failed + (Double.isNaN(best) ? ""
          : "  best " + Output.cell(best)));
    }

    @Override
    public void refitting() {
      bar.setExtraMessage(" refitting the best parameters");
    }

    @Override
    public void close() {
      if (bar != null) {
        bar.close();
      }
    }
  }

  /** One line on start; nothing per trial. */
  private static final class Quiet extends Progress {
    private final PrintWriter err;

    Quiet(PrintWriter err) {
      this.err = err;
    }

    @Override
    public void started(long runId, long plannedTrials) {
      err.println("run " + runId + ": "
          + (plannedTrials == Long.MAX_VALUE ? "" : "up to " + plannedTrials + " ") + "trials");
      err.flush();
    }
  }
}
