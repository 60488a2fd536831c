package dev.trialbase;

import dev.trialbase.api.Objective;
import dev.trialbase.api.ObjectiveFunction;
import dev.trialbase.engine.PreparedRun;
import dev.trialbase.engine.RunControl;
import dev.trialbase.engine.RunListener;
import dev.trialbase.engine.RunResult;
import dev.trialbase.internal.Searches;
import dev.trialbase.plugin.PluginRegistry;
import dev.trialbase.spec.LoadedSpec;
import dev.trialbase.spec.SpecReader;
import dev.trialbase.store.Database;
import dev.trialbase.store.RunDetail;
import dev.trialbase.store.RunDiff;
import dev.trialbase.store.RunQueries;
import dev.trialbase.store.StoreLocation;
import dev.trialbase.store.filter.Filter;
import dev.trialbase.store.filter.Sort;
import dev.trialbase.store.filter.TrialFilterQuery;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Trialbase as a library: the one entry point. Opens a store (an SQLite file), runs searches
 * in it — a spec file, a {@link Spec} built in code, or any Java {@link Objective} — and reads
 * them back with the command line's filter language; reproduces and resumes stored runs.
 *
 * <pre>{@code
 * try (Trialbase tb = Trialbase.open(Path.of("runs.db"))) {
 *   tb.objective("quadratic", "1", (params, trial) -> {
 *     double x = params.getDouble("x");
 *     return (x - 2) * (x - 2);
 *   });
 *   RunInfo run = tb.run(Spec.builder().function("quadratic")
 *       .space("x", Space.floatRange(-5, 5)).strategy("tpe").trials(50).seed(1).build());
 *   TrialInfo best = tb.best(run.id()).orElseThrow();
 * }
 * }</pre>
 *
 * <p>Strategies, pruners, estimators and objective functions come from PF4J plugins: those on
 * the class path (the built-in grid, random and tpe strategies and the median and
 * successive-halving pruners come with this artifact) and those in the plugin directories
 * given to {@link #open(Path, List)}. Objectives given in code with {@link #objective} are
 * known by name to this instance only, so register them again before reproducing or resuming
 * their runs.
 *
 * <p>Errors are runtime exceptions with a one-line message: a spec that cannot run (nothing is
 * stored then), an unknown run, a store that cannot be opened. A trial that fails never throws
 * here: it is stored as failed with its reason.
 *
 * <p>Not thread-safe: use one instance per thread, or one at a time. Several instances, in
 * this or other processes, may share a store file.
 */
public final class Trialbase implements AutoCloseable {

  private final Database database;
  private final PluginRegistry plugins;
  private final Map<String, ObjectiveFunction> objectives = new LinkedHashMap<>();

  private Trialbase(Database database, PluginRegistry plugins) {
    this.database = database;
    this.plugins = plugins;
  }

  /** Opens (creating or migrating) the store {@code databaseFile}, with class-path plugins. */
  public static Trialbase open(Path databaseFile) {
    return open(databaseFile, List.of());
  }

  /**
   * Opens the store {@code databaseFile}, with the plugins on the class path and those in
   * {@code pluginDirectories} (as the command line's {@code --plugins}).
   */
  public static Trialbase open(Path databaseFile, List<Path> pluginDirectories) {
    Database database = Database.open(databaseFile);
    return new Trialbase(database, PluginRegistry.load(pluginDirectories));
  }

  /**
   * Opens the existing store {@code databaseFile} for reading only: never migrated or written,
   * no plugins loaded, so it opens fast and cannot change what is stored (what the command
   * line's query commands use). Running, reproducing and resuming are refused.
   */
  public static Trialbase openReadOnly(Path databaseFile) {
    return new Trialbase(Database.openReadOnly(databaseFile), null);
  }

  /**
   * Opens (creating or migrating) the store at {@code location}: an SQLite file path, or a
   * PostgreSQL JDBC URL such as {@code jdbc:postgresql://host:5432/trialbase} (credentials in
   * the URL, in {@code PGUSER}/{@code PGPASSWORD}, or in {@code ~/.pgpass}), with the plugins
   * on the class path and those in {@code pluginDirectories}.
   */
  public static Trialbase open(String location, List<Path> pluginDirectories) {
    return open(StoreLocation.parse(location), pluginDirectories);
  }

  /** As {@link #open(String, List)}, for a location already parsed. */
  public static Trialbase open(StoreLocation location, List<Path> pluginDirectories) {
    return new Trialbase(Database.open(location), PluginRegistry.load(pluginDirectories));
  }

  /** As {@link #openReadOnly(Path)}, for an SQLite file path or a PostgreSQL JDBC URL. */
  public static Trialbase openReadOnly(String location) {
    return openReadOnly(StoreLocation.parse(location));
  }

  /** As {@link #openReadOnly(String)}, for a location already parsed. */
  public static Trialbase openReadOnly(StoreLocation location) {
    return new Trialbase(Database.openReadOnly(location), null);
  }

  /**
   * Makes {@code objective} known as {@code name}, for specs whose {@code function.name} says
   * so. Runs record the name and {@code version}; change the version whenever the function's
   * results change, so that reproducing an old run warns.
   */
  public Trialbase objective(String name, String version, Objective objective) {
    objectives.put(Objects.requireNonNull(name, "name"),
        new CodeObjective(name, Objects.requireNonNull(version, "version"),
            Objects.requireNonNull(objective, "objective")));
    return this;
  }

  /** The store's file; {@code null} for a PostgreSQL store (see {@link #location()}). */
  public Path databaseFile() {
    return database.file();
  }

  /** Where the store is; its {@code toString()} names it without credentials. */
  public StoreLocation location() {
    return database.location();
  }

  /** What plugins could not be loaded, one line each; empty when all loaded. */
  public List<String> pluginProblems() {
    return plugins == null ? List.of() : plugins.problems();
  }

  /** Runs the spec file {@code specFile} with one trial at a time. */
  public RunInfo run(Path specFile) {
    return run(specFile, 1);
  }

  /** Runs the spec file {@code specFile} with {@code jobs} parallel trials. */
  public RunInfo run(Path specFile, int jobs) {
    return execute(SpecReader.read(specFile), jobs, RunObserver.NONE);
  }

  /** Runs {@code spec} with one trial at a time. */
  public RunInfo run(Spec spec) {
    return run(spec, 1);
  }

  /**
   * Runs {@code spec} with {@code jobs} parallel trials; relative data paths resolve against
   * the working directory. The stored trials do not depend on {@code jobs}.
   */
  public RunInfo run(Spec spec, int jobs) {
    return run(spec, jobs, RunObserver.NONE);
  }

  /**
   * As {@link #run(Spec, int)}, telling {@code observer} about each stored trial; the run stops
   * cleanly (status {@code interrupted}) once the observer asks. The spec is named
   * {@code spec-built-in-code.json} in the working directory (its experiment, when it sets
   * none; where relative data paths resolve).
   */
  public RunInfo run(Spec spec, int jobs, RunObserver observer) {
    return execute(SpecReader.read(spec.toJson(),
        Path.of("").toAbsolutePath().resolve("spec-built-in-code.json")), jobs, observer);
  }

  /**
   * Runs the stored run {@code runId} again with its seed, as a new run, and compares them:
   * {@link Reproduction#identical()} when every trial's status, parameters and scores are the
   * same.
   */
  public Reproduction reproduce(long runId, int jobs) {
    RunDetail original = detail(runId);
    Searches searches = searches();
    PreparedRun prepared = searches.prepareStored(original);
    RunResult repeated = searches.execute(prepared, database, jobs, RunListener.NONE,
        new RunControl());
    List<String> differences = Searches.differences(database, runId, repeated.runId())
        .stream().map(RunDiff.Difference::toString).toList();
    return new Reproduction(runId, find(repeated.runId()).orElseThrow(), differences);
  }

  /**
   * Finishes the interrupted or failed run {@code runId} in place, running only the trials it
   * lacks; the result equals an uninterrupted run's. A complete run is returned as it is.
   * Unless {@code force}, refuses when its data, plugins or objective changed since it ran.
   */
  public RunInfo resume(long runId, int jobs, boolean force) {
    return resume(runId, jobs, force, RunObserver.NONE);
  }

  /** As {@link #resume(long, int, boolean)}, telling {@code observer}, which may stop it. */
  public RunInfo resume(long runId, int jobs, boolean force, RunObserver observer) {
    RunDetail run = detail(runId);
    if (!Searches.needsResume(run)) {
      return RunInfo.of(run.summary());
    }
    Searches searches = searches();
    List<String> changes = searches.provenanceChanges(run);
    if (!changes.isEmpty() && !force) {
      throw Searches.changedProvenance(runId, String.join("; ", changes));
    }
    PreparedRun prepared = searches.prepareStored(run);
    ObservedRun watched = new ObservedRun(observer);
    searches.resume(runId, prepared, database, jobs, watched, watched.control());
    return find(runId).orElseThrow();
  }

  /** Every run in the store, oldest first. */
  public List<RunInfo> runs() {
    return queries().runs().stream().map(RunInfo::of).toList();
  }

  /**
   * The runs of experiment {@code experiment} in status {@code status}, oldest first; either
   * may be null for any.
   */
  public List<RunInfo> runs(String experiment, String status) {
    return queries().runs(experiment, status).stream().map(RunInfo::of).toList();
  }

  /** The run {@code runId}, if the store has it. */
  public Optional<RunInfo> find(long runId) {
    return queries().run(runId).map(d -> RunInfo.of(d.summary()));
  }

  /** Every trial of run {@code runId}, by number. */
  public List<TrialInfo> trials(long runId) {
    requireRun(runId);
    return queries().trials(runId).stream().map(TrialInfo::of).toList();
  }

  /**
   * The trials of run {@code runId} as {@code trialbase trials --where --sort --limit} selects
   * them: {@code where} in the command line's filter language (such as
   * {@code "metrics.score < 1 and params.x > 0"}), {@code sort} such as
   * {@code "objective"} or {@code "duration:desc"}; each may be null, as may {@code limit}.
   */
  public List<TrialInfo> trials(long runId, String where, String sort, Integer limit) {
    return trials(runId, where, sort, limit, null);
  }

  /**
   * As {@link #trials(long, String, String, Integer)}, and only trials in {@code status}
   * ({@code complete}, {@code failed}, {@code pruned}, {@code timeout}, {@code running}) when
   * it is not null: {@code trialbase trials --status}.
   */
  public List<TrialInfo> trials(long runId, String where, String sort, Integer limit,
      String status) {
    requireRun(runId);
    List<Long> numbers = where == null && sort == null && limit == null && status == null
        ? null
        : TrialFilterQuery.numbers(database, runId,
            where == null ? null : Filter.parse(where), sort == null ? null : Sort.parse(sort),
            limit, status);
    return queries().trials(runId, numbers).stream().map(TrialInfo::of).toList();
  }

  /**
   * Each metric's scores on every fold (a function run: the score's reported steps) of the
   * trials {@code numbers} of run {@code runId}, by trial number and metric.
   */
  public Map<Long, Map<String, List<Double>>> foldScores(long runId, List<Long> numbers) {
    return queries().foldMetrics(runId, numbers);
  }

  /** The fold scores of trial {@code number} of run {@code runId}, by metric. */
  public Map<String, List<Double>> foldScores(long runId, long number) {
    return queries().foldMetrics(runId, number);
  }

  /**
   * The best complete trial of run {@code runId} (highest or lowest objective, as the run
   * ranks; the lowest number on ties), empty when none completed.
   */
  public Optional<TrialInfo> best(long runId) {
    return best(runId, null);
  }

  /**
   * The best complete trial of run {@code runId} by the mean of {@code metric} (in that
   * metric's direction), or by the run's objective when {@code metric} is null: {@code
   * trialbase best --metric}. Empty when no trial completed.
   */
  public Optional<TrialInfo> best(long runId, String metric) {
    requireRun(runId);
    List<Long> numbers = TrialFilterQuery.numbers(database, runId, null,
        Sort.parse(metric == null ? "objective" : metric), 1, "complete");
    return queries().trials(runId, numbers).stream().map(TrialInfo::of).findFirst();
  }

  private RunInfo execute(LoadedSpec spec, int jobs, RunObserver observer) {
    Searches searches = searches();
    PreparedRun prepared = searches.prepare(spec, false);
    ObservedRun watched = new ObservedRun(observer);
    RunResult result = searches.execute(prepared, database, jobs, watched, watched.control());
    return find(result.runId()).orElseThrow();
  }

  private Searches searches() {
    if (plugins == null) {
      throw new IllegalStateException(database.location() + " is open read-only: "
          + "Trialbase.open(file) to run, reproduce or resume");
    }
    return new Searches(plugins, objectives);
  }

  private RunQueries queries() {
    return new RunQueries(database);
  }

  /** Checks that run {@code runId} exists without counting its trials (cheap on huge runs). */
  private void requireRun(long runId) {
    queries().header(runId).orElseThrow(() -> noRun(runId));
  }

  private NoSuchRunException noRun(long runId) {
    return new NoSuchRunException(runId, "no run " + runId + " in " + database.location());
  }

  private RunDetail detail(long runId) {
    return queries().run(runId).orElseThrow(() -> noRun(runId));
  }

  /** Unloads the plugins, if any. The store needs no closing: every trial is already committed. */
  @Override
  public void close() {
    if (plugins != null) {
      plugins.close();
    }
  }
}
