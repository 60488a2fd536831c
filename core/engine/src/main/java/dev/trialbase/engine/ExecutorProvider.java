package dev.trialbase.engine;

/**
 * A kind of {@link TrialExecutor}, found with {@link java.util.ServiceLoader} so that the
 * command line does not depend on it: an optional module (trialbase-spark) on the class path
 * lists its provider in {@code META-INF/services/dev.trialbase.engine.ExecutorProvider}.
 */
public interface ExecutorProvider {

  /** The name {@code --executor} gives, e.g. {@code spark}. */
  String name();

  /**
   * Connects to {@code master} and waits until it can evaluate trials.
   *
   * @throws ExecutorException when the address is wrong, unreachable, or gives no executors in
   *     time; the message is one line for the user
   */
  TrialExecutor connect(String master);
}
