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

  /** The executor of trials on this machine (threads or worker processes). */
  static final String LOCAL = "local";

  /** The environment variable giving {@code --master}'s default. */
  static final String MASTER_ENV = "TRIALBASE_SPARK_MASTER";

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

  @Option(names = "--executor", paramLabel = "NAME",
      description = "Who evaluates trials: local (this machine, as --isolation says) or spark "
          + "(Spark tasks; needs the trialbase-spark module, which ./trialbase adds; see "
          + "docs/scale-out.md). Default: local. Results are bit-identical either way.")
  String executor = LOCAL;

  @Option(names = "--master", paramLabel = "URL",
      description = "With --executor spark: the Spark master, local[N] or spark://host:port "
          + "(default: $" + MASTER_ENV + ", else local[*]).")
  String master;

  @Option(names = "--no-progress", description = "Do not draw the progress bar.")
  boolean noProgress;

  /** The default for {@code --jobs}: every processor this JVM may use. */
  static int defaultJobs() {
    return Math.min(MAX_JOBS, Runtime.getRuntime().availableProcessors());
  }

  /** {@code --jobs}, or its default; a usage error outside 1 .. {@link #MAX_JOBS}. */
  int jobs() {
    return jobs(defaultJobs());
  }

  /** {@code --jobs}, or {@code fallback} when it is not given. */
  int jobs(int fallback) {
    if (jobs == null) {
      return Math.min(MAX_JOBS, Math.max(1, fallback));
    }
    if (jobs < 1 || jobs > MAX_JOBS) {
      throw new ParameterException(command.commandLine(), "--jobs must be between 1 and "
          + MAX_JOBS + ", got " + jobs);
    }
    return jobs;
  }

  /** Whether trials run elsewhere than on this machine ({@code --executor} other than local). */
  boolean remote() {
    return !LOCAL.equals(executor);
  }

  /**
   * {@code --master}, else {@code $TRIALBASE_SPARK_MASTER}, else {@code local[*]}; a usage
   * error when the options do not fit together.
   */
  String master() {
    if (!remote()) {
      if (master != null) {
        throw new ParameterException(command.commandLine(),
            "--master needs --executor spark");
      }
      return null;
    }
    if (isolation != Isolation.AUTO) {
      throw new ParameterException(command.commandLine(), "--isolation is for "
          + "--executor local; Spark runs trials in its own executors");
    }
    if (master != null) {
      return master;
    }
    String fromEnv = System.getenv(MASTER_ENV);
    return fromEnv == null || fromEnv.isBlank() ? "local[*]" : fromEnv.strip();
  }

  boolean showProgress() {
    return !noProgress;
  }
}
