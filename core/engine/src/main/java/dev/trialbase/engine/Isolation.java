package dev.trialbase.engine;

/**
 * Where trials run. In-process threads cost nothing per trial, but Java cannot stop a thread
 * that ignores interrupts, and a plugin can end the whole JVM; worker processes can be killed
 * for real and die alone, for about a JVM start per worker and a round trip per trial
 * (measured in docs/benchmarks.md). Results are the same bit for bit either way.
 */
public enum Isolation {

  /** Trials on threads of this JVM. */
  THREAD,

  /** Trials in child JVMs, killed on timeout and replaced when they die. */
  PROCESS,

  /** {@link #PROCESS} when the spec sets {@code trialTimeoutSeconds}, so a timeout stops the
   * trial for real; {@link #THREAD} otherwise, the fastest. */
  AUTO;

  /** The isolation a run with (or without) a trial timeout gets. */
  Isolation resolve(boolean timeoutSet) {
    return this != AUTO ? this : timeoutSet ? PROCESS : THREAD;
  }
}
