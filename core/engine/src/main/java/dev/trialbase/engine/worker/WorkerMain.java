package dev.trialbase.engine.worker;

import dev.trialbase.api.ParamSet;
import dev.trialbase.engine.FoldCheck;
import dev.trialbase.engine.TrialFunction;
import dev.trialbase.plugin.PluginRegistry;
import dev.trialbase.store.TrialRecord;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.util.Optional;

/**
 * A worker process: evaluates one run's trials for the run's own JVM, which can kill it.
 *
 * <p>The protocol, over the worker's stdin and stdout: the run sends a {@link WorkerSetup};
 * the worker loads the plugins and prepares the run (reads the data, makes the folds) once
 * and answers {@link Messages#READY} or {@link Messages#SETUP_FAILED}. Then, per trial: the
 * run sends {@link Messages#TRIAL} (number, parameters, whether a pruner decides folds); with a
 * pruner, after each fold but the last the worker sends
 * {@link Messages#FOLD_DONE} with the objective's scores so far and the run answers
 * {@link Messages#GO_ON} or {@link Messages#PRUNE} (its pruner decides, as in-process); the
 * worker ends with {@link Messages#RECORD}. The worker exits when its stdin closes, and ends
 * itself at once when the run's process is gone.
 *
 * <p>What plugins print goes to stderr: stdout carries the protocol alone.
 */
public final class WorkerMain {

  private WorkerMain() {
  }

  public static void main(String[] args) throws IOException {
    DataOutputStream out = new DataOutputStream(new BufferedOutputStream(
        new FileOutputStream(FileDescriptor.out)));
    System.setOut(new PrintStream(new FileOutputStream(FileDescriptor.err), true));
    DataInputStream in = new DataInputStream(new BufferedInputStream(
        new FileInputStream(FileDescriptor.in)));
    ProcessHandle.current().parent()
        .ifPresent(run -> run.onExit().thenRun(() -> Runtime.getRuntime().halt(3)));
    TrialFunction trials;
    try {
      WorkerSetup setup = WorkerSetup.read(in);
      PluginRegistry plugins = PluginRegistry.load(setup.pluginRoots());
      trials = TrialFunction.prepare(setup.spec(), plugins);
    } catch (RuntimeException | Error e) {
      out.writeByte(Messages.SETUP_FAILED);
      Wire.writeText(out, String.valueOf(e.getMessage() != null ? e.getMessage() : e));
      out.flush();
      System.exit(2);
      return;
    }
    out.writeByte(Messages.READY);
    out.flush();
    serve(trials, in, out);
    System.exit(0);
  }

  /** Evaluates trials as they come until the run closes the stream. */
  private static void serve(TrialFunction trials, DataInputStream in, DataOutputStream out)
      throws IOException {
    while (true) {
      int tag;
      try {
        tag = in.readByte();
      } catch (EOFException closed) {
        return;
      }
      if (tag != Messages.TRIAL) {
        throw new IOException("unexpected message " + tag);
      }
      long number = in.readLong();
      ParamSet params = Wire.readParams(in);
      FoldCheck check = in.readBoolean() ? askTheRun(in, out) : FoldCheck.NONE;
      TrialRecord record = trials.evaluate(number, params, check);
      out.writeByte(Messages.RECORD);
      Wire.writeRecord(out, record);
      out.flush();
    }
  }

  /** A fold check that asks the run, whose pruner and history decide. */
  private static FoldCheck askTheRun(DataInputStream in, DataOutputStream out) {
    return scores -> {
      try {
        out.writeByte(Messages.FOLD_DONE);
        Wire.writeDoubles(out, scores);
        out.flush();
        byte answer = in.readByte();
        return answer == Messages.PRUNE ? Optional.of(Wire.readText(in)) : Optional.empty();
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    };
  }
}
