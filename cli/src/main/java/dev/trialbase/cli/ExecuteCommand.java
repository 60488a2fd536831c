package dev.trialbase.cli;

import dev.trialbase.engine.Isolation;
import dev.trialbase.engine.PreparedRun;
import dev.trialbase.engine.RunControl;
import dev.trialbase.engine.RunListener;
import dev.trialbase.engine.RunResult;
import dev.trialbase.engine.TrialExecutor;
import dev.trialbase.engine.TrialExecutors;
import dev.trialbase.engine.worker.WorkerPool;
import dev.trialbase.internal.Searches;
import dev.trialbase.plugin.PluginRegistry;
import dev.trialbase.spec.SpecException;
import dev.trialbase.store.Database;
import dev.trialbase.store.RunDetail;
import dev.trialbase.store.RunQueries;
import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.BiFunction;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * What the commands that execute trials (run, resume, reproduce) share: their options, plugin
 * loading with its warnings, opening a stored run for writing, and the run session.
 */
abstract class ExecuteCommand implements Callable<Integer> {

  @ParentCommand
  Main main;

  @Spec
  CommandSpec command;

  @Mixin
  ExecutionOptions execution;

  final PrintWriter out() {
    return command.commandLine().getOut();
  }

  final PrintWriter err() {
    return command.commandLine().getErr();
  }

  /** The plugins, each refused file reported as one {@code warning:} line. */
  final PluginRegistry loadPlugins() {
    return main.loadPlugins(err());
  }

  /** The remote executor ({@code --executor spark}), once connected; closed by {@link #call}. */
  private TrialExecutor remote;

  /** The command's work; any executor it connected to is closed afterwards. */
  abstract Integer execute();

  @Override
  public final Integer call() {
    try {
      return execute();
    } finally {
      if (remote != null) {
        remote.close();
      }
    }
  }

  /**
   * Run, resume and reproduce, with trials isolated as {@code --isolation} says, or on the
   * executor {@code --executor} names: connected here, before any run is stored, so a wrong
   * master stores nothing.
   */
  final Searches searches(PluginRegistry plugins) {
    String master = execution.master();
    if (!execution.remote()) {
      return new Searches(plugins, Map.of(), execution.isolation, WorkerPool::start);
    }
    remote = TrialExecutors.provider(execution.executor).connect(master);
    err().println("executor: " + remote.describe());
    err().flush();
    return new Searches(plugins, Map.of(), Isolation.PROCESS, remote);
  }

  /** {@code --jobs}, or its default: the processors here, or the remote executor's cores. */
  final int jobs() {
    return remote != null ? execution.jobs(remote.defaultJobs()) : execution.jobs();
  }

  /**
   * {@code engine.prepare(spec)} (through {@code prepare}), with what the run should know
   * but that does not stop it printed as {@code warning:} lines.
   */
  final PreparedRun warned(PreparedRun prepared) {
    if (remote != null && prepared.pruner() != null) {
      throw new SpecException("the spec sets a pruner, which --executor " + execution.executor
          + " does not support (a pruner decides after each fold on the driver); run it with "
          + "--executor local, or without the pruner");
    }
    prepared.warnings().forEach(w -> err().println("warning: " + w));
    err().flush();
    return prepared;
  }

  /** A stored run and its database opened for writing. */
  record StoredRun(Database database, RunDetail run) {
  }

  /**
   * Run {@code runId} with its database opened for writing. The run is looked up read-only
   * first, so a wrong id or {@code --db} creates nothing; opening for writing then marks the
   * run interrupted if its process died.
   */
  final StoredRun openStoredRun(long runId) {
    find(Database.openReadOnly(main.database()), runId);
    Database database = Database.open(main.database());
    return new StoredRun(database, find(database, runId));
  }

  private RunDetail find(Database database, long runId) {
    return new RunQueries(database).run(runId).orElseThrow(() ->
        new Errors.NotFoundException("no run " + runId + " in " + main.database()));
  }

  /**
   * Executes {@code work} with the progress display and Ctrl-C handled (see
   * {@link RunSession}): the run, and the exit code a signal calls for.
   */
  final RunSession.Outcome session(BiFunction<RunListener, RunControl, RunResult> work) {
    return RunSession.run(err(), execution.showProgress(), work);
  }
}
