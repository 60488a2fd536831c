package dev.trialbase.cli;

import dev.trialbase.store.TrialStatus;
import dev.trialbase.store.filter.Filter;
import dev.trialbase.store.filter.FilterException;
import dev.trialbase.store.filter.Sort;
import java.util.Arrays;
import java.util.stream.Collectors;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/**
 * Parses {@code --where}, {@code --sort} and {@code --status}; a mistake is a usage error that
 * shows the expression with a caret under the column at fault.
 */
final class Filters {

  private Filters() {
  }

  static Filter parse(CommandSpec command, String option, String text) {
    try {
      return Filter.parse(text);
    } catch (FilterException e) {
      throw pointed(command, option, text, e);
    }
  }

  static Sort sort(CommandSpec command, String text) {
    try {
      return Sort.parse(text);
    } catch (FilterException e) {
      throw pointed(command, "--sort", text, e);
    }
  }

  /** {@code status} checked against the trial statuses; null stays null. */
  static String status(CommandSpec command, String status) {
    if (status == null) {
      return null;
    }
    try {
      return TrialStatus.byId(status).id();
    } catch (IllegalArgumentException e) {
      throw new ParameterException(command.commandLine(), "--status: unknown status '" + status
          + "'; statuses: " + Arrays.stream(TrialStatus.values()).map(TrialStatus::id)
          .collect(Collectors.joining(", ")));
    }
  }

  private static ParameterException pointed(CommandSpec command, String option, String text,
      FilterException e) {
    String caret = " ".repeat(Math.max(0, Math.min(e.position(), text.length()))) + "^";
    return new ParameterException(command.commandLine(), option + ": " + e.getMessage()
        + System.lineSeparator() + "  " + text + System.lineSeparator() + "  " + caret);
  }
}
