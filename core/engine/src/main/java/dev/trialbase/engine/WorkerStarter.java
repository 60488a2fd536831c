package dev.trialbase.engine;

import dev.trialbase.spec.LoadedSpec;
import java.nio.file.Path;
import java.util.List;

/**
 * Starts the worker processes of one run ({@link Isolation#PROCESS}): how the engine gets them
 * without depending on how they are made ({@code dev.trialbase.engine.worker.WorkerPool::start}).
 */
@FunctionalInterface
public interface WorkerStarter {

  /**
   * {@code jobs} workers that prepare {@code spec} with the plugins in {@code pluginRoots};
   * {@code metrics} are the run's metric ids, for the records of trials whose worker died.
   */
  TrialRunner start(int jobs, LoadedSpec spec, List<Path> pluginRoots, Double timeoutSeconds,
      List<String> metrics);
}
