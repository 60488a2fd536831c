package dev.trialbase.bench;

import dev.trialbase.engine.PreparedRun;
import dev.trialbase.engine.RunControl;
import dev.trialbase.engine.RunEngine;
import dev.trialbase.engine.RunListener;
import dev.trialbase.engine.RunResult;
import dev.trialbase.plugin.PluginRegistry;
import dev.trialbase.spec.SpecReader;
import dev.trialbase.store.Database;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Framework overhead: the noop estimator (a PF4J plugin from target/test-plugins) with 5 folds
 * and random search, through the real PluginRegistry, RunEngine and an SQLite file. In-process
 * and after a warm-up run, so JVM start-up and JIT compilation are not counted; each run gets
 * a new database file. What a trial costs here is all framework: proposing, scoring six
 * metrics on five folds, and storing the trial, its 4 parameters, 30 fold scores and 6 means.
 */
final class OverheadBench {

  static final long TARGET_TRIALS_PER_SECOND = 20_000;

  /**
   * One measured run.
   *
   * @param transactions the recorder's transactions that stored trials (group commits)
   * @param storeMillis time spent inside those transactions
   */
  record Run(long trials, long complete, long foldRows, long paramRows, double seconds,
      long transactions, double storeMillis) {

    double trialsPerSecond() {
      return trials / seconds;
    }

    double microsPerTrial() {
      return seconds * 1e6 / trials;
    }
  }

  /** The measured runs, fastest first. */
  record Result(List<Run> runs, int jobs, List<String> metrics) {
    Run best() {
      return runs.get(0);
    }

    Run median() {
      return runs.get(runs.size() / 2);
    }
  }

  private OverheadBench() {
  }

  /**
   * Runs {@code warmupTrials} trials once to warm up, then {@code trials} trials
   * {@code repeat} times, each into a new database in {@code work}.
   */
  static Result run(Path work, long trials, long warmupTrials, int repeat, int jobs)
      throws Exception {
    return run(work, trials, warmupTrials, repeat, jobs, List.of());
  }

  /** As above, scoring only {@code metrics} on each fold (every metric when empty). */
  static Result run(Path work, long trials, long warmupTrials, int repeat, int jobs,
      List<String> metrics) throws Exception {
    Path csv = Workloads.csv(work, "noop-train.csv", 200, 5);
    List<Run> runs = new ArrayList<>();
    try (PluginRegistry plugins = PluginRegistry.load(Env.pluginRoots())) {
      RunEngine engine = new RunEngine(plugins);
      if (warmupTrials > 0) {
        once(engine, work, csv, "overhead-warmup", warmupTrials, jobs, metrics);
      }
      for (int i = 0; i < repeat; i++) {
        runs.add(once(engine, work, csv, "overhead-" + i, trials, jobs, metrics));
      }
    }
    runs.sort(Comparator.comparingDouble(Run::seconds));
    return new Result(runs, jobs, metrics);
  }

  private static Run once(RunEngine engine, Path work, Path csv, String name, long trials,
      int jobs, List<String> metrics) {
    Path spec = Workloads.noopSpec(work, name + ".json", csv, trials, 1, metrics);
    PreparedRun prepared = engine.prepare(SpecReader.read(spec));
    Database database = Database.open(work.resolve(name + ".db"));
    System.gc();
    long start = System.nanoTime();
    RunResult result = engine.execute(prepared, database, jobs, RunListener.NONE,
        new RunControl());
    double seconds = (System.nanoTime() - start) / 1e9;
    long foldRows = count(database, "fold_metrics", result.runId()); // the view: one per fold
    long paramRows = count(database, "params", result.runId());
    return new Run(result.trials(), result.trials() - result.failed(), foldRows, paramRows,
        seconds, result.commits(), result.storingNanos() / 1e6);
  }

  static long count(Database database, String table, long runId) {
    return database.jdbi().withHandle(h -> h.createQuery(
            "select count(*) from " + table + " where run_id = :run")
        .bind("run", runId).mapTo(Long.class).one());
  }

  static Report report(Result r) {
    Run m = r.median();
    String name = "1 overhead";
    String scored = r.metrics().isEmpty() ? "6 metrics" : String.join(", ", r.metrics());
    return new Report()
        .check(name, "noop trials/s (5 folds, " + scored + ", median of " + r.runs().size() + ")",
            Report.num(m.trialsPerSecond(), 0), ">= " + Report.num(TARGET_TRIALS_PER_SECOND, 0),
            m.trialsPerSecond() >= TARGET_TRIALS_PER_SECOND)
        .info(name, "best run trials/s", Report.num(r.best().trialsPerSecond(), 0))
        .info(name, "overhead per trial (median)", Report.num(m.microsPerTrial(), 1) + " µs")
        .info(name, "of which storing (in recorder transactions)",
            Report.num(m.storeMillis() * 1000 / m.trials(), 1) + " µs")
        .info(name, "trials per commit (group commit)",
            Report.num((double) m.trials() / Math.max(1, m.transactions()), 1))
        .info(name, "trials / fold-score rows stored",
            m.trials() + " / " + m.foldRows());
  }
}
