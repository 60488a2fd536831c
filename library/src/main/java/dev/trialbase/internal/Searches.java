package dev.trialbase.internal;

import dev.trialbase.api.ObjectiveFunction;
import dev.trialbase.engine.Isolation;
import dev.trialbase.engine.PreparedRun;
import dev.trialbase.engine.RunControl;
import dev.trialbase.engine.RunEngine;
import dev.trialbase.engine.RunListener;
import dev.trialbase.engine.RunResult;
import dev.trialbase.engine.StoredRuns;
import dev.trialbase.engine.WorkerStarter;
import dev.trialbase.plugin.PluginRegistry;
import dev.trialbase.spec.LoadedSpec;
import dev.trialbase.spec.SpecException;
import dev.trialbase.store.Database;
import dev.trialbase.store.RunDetail;
import dev.trialbase.store.RunDiff;
import dev.trialbase.store.RunOwnedException;
import dev.trialbase.store.RunStatus;
import java.util.List;
import java.util.Map;

/**
 * The operations that execute trials — run, resume, reproduce — in one place, step by step,
 * for both clients: the library's {@code Trialbase} (no progress display, never stopped) and
 * the command line (its progress bar, Ctrl-C, and its own printing between the steps). The
 * rules live here once: which stored runs may be resumed, which objectives a stored run is
 * prepared with, how a reproduction is compared.
 *
 * <p>Internal: shared by Trialbase's modules, not API.
 */
public final class Searches {

  private final PluginRegistry plugins;
  private final RunEngine engine;

  /**
   * @param inCode objective functions given in code, by name (empty for the command line)
   */
  public Searches(PluginRegistry plugins, Map<String, ObjectiveFunction> inCode) {
    this(plugins, inCode, Isolation.THREAD, null);
  }

  /**
   * @param inCode objective functions given in code, by name (empty for the command line)
   * @param isolation where trials run; {@code workers} starts worker processes when that means
   *     {@link Isolation#PROCESS}
   */
  public Searches(PluginRegistry plugins, Map<String, ObjectiveFunction> inCode,
      Isolation isolation, WorkerStarter workers) {
    this.plugins = plugins;
    this.engine = new RunEngine(plugins, inCode, isolation, workers);
  }

  /** Checks a spec and reads its data; see {@link RunEngine#prepare(LoadedSpec, boolean)}. */
  public PreparedRun prepare(LoadedSpec spec, boolean force) {
    return engine.prepare(spec, force);
  }

  /** A stored run's spec, prepared to run again as it ran (its seed, its data files). */
  public PreparedRun prepareStored(RunDetail run) {
    return engine.prepare(StoredRuns.spec(run));
  }

  /** Runs {@code prepared} as a new run in {@code database}. */
  public RunResult execute(PreparedRun prepared, Database database, int jobs,
      RunListener listener, RunControl control) {
    return engine.execute(prepared, database, jobs, listener, control);
  }

  /**
   * Where today's data, plugins or objectives differ from what {@code run} recorded, one line
   * each (objectives given in code compare by the version given with them).
   */
  public List<String> provenanceChanges(RunDetail run) {
    return StoredRuns.provenanceChanges(run, plugins, engine.objectives());
  }

  /**
   * Whether {@code run} needs resuming: false when it is complete (nothing to do); throws when
   * it is still running in its process.
   */
  public static boolean needsResume(RunDetail run) {
    String status = run.summary().status();
    if (status.equals(RunStatus.RUNNING.id())) {
      throw new RunOwnedException(RunOwnedException.describe(run.summary().id(), run.host(),
          run.pid(), run.heartbeatAt()));
    }
    return !status.equals(RunStatus.COMPLETE.id());
  }

  /** The refusal when a run's provenance changed and resuming was not forced. */
  public static SpecException changedProvenance(long runId, String details) {
    return new SpecException("run " + runId + " cannot be resumed as it ran: " + details);
  }

  /** Runs the trials stored run {@code runId} lacks, in place. */
  public RunResult resume(long runId, PreparedRun prepared, Database database, int jobs,
      RunListener listener, RunControl control) {
    return engine.resume(runId, prepared, database, jobs, listener, control);
  }

  /**
   * How many differences there are between the original run and its repetition, and the first
   * {@code shown} of them, reading both runs as streams (any number of trials).
   */
  public static RunDiff.Summary summarize(Database database, long original, long repeated,
      int shown) {
    return RunDiff.summarize(database, original, repeated, shown);
  }

  /** Every difference between the original run and its repetition; empty when identical. */
  public static List<RunDiff.Difference> differences(Database database, long original,
      long repeated) {
    return RunDiff.between(database, original, repeated);
  }
}
