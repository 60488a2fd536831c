package dev.trialbase.cli;

import dev.trialbase.NoSuchRunException;
import dev.trialbase.Trialbase;
import dev.trialbase.store.Database;
import dev.trialbase.store.RunDetail;
import dev.trialbase.store.RunQueries;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * What the read-only commands share: the database opened read-only (never migrated, no
 * plugins loaded, so they start fast and cannot change what is stored), run lookup, output.
 */
abstract class QueryCommand implements Callable<Integer> {

  @ParentCommand
  Main main;

  @Spec
  CommandSpec command;

  private Database database;
  private Trialbase library;

  /** The database, opened read-only on first use. */
  final Database database() {
    if (database == null) {
      database = Database.openReadOnly(main.database());
    }
    return database;
  }

  /** The store through the library, opened read-only on first use. */
  final Trialbase library() {
    if (library == null) {
      library = Trialbase.openReadOnly(main.database());
    }
    return library;
  }

  final RunQueries queries() {
    return new RunQueries(database());
  }

  /** The run {@code runId}; a missing run is a {@link Errors.NotFoundException} (exit 6). */
  final RunDetail run(long runId) {
    return queries().run(runId).orElseThrow(() -> notFound(runId));
  }

  /**
   * {@code query} through the library about run {@code runId}, which it checks exists: a
   * missing run is exit 6, worded as {@link #run} words it, without a look of our own first.
   */
  final <T> T ofRun(long runId, java.util.function.Supplier<T> query) {
    try {
      return query.get();
    } catch (NoSuchRunException e) {
      if (e.runId() == runId) {
        throw notFound(runId);
      }
      throw e;
    }
  }

  private Errors.NotFoundException notFound(long runId) {
    return new Errors.NotFoundException("no run " + runId + " in " + main.database()
        + "; 'trialbase runs' lists the runs");
  }

  final PrintWriter out() {
    return command.commandLine().getOut();
  }

  /** A usage error (exit 2) about this command's options. */
  final ParameterException usage(String message) {
    return new ParameterException(command.commandLine(), message);
  }
}
