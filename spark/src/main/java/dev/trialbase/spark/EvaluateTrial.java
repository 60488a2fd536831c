package dev.trialbase.spark;

import dev.trialbase.engine.FoldCheck;
import dev.trialbase.engine.worker.TrialBytes;
import org.apache.spark.api.java.function.Function;
import org.apache.spark.broadcast.Broadcast;

/**
 * The function a trial's task runs on an executor: the run, prepared once per executor JVM
 * from the broadcast payload ({@link ExecutorRuns}), evaluates the trial; the record goes back
 * as bytes. Evaluation never throws (a failing fit is a failed record), so a task fails only
 * when the executor cannot prepare the run or is lost, and Spark then retries it.
 */
final class EvaluateTrial implements Function<TrialTask, byte[]> {

  private static final long serialVersionUID = 1L;

  private final Broadcast<RunPayload> payload;

  EvaluateTrial(Broadcast<RunPayload> payload) {
    this.payload = payload;
  }

  @Override
  public byte[] call(TrialTask task) {
    return TrialBytes.of(ExecutorRuns.of(payload.value())
        .evaluate(task.number(), TrialBytes.params(task.params()), FoldCheck.NONE));
  }
}
