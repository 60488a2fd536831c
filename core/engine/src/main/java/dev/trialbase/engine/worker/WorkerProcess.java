package dev.trialbase.engine.worker;

import dev.trialbase.api.ParamSet;
import dev.trialbase.engine.FoldCheck;
import dev.trialbase.store.TrialRecord;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** One worker JVM as the run sees it: its streams, and the means to kill it. */
final class WorkerProcess {

  private final Process process;
  private final DataOutputStream toWorker;
  private final DataInputStream fromWorker;
  private volatile boolean killed;

  private WorkerProcess(Process process) {
    this.process = process;
    this.toWorker = new DataOutputStream(new BufferedOutputStream(process.getOutputStream()));
    this.fromWorker = new DataInputStream(new BufferedInputStream(process.getInputStream()));
  }

  /** Starts a worker and sends it {@code setup}; {@link #awaitReady} then waits for it. */
  static WorkerProcess start(List<String> command, WorkerSetup setup) throws IOException {
    ProcessBuilder builder = new ProcessBuilder(command)
        .redirectError(ProcessBuilder.Redirect.INHERIT);
    builder.environment().putAll(WorkerCommand.environment());
    Process process = builder.start();
    WorkerProcess worker = new WorkerProcess(process);
    setup.write(worker.toWorker);
    worker.toWorker.flush();
    return worker;
  }

  /** Waits until the worker has prepared the run; throws with its reason if it cannot. */
  void awaitReady() throws IOException {
    byte answer = fromWorker.readByte();
    if (answer == Messages.SETUP_FAILED) {
      throw new IOException(Wire.readText(fromWorker));
    }
    if (answer != Messages.READY) {
      throw new IOException("unexpected answer " + answer);
    }
  }

  /**
   * Has the worker evaluate one trial, answering its fold checks with {@code check}.
   *
   * @throws IOException when the worker dies (or is killed) before the record arrives
   */
  TrialRecord evaluate(long number, ParamSet params, FoldCheck check) throws IOException {
    toWorker.writeByte(Messages.TRIAL);
    toWorker.writeLong(number);
    Wire.writeParams(toWorker, params);
    toWorker.writeBoolean(check != FoldCheck.NONE); // no round trip per fold without a pruner
    toWorker.flush();
    while (true) {
      byte tag = fromWorker.readByte();
      if (tag == Messages.RECORD) {
        return Wire.readRecord(fromWorker);
      }
      if (tag != Messages.FOLD_DONE) {
        throw new IOException("unexpected message " + tag);
      }
      Optional<String> prune = check.afterFold(Wire.readDoubles(fromWorker));
      if (prune.isPresent()) {
        toWorker.writeByte(Messages.PRUNE);
        Wire.writeText(toWorker, prune.get());
      } else {
        toWorker.writeByte(Messages.GO_ON);
      }
      toWorker.flush();
    }
  }

  /** Kills the worker and whatever it started; its trial, if any, ends with an exception. */
  void kill() {
    killed = true;
    process.descendants().forEach(ProcessHandle::destroyForcibly);
    process.destroyForcibly();
  }

  /** Whether {@link #kill} was called (by a timeout, or the run's end). */
  boolean killed() {
    return killed;
  }

  /** The worker's exit code once it has ended (waiting up to 2 s), or empty. */
  Optional<Integer> exitCode() {
    try {
      return process.waitFor(2, TimeUnit.SECONDS) ? Optional.of(process.exitValue())
          : Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }
}
