package dev.trialbase.cli;

import dev.trialbase.data.DataException;
import dev.trialbase.engine.RunEngine;
import dev.trialbase.plugin.UnknownComponentException;
import dev.trialbase.spec.SpecException;
import dev.trialbase.store.StoreException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Turns an exception escaping a command into one line on stderr and a documented exit code.
 * The stack trace is printed only with {@code --debug}.
 */
final class Errors implements IExecutionExceptionHandler {

  private final Main main;

  Errors(Main main) {
    this.main = main;
  }

  @Override
  public int handleExecutionException(Exception e, CommandLine cli, ParseResult parsed) {
    cli.getErr().println("error: " + message(e));
    if (main.debug) {
      e.printStackTrace(cli.getErr());
    }
    cli.getErr().flush();
    return exitCode(e);
  }

  /** A usage error: one line saying what is wrong and where to read more, exit code 2. */
  static int usage(CommandLine.ParameterException e, String[] args) {
    CommandLine cli = e.getCommandLine();
    cli.getErr().println("error: " + e.getMessage());
    cli.getErr().println("see '" + cli.getCommandSpec().qualifiedName() + " --help'");
    cli.getErr().flush();
    return ExitCode.USAGE;
  }

  static int exitCode(Throwable e) {
    if (e instanceof SpecException || e instanceof DataException) {
      return ExitCode.BAD_INPUT;
    }
    if (e instanceof UnknownComponentException) {
      return ExitCode.BAD_INPUT;
    }
    if (e instanceof StoreException) {
      return ExitCode.DATABASE;
    }
    if (e instanceof NotFoundException) {
      return ExitCode.NOT_FOUND;
    }
    if (e instanceof RunEngine.RunFailedException) {
      return ExitCode.RUN_FAILED;
    }
    if (e instanceof org.jdbi.v3.core.JdbiException) {
      return ExitCode.DATABASE;
    }
    return ExitCode.INTERNAL;
  }

  private static String message(Throwable e) {
    String m = e.getMessage();
    if (exitCode(e) == ExitCode.INTERNAL || m == null) {
      return e.toString() + " (a bug: please report it with the output of --debug)";
    }
    return m;
  }

  /** A run or other named thing the user asked for does not exist. */
  static final class NotFoundException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    NotFoundException(String message) {
      super(message);
    }
  }
}
