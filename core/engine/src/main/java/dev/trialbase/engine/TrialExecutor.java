package dev.trialbase.engine;

/**
 * A connection to somewhere else that evaluates trials (a Spark cluster), open for one command:
 * it starts each run's {@link TrialRunner} ({@link WorkerStarter}) and is closed when the
 * command ends. Connecting happens before a run is stored, so a wrong address stores nothing.
 */
public interface TrialExecutor extends WorkerStarter, AutoCloseable {

  /** How many trials it can evaluate at once: the default for {@code --jobs}. */
  int defaultJobs();

  /** One line for the user: where trials run (e.g. the master URL and its cores). */
  String describe();

  /** Disconnects; runners it started must not be used any more. */
  @Override
  void close();
}
