package dev.trialbase.spark;

import dev.trialbase.engine.ExecutorProvider;
import dev.trialbase.engine.TrialExecutor;

/** {@code --executor spark}: listed in {@code META-INF/services}, found by the command line. */
public final class SparkExecutorProvider implements ExecutorProvider {

  @Override
  public String name() {
    return "spark";
  }

  @Override
  public TrialExecutor connect(String master) {
    return SparkTrials.connect(master, ExecutorWait.seconds());
  }
}
