package dev.trialbase.cli;

import dev.trialbase.spec.Messages;
import dev.trialbase.data.DataException;
import dev.trialbase.engine.ExecutorException;
import dev.trialbase.engine.RunEngine;
import dev.trialbase.plugin.UnknownComponentException;
import dev.trialbase.spec.SpecException;
import dev.trialbase.store.RunOwnedException;
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

  /**
   * A usage error: one line saying what is wrong and where to read more, exit code 2. A
   * message that points into an option's value (a {@code --where} expression) keeps the lines
   * that show the value and the caret under the fault, after the error line.
   */
  static int usage(CommandLine.ParameterException e, String[] args) {
    CommandLine cli = e.getCommandLine();
    String message = e.getMessage() == null ? "" : e.getMessage();
    String first = Messages.firstLine(message);
    String rest = message.contains("\n") ? message.substring(message.indexOf('\n') + 1) : "";
    cli.getErr().println("error: " + first + " (see '" + cli.getCommandSpec().qualifiedName()
        + " --help')");
    if (!rest.isBlank()) {
      cli.getErr().println(rest.stripTrailing());
    }
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
    if (e instanceof ExecutorException) {
      return ExitCode.EXECUTOR;
    }
    if (e instanceof RunOwnedException) {
      return ExitCode.RUN_OWNED;
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

  /**
   * The error line's text: the exception's own message, on one line. A database error from
   * JDBI carries the whole SQL statement; SQLite's reason is what the user needs.
   */
  static String message(Throwable e) {
    if (e instanceof org.jdbi.v3.core.JdbiException) {
      java.sql.SQLException sql = sqlCause(e);
      if (sql != null) {
        return "the database failed: " + sqliteReason(sql);
      }
    }
    String m = e.getMessage();
    if (exitCode(e) == ExitCode.INTERNAL || m == null) {
      return Messages.firstLine(e.toString()) + " (a bug: please report it with the output of --debug)";
    }
    return Messages.firstLine(m);
  }

  private static java.sql.SQLException sqlCause(Throwable e) {
    for (Throwable t = e; t != null && t.getCause() != t; t = t.getCause()) {
      if (t instanceof java.sql.SQLException sql) {
        return sql;
      }
    }
    return null;
  }

  private static String sqliteReason(java.sql.SQLException e) {
    if (e instanceof org.sqlite.SQLiteException s && s.getResultCode() != null) {
      return s.getResultCode().message + " (" + s.getResultCode().name() + ")";
    }
    return Messages.firstLine(e.getMessage());
  }

  /** A run or other named thing the user asked for does not exist. */
  static final class NotFoundException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    NotFoundException(String message) {
      super(message);
    }
  }
}
