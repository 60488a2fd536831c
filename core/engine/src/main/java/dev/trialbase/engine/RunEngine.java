package dev.trialbase.engine;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.trialbase.api.ApiVersion;
import dev.trialbase.api.Dataset;
import dev.trialbase.api.Estimator;
import dev.trialbase.api.ObjectiveFunction;
import dev.trialbase.api.ParamSet;
import dev.trialbase.api.Proposer;
import dev.trialbase.api.Pruner;
import dev.trialbase.api.PrunerOptions;
import dev.trialbase.api.PruningRule;
import dev.trialbase.api.SearchStrategy;
import dev.trialbase.api.StrategyOptions;
import dev.trialbase.api.Task;
import dev.trialbase.data.DataFiles;
import dev.trialbase.data.DataRequest;
import dev.trialbase.data.FormatLookup;
import dev.trialbase.data.TestSet;
import dev.trialbase.data.Sha256;
import dev.trialbase.eval.Folds;
import dev.trialbase.plugin.PluginInfo;
import dev.trialbase.plugin.PluginRegistry;
import dev.trialbase.plugin.UnknownComponentException;
import dev.trialbase.spec.ExperimentSpec;
import dev.trialbase.spec.LoadedSpec;
import dev.trialbase.spec.SpecException;
import dev.trialbase.store.ClassLabels;
import dev.trialbase.store.Database;
import dev.trialbase.store.Liveness;
import dev.trialbase.store.NewRun;
import dev.trialbase.store.RunQueries;
import dev.trialbase.store.RunRecorder;
import dev.trialbase.store.RunStatus;
import dev.trialbase.store.TrialCursor;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs one spec: checks it against the plugins, reads the data, stores the run's provenance,
 * evaluates the strategy's proposals in parallel, commits each trial as it finishes, then
 * refits the best parameters and scores the test set.
 *
 * <p>Everything random derives from the run seed through {@link Seeds}, and proposals are made
 * in trial-number order on the calling thread, so the stored parameters and scores do not
 * depend on the number of workers or on the order in which trials finish.
 */
public final class RunEngine {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final PluginRegistry plugins;
  private final Objectives objectives;
  private final Isolation isolation;
  private final WorkerStarter workers;

  /** An engine whose strategies, estimators, pruners and objectives come from plugins. */
  public RunEngine(PluginRegistry plugins) {
    this(plugins, Map.of(), Isolation.THREAD, null);
  }

  /**
   * An engine that also knows {@code inCode}, objective functions given by a program, by name
   * (they hide a plugin's of the same name). Its trials run on threads of this JVM.
   */
  public RunEngine(PluginRegistry plugins, Map<String, ObjectiveFunction> inCode) {
    this(plugins, inCode, Isolation.THREAD, null);
  }

  /**
   * An engine that runs trials as {@code isolation} says, starting worker processes with
   * {@code workers} when that means {@link Isolation#PROCESS}.
   */
  public RunEngine(PluginRegistry plugins, Isolation isolation, WorkerStarter workers) {
    this(plugins, Map.of(), isolation, workers);
  }

  /**
   * An engine with objectives given in code ({@code inCode}, which only run in-process) that
   * runs trials as {@code isolation} says, starting worker processes with {@code workers}.
   */
  public RunEngine(PluginRegistry plugins, Map<String, ObjectiveFunction> inCode,
      Isolation isolation, WorkerStarter workers) {
    this.plugins = plugins;
    this.objectives = new Objectives(plugins, inCode);
    this.isolation = isolation;
    this.workers = workers;
  }

  /** Where this engine finds objective functions. */
  public Objectives objectives() {
    return objectives;
  }

  /**
   * {@link #prepare(LoadedSpec, boolean)} with no limit on the grid size: for a stored run
   * (resume, reproduce), which already passed the limit or was forced past it.
   */
  public PreparedRun prepare(LoadedSpec loaded) {
    return prepare(loaded, true);
  }

  /**
   * Checks {@code loaded} against the plugins and its data, and reads the data. Nothing is
   * stored yet, so a spec that cannot run leaves every database untouched. Unless
   * {@code force}, a finite strategy planning more than {@link SpecChecks#MAX_GRID_TRIALS}
   * trials is refused.
   */
  public PreparedRun prepare(LoadedSpec loaded, boolean force) {
    try {
      return checkAndRead(loaded, force);
    } catch (SpecException | UnknownComponentException e) {
      throw new SpecException(loaded.file() + ": " + e.getMessage(), e);
    }
  }

  private PreparedRun checkAndRead(LoadedSpec loaded, boolean force) {
    if (loaded.spec().seed() == null) {
      loaded = loaded.withSeed(new SecureRandom().nextLong() >>> 1);
    }
    if (loaded.spec().isFunction()) {
      return prepareFunction(loaded, force);
    }
    ExperimentSpec spec = loaded.spec();
    SearchStrategy strategy = plugins.strategy(spec.strategy().name());
    Estimator estimator = plugins.estimator(spec.estimator().name());
    ParamSet fixed = SpecChecks.fixedParams(spec, estimator, loaded.space());
    Pruner pruner = spec.pruner() == null ? null : plugins.pruner(spec.pruner().name());
    DataRequest request = request(spec.data());
    FormatLookup formats = () -> List.copyOf(plugins.formats().values());
    Dataset train = DataFiles.readTrain(loaded.trainFile(), request, formats);
    SpecChecks.task(estimator, train);
    SpecChecks.estimatorAccepts(estimator, fixed, loaded.space(), train);
    RunMetrics metrics = RunMetrics.resolve(spec, train);
    loaded = loaded.withMetrics(metrics.ids(), metrics.objective().id());
    spec = loaded.spec();
    Proposer proposer = SpecChecks.start(strategy, loaded.space(),
        new StrategyOptions(spec.strategy().options() == null ? Map.of()
            : spec.strategy().options(), metrics.objective().greaterIsBetter(), spec.seed()));
    long planned = SpecChecks.plannedTrials(spec, proposer, force);
    TestSet testSet = loaded.testFile() == null ? null
        : DataFiles.readTest(loaded.testFile(), train, request, formats);
    PruningRule pruning = pruner == null ? null : SpecChecks.startPruner(pruner,
        new PrunerOptions(spec.pruner().options() == null ? Map.of() : spec.pruner().options(),
            spec.folds(), metrics.objective().greaterIsBetter()));
    Folds folds = SpecChecks.folds(train, spec.folds(), spec.seed());
    TrialEvaluator evaluator = new CrossValidation(estimator, fixed, metrics, spec.seed(), train,
        folds);
    return new PreparedRun(loaded, strategy, estimator, proposer, planned, metrics, train,
        testSet == null ? null : testSet.dataset(), evaluator,
        testSet == null ? List.of() : testSet.warnings(loaded.testFile()), pruner, pruning,
        null);
  }

  /**
   * Checks a function run's spec against its objective, strategy and pruner. There is no data:
   * each trial calls the objective once, and its reported values are the steps a pruner sees.
   */
  private PreparedRun prepareFunction(LoadedSpec loaded, boolean force) {
    ExperimentSpec spec = loaded.spec();
    SearchStrategy strategy = plugins.strategy(spec.strategy().name());
    ObjectiveFunction function = objectives.find(spec.function().name());
    ParamSet fixed = SpecChecks.functionParams(spec, function, loaded.space());
    Pruner pruner = spec.pruner() == null ? null : plugins.pruner(spec.pruner().name());
    boolean maximize = spec.maximizes();
    Proposer proposer = SpecChecks.start(strategy, loaded.space(),
        new StrategyOptions(spec.strategy().options() == null ? Map.of()
            : spec.strategy().options(), maximize, spec.seed()));
    long planned = SpecChecks.plannedTrials(spec, proposer, force);
    int steps = spec.function().steps();
    PruningRule pruning = pruner == null ? null : SpecChecks.startPruner(pruner,
        new PrunerOptions(spec.pruner().options() == null ? Map.of() : spec.pruner().options(),
            steps, maximize));
    TrialEvaluator evaluator = new ObjectiveEvaluator(function.objective(), fixed,
        spec.objective(), steps, spec.seed());
    return new PreparedRun(loaded, strategy, null, proposer, planned, null, null, null,
        evaluator, List.of(), pruner, pruning, function);
  }

  /** What the spec's {@code data} section asks of the files. */
  private static DataRequest request(ExperimentSpec.Data data) {
    Task task = data.task() == null ? null
        : Task.byId(data.task()).orElseThrow();
    return new DataRequest(data.target(), task, data.positive(), data.format());
  }

  /**
   * Runs a prepared spec as a new run in {@code database} with {@code jobs} parallel trials.
   * Stops early, leaving the run {@code interrupted}, once {@code control} asks it to.
   */
  public RunResult execute(PreparedRun prepared, Database database, int jobs,
      RunListener listener, RunControl control) {
    try (RunRecorder recorder = new RunRecorder(database)) {
      long runId = recorder.beginRun(newRun(prepared));
      control.onAbort(() -> database.markAborted(runId));
      RunLoop loop = new RunLoop(runId, prepared, recorder, listener, control,
          StoredNumbers.NONE);
      return drive(runId, prepared, recorder, jobs, listener, control, loop);
    }
  }

  /**
   * Finishes run {@code runId}: runs only the trials it lacks, then picks the best over all
   * of them. {@code prepared} must come from the run's stored spec and seed; because every
   * proposal and fit is a pure function of (spec, seed, trial number), the result equals an
   * uninterrupted run's. The stored trials are read as a stream ({@link TrialCursor}) and the
   * question "is trial n stored?" a page at a time ({@link StoredNumbers}), so a resumed run
   * holds no more than the same run uninterrupted would.
   */
  public RunResult resume(long runId, PreparedRun prepared, Database database, int jobs,
      RunListener listener, RunControl control) {
    try (RunRecorder recorder = new RunRecorder(database)) {
      // Take the run over first: no other process writes it while its trials are read.
      recorder.reopenRun(runId, ProcessHandle.current().pid(), Liveness.localHost());
      control.onAbort(() -> database.markAborted(runId));
      RunLoop loop = new RunLoop(runId, prepared, recorder, listener, control,
          new StoredNumbers(new RunQueries(database), runId));
      try (TrialCursor stored = TrialCursor.open(database, runId, loop.restoresFolds()
          ? TrialCursor.Metrics.SCORES : TrialCursor.Metrics.NONE)) {
        stored.forEachRemaining(loop::restore);
      }
      return drive(runId, prepared, recorder, jobs, listener, control, loop);
    }
  }

  private RunResult drive(long runId, PreparedRun prepared, RunRecorder recorder, int jobs,
      RunListener listener, RunControl control, RunLoop loop) {
    if (jobs < 1) {
      throw new IllegalArgumentException("--jobs must be at least 1, got " + jobs);
    }
    RunLoop.Best best = loop.best();
    listener.started(runId, prepared.plannedTrials());
    try (TrialScheduler scheduler = new TrialScheduler(jobs, runner(prepared, jobs, control))) {
      scheduler.runAll(loop);
      RunStatus status = control.stopRequested() ? RunStatus.INTERRUPTED : RunStatus.COMPLETE;
      Map<String, Double> testScores = new LinkedHashMap<>();
      if (status == RunStatus.COMPLETE && best.number() != null && prepared.test() != null) {
        listener.refitting();
        testScores = prepared.evaluator().refitAndTest(best.params(), prepared.train(),
            prepared.test());
      }
      recorder.finishRun(runId, status, best.number(), testScores,
          status == RunStatus.INTERRUPTED ? "stopped on request; 'trialbase resume " + runId
              + "' runs the rest" : null);
      return new RunResult(runId, prepared.spec().spec().seed(), status, loop.trials(),
          loop.failed(), best.number(), best.params(), best.score(),
          prepared.objectiveId(), testScores, loop.pruned(), recorder.commits(),
          recorder.storingNanos());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      if (!control.aborted()) {
        recorder.finishRun(runId, RunStatus.INTERRUPTED, best.number(), Map.of(), "interrupted");
      }
      throw new RunFailedException("run " + runId + " was interrupted", e);
    } catch (Exception | Error e) {
      if (control.aborted()) { // the abort stores the run as interrupted; the process ends
        throw new RunFailedException("run " + runId + " was aborted", e);
      }
      recorder.finishRun(runId, RunStatus.FAILED, best.number(), Map.of(), e.toString());
      throw new RunFailedException("run " + runId + " failed: " + e.getMessage(), e);
    }
  }

  /** Where this run's trials are evaluated; an abort kills worker processes first. */
  private TrialRunner runner(PreparedRun prepared, int jobs, RunControl control) {
    Double timeout = prepared.spec().spec().trialTimeoutSeconds();
    if (isolation.resolve(timeout != null) != Isolation.PROCESS) {
      return new InProcessTrials(prepared.evaluator(), timeout);
    }
    if (workers == null) {
      throw new IllegalStateException("worker processes were asked for, but this engine "
          + "cannot start them");
    }
    if (prepared.function() != null
        && objectives.originOf(prepared.function()).plugin().equals(Objectives.IN_CODE)) {
      throw new IllegalStateException("objective '" + prepared.function().name() + "' is "
          + "given in code, so it cannot run in a worker process; use in-process trials");
    }
    // No more workers than trials can run at once.
    int size = (int) Math.min(jobs, Math.max(1, prepared.plannedTrials()));
    TrialRunner pool = workers.start(size, prepared.spec(), plugins.roots(), timeout,
        prepared.metricIds());
    control.onAbort(pool::close);
    return pool;
  }

  private NewRun newRun(PreparedRun prepared) {
    LoadedSpec loaded = prepared.spec();
    ExperimentSpec spec = loaded.spec();
    if (spec.isFunction()) {
      return newFunctionRun(prepared);
    }
    Path trainFile = loaded.trainFile();
    Path testFile = loaded.testFile();
    return new NewRun(spec.experiment(), prepared.strategy().name(), prepared.estimator().name(),
        spec.seed(), spec.folds(), spec.objective(), prepared.objective().greaterIsBetter(),
        prepared.plannedTrials(), loaded.toJson(), loaded.file().toAbsolutePath().toString(),
        trainFile.toString(), Sha256.of(trainFile),
        testFile == null ? null : testFile.toString(),
        testFile == null ? null : Sha256.of(testFile),
        pluginsJson(prepared), BuildVersion.current(),
        System.getProperty("java.vendor") + " " + System.getProperty("java.version"),
        System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
            + System.getProperty("os.arch"),
        Liveness.localHost(), ProcessHandle.current().pid(), Instant.now(),
        prepared.train().task().id(), prepared.train().target().name(),
        ClassLabels.toJson(prepared.train().classLabels()), prepared.positiveClass());
  }

  /**
   * A function run's provenance in the same columns as an estimator run's: the objective's name
   * where the estimator's goes, its steps as folds, no data files (empty path and digest; the
   * task column, which allows only the two learning tasks, says regression: a numeric score).
   */
  private NewRun newFunctionRun(PreparedRun prepared) {
    LoadedSpec loaded = prepared.spec();
    ExperimentSpec spec = loaded.spec();
    return new NewRun(spec.experiment(), prepared.strategy().name(), prepared.function().name(),
        spec.seed(), spec.function().steps(), spec.objective(), prepared.maximize(),
        prepared.plannedTrials(), loaded.toJson(), loaded.file().toAbsolutePath().toString(),
        "", "", null, null, pluginsJson(prepared), BuildVersion.current(),
        System.getProperty("java.vendor") + " " + System.getProperty("java.version"),
        System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
            + System.getProperty("os.arch"),
        Liveness.localHost(), ProcessHandle.current().pid(), Instant.now(),
        Task.REGRESSION.id(), null, null, null);
  }

  /** Which extension played which role, from which plugin, in which version. */
  private String pluginsJson(PreparedRun prepared) {
    List<Map<String, String>> used = new ArrayList<>();
    used.add(entry("strategy", prepared.strategy().name(), plugins.pluginOf(prepared.strategy())));
    if (prepared.function() != null) {
      Objectives.Origin origin = objectives.originOf(prepared.function());
      Map<String, String> entry = new LinkedHashMap<>();
      entry.put("role", "objective");
      entry.put("name", prepared.function().name());
      entry.put("plugin", origin.plugin());
      entry.put("version", origin.version());
      used.add(entry);
    } else {
      used.add(entry("estimator", prepared.estimator().name(),
          plugins.pluginOf(prepared.estimator())));
    }
    if (prepared.pruner() != null) {
      used.add(entry("pruner", prepared.pruner().name(), plugins.pluginOf(prepared.pruner())));
    }
    try {
      return JSON.writeValueAsString(used);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Map<String, String> entry(String role, String name, PluginInfo info) {
    Map<String, String> entry = new LinkedHashMap<>();
    entry.put("role", role);
    entry.put("name", name);
    entry.put("plugin", info == null ? "(classpath)" : info.id());
    entry.put("version", info == null ? ApiVersion.current() : info.version());
    return entry;
  }

  /** Thrown when a stored run ends failed or interrupted; the run row says so too. */
  public static final class RunFailedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    RunFailedException(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
