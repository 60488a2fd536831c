package dev.trialbase.engine;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.trialbase.api.ApiVersion;
import dev.trialbase.api.Dataset;
import dev.trialbase.api.Estimator;
import dev.trialbase.api.History;
import dev.trialbase.api.ParamSet;
import dev.trialbase.api.Proposer;
import dev.trialbase.api.SearchStrategy;
import dev.trialbase.api.StrategyOptions;
import dev.trialbase.data.CsvDatasets;
import dev.trialbase.data.Sha256;
import dev.trialbase.eval.Folds;
import dev.trialbase.eval.Metric;
import dev.trialbase.plugin.PluginInfo;
import dev.trialbase.plugin.PluginRegistry;
import dev.trialbase.spec.ExperimentSpec;
import dev.trialbase.spec.LoadedSpec;
import dev.trialbase.store.Database;
import dev.trialbase.store.NewRun;
import dev.trialbase.store.RunRecorder;
import dev.trialbase.store.RunStatus;
import dev.trialbase.store.TrialRecord;
import dev.trialbase.store.TrialStatus;
import java.net.InetAddress;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.SplittableRandom;
import java.util.TreeMap;

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

  public RunEngine(PluginRegistry plugins) {
    this.plugins = plugins;
  }

  /**
   * Checks {@code loaded} against the plugins and its data, and reads the data. Nothing is
   * stored yet, so a spec that cannot run leaves every database untouched.
   */
  public PreparedRun prepare(LoadedSpec loaded) {
    if (loaded.spec().seed() == null) {
      loaded = loaded.withSeed(new SecureRandom().nextLong() >>> 1);
    }
    ExperimentSpec spec = loaded.spec();
    SearchStrategy strategy = plugins.strategy(spec.strategy().name());
    Estimator estimator = plugins.estimator(spec.estimator().name());
    ParamSet fixed = SpecChecks.fixedParams(spec, estimator, loaded.space());
    Metric objective = Metric.byId(spec.objective());
    List<Metric> metrics = spec.metrics().stream().map(Metric::byId).toList();
    boolean maximize = objective.greaterIsBetter();
    Proposer proposer = SpecChecks.start(strategy, loaded.space(),
        new StrategyOptions(spec.strategy().options() == null ? Map.of()
            : spec.strategy().options(), maximize));
    long planned = SpecChecks.plannedTrials(spec, proposer);
    Dataset train = CsvDatasets.read(loaded.trainFile(), spec.data().target());
    Dataset test = loaded.testFile() == null ? null
        : CsvDatasets.readLike(loaded.testFile(), spec.data().target(), train);
    Folds folds = SpecChecks.folds(train, spec.folds(), spec.seed());
    TrialEvaluator evaluator = new TrialEvaluator(estimator, fixed, metrics, objective,
        spec.seed(), train, folds);
    return new PreparedRun(loaded, strategy, estimator, proposer, planned, objective, train,
        test, evaluator);
  }

  /** Runs a prepared spec with {@code jobs} parallel trials, storing it in {@code database}. */
  public RunResult execute(PreparedRun prepared, Database database, int jobs,
      RunListener listener) {
    if (jobs < 1) {
      throw new IllegalArgumentException("--jobs must be at least 1, got " + jobs);
    }
    long seed = prepared.spec().spec().seed();
    boolean maximize = prepared.objective().greaterIsBetter();
    Proposer proposer = prepared.proposer();
    TrialEvaluator evaluator = prepared.evaluator();
    try (RunRecorder recorder = new RunRecorder(database)) {
      long runId = recorder.beginRun(newRun(prepared));
      listener.started(runId, prepared.plannedTrials());
      try (TrialScheduler scheduler = new TrialScheduler(jobs,
          prepared.spec().spec().trialTimeoutSeconds(), evaluator)) {
        Best best = new Best(maximize);
        long[] counts = new long[2];
        Map<Long, History.FinishedTrial> finished = new TreeMap<>();
        scheduler.runAll(prepared.plannedTrials(), n -> propose(proposer, seed, n, finished),
            trial -> {
              recorder.recordTrial(runId, trial);
              best.offer(trial);
              counts[0]++;
              if (trial.status() != TrialStatus.COMPLETE) {
                counts[1]++;
              }
              if (proposer.usesHistory()) {
                finished.put(trial.number(), finishedTrial(trial, maximize));
              }
              listener.trialFinished(trial, best.score());
            }, n -> !proposer.usesHistory() || finished.size() >= n - proposer.historyLag());
        Map<String, Double> testScores = new LinkedHashMap<>();
        if (best.number() != null && prepared.test() != null) {
          listener.refitting();
          testScores = evaluator.refitAndTest(best.params(), prepared.train(), prepared.test());
        }
        recorder.finishRun(runId, RunStatus.COMPLETE, best.number(), testScores, null);
        return new RunResult(runId, seed, RunStatus.COMPLETE, counts[0], counts[1],
            best.number(), best.params(), best.score(), prepared.objective().id(), testScores);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        recorder.finishRun(runId, RunStatus.INTERRUPTED, null, Map.of(), "interrupted");
        throw new RunFailedException("run " + runId + " was interrupted", e);
      } catch (Exception | Error e) {
        recorder.finishRun(runId, RunStatus.FAILED, null, Map.of(), e.toString());
        throw new RunFailedException("run " + runId + " failed: " + e.getMessage(), e);
      }
    }
  }

  /**
   * The proposal for trial {@code n}: its random stream derives from (seed, n) alone, and an
   * adaptive proposer sees exactly the trials numbered below {@code n - historyLag()}.
   */
  private static Optional<ParamSet> propose(Proposer proposer, long seed, long n,
      Map<Long, History.FinishedTrial> finished) {
    SplittableRandom random = new SplittableRandom(
        Seeds.derive(seed, Seeds.Stream.PROPOSAL, n, 0));
    History history = History.empty();
    if (proposer.usesHistory()) {
      List<History.FinishedTrial> visible = new ArrayList<>();
      for (History.FinishedTrial t : finished.values()) {
        if (t.number() < n - proposer.historyLag()) {
          visible.add(t);
        }
      }
      history = new History(visible);
    }
    return proposer.propose(n, random, history);
  }

  private static History.FinishedTrial finishedTrial(TrialRecord trial, boolean maximize) {
    boolean ok = trial.status() == TrialStatus.COMPLETE && Double.isFinite(trial.objective());
    return new History.FinishedTrial(trial.number(), trial.params(), ok,
        ok ? OptionalDouble.of(maximize ? trial.objective() : -trial.objective())
            : OptionalDouble.empty());
  }

  private NewRun newRun(PreparedRun prepared) {
    LoadedSpec loaded = prepared.spec();
    ExperimentSpec spec = loaded.spec();
    Path trainFile = loaded.trainFile();
    Path testFile = loaded.testFile();
    return new NewRun(spec.experiment(), prepared.strategy().name(), prepared.estimator().name(),
        spec.seed(), spec.folds(), spec.objective(), prepared.objective().greaterIsBetter(),
        prepared.plannedTrials(), loaded.toJson(), loaded.file().toAbsolutePath().toString(),
        trainFile.toString(), Sha256.of(trainFile),
        testFile == null ? null : testFile.toString(),
        testFile == null ? null : Sha256.of(testFile),
        pluginsJson(prepared.strategy(), prepared.estimator()), ApiVersion.current(),
        System.getProperty("java.vendor") + " " + System.getProperty("java.version"),
        System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
            + System.getProperty("os.arch"),
        hostName(), ProcessHandle.current().pid(), Instant.now());
  }

  private String pluginsJson(SearchStrategy strategy, Estimator estimator) {
    List<Map<String, String>> used = new ArrayList<>();
    for (Object extension : List.of(strategy, estimator)) {
      PluginInfo info = plugins.pluginOf(extension);
      Map<String, String> entry = new LinkedHashMap<>();
      entry.put("role", extension == strategy ? "strategy" : "estimator");
      entry.put("name", extension == strategy ? strategy.name() : estimator.name());
      entry.put("plugin", info == null ? "(classpath)" : info.id());
      entry.put("version", info == null ? ApiVersion.current() : info.version());
      used.add(entry);
    }
    try {
      return JSON.writeValueAsString(used);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String hostName() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (Exception e) {
      return null;
    }
  }

  /** The best complete trial so far: highest (or lowest) objective, lowest number on ties. */
  private static final class Best {
    private final boolean maximize;
    private Long number;
    private ParamSet params;
    private double score = Double.NaN;

    Best(boolean maximize) {
      this.maximize = maximize;
    }

    void offer(TrialRecord t) {
      if (t.status() != TrialStatus.COMPLETE || !Double.isFinite(t.objective())) {
        return;
      }
      boolean better = number == null
          || (maximize ? t.objective() > score : t.objective() < score)
          || (t.objective() == score && t.number() < number);
      if (better) {
        number = t.number();
        params = t.params();
        score = t.objective();
      }
    }

    Long number() {
      return number;
    }

    ParamSet params() {
      return params;
    }

    double score() {
      return score;
    }
  }

  /** Thrown when a stored run ends failed or interrupted; the run row says so too. */
  public static final class RunFailedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    RunFailedException(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
