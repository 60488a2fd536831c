package dev.trialbase.cli;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** The options of every command that executes trials: run, resume, reproduce. */
final class ExecutionOptions {

  @Spec(Spec.Target.MIXEE)
  CommandSpec command;

  @Option(names = "--jobs", defaultValue = "1", paramLabel = "N",
      description = "Trials evaluated in parallel (default: ${DEFAULT-VALUE}). "
          + "Results do not depend on it.")
  int jobs;

  @Option(names = "--no-progress", description = "Do not draw the progress bar.")
  boolean noProgress;

  /** {@code --jobs}, at least 1: a usage error otherwise. */
  int jobs() {
    if (jobs < 1) {
      throw new ParameterException(command.commandLine(), "--jobs must be at least 1, got "
          + jobs);
    }
    return jobs;
  }

  boolean showProgress() {
    return !noProgress;
  }
}
