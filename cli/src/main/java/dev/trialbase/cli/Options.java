package dev.trialbase.cli;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/** Checks of option values that picocli's types cannot express. */
final class Options {

  private Options() {
  }

  /** {@code --jobs} must be at least 1: a usage error otherwise. */
  static void checkJobs(CommandSpec command, int jobs) {
    if (jobs < 1) {
      throw new ParameterException(command.commandLine(),
          "--jobs must be at least 1, got " + jobs);
    }
  }
}
