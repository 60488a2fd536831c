package dev.trialbase.cli;

import dev.trialbase.engine.Isolation;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** The options of every command that executes trials: run, resume, reproduce. */
final class ExecutionOptions {

  /**
   * The most parallel trials allowed: far more than any machine's cores, and small enough
   * that the scheduler's in-flight window (a multiple of it) cannot overflow.
   */
  static final int MAX_JOBS = 1024;

  @Spec(Spec.Target.MIXEE)
  CommandSpec command;

  @Option(names = "--jobs", paramLabel = "N",
      description = "Trials evaluated in parallel, 1 to " + MAX_JOBS
          + " (default: the number of available processors). "
          + "Results are bit-identical whatever the value.")
  Integer jobs;

  @Option(names = "--isolation", paramLabel = "MODE",
      description = "Where trials run: thread (in this JVM, fastest), process (in worker JVMs "
          + "that a timeout kills for real and whose crash fails only their trial), or auto: "
          + "process when the spec sets trialTimeoutSeconds, thread otherwise "
          + "(default: auto). Results are bit-identical whatever the mode.")
  Isolation isolation = Isolation.AUTO;

  @Option(names = "--no-progress", description = "Do not draw the progress bar.")
  boolean noProgress;

  /** The default for {@code --jobs}: every processor this JVM may use. */
  static int defaultJobs() {
    return Math.min(MAX_JOBS, Runtime.getRuntime().availableProcessors());
  }

  /** {@code --jobs}, or its default; a usage error outside 1 .. {@link #MAX_JOBS}. */
  int jobs() {
    if (jobs == null) {
      return defaultJobs();
    }
    if (jobs < 1 || jobs > MAX_JOBS) {
      throw new ParameterException(command.commandLine(), "--jobs must be between 1 and "
          + MAX_JOBS + ", got " + jobs);
    }
    return jobs;
  }

  boolean showProgress() {
    return !noProgress;
  }
}
