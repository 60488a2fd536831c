package dev.trialbase.bench;

import dev.trialbase.RunInfo;
import dev.trialbase.Space;
import dev.trialbase.Spec;
import dev.trialbase.Trialbase;
import dev.trialbase.store.Database;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Framework overhead for objectives: a no-op objective given in code (it returns one of its
 * parameters) under random search over the same four parameters as {@link OverheadBench},
 * through the library's {@code Trialbase.run} into an SQLite file. In-process, after a warm-up
 * run; all runs go into one store kept open, as a program would. What a trial costs here is proposing it, calling the
 * objective and storing the trial, its 4 parameters and its score.
 */
final class ObjectiveOverheadBench {

  static final long TARGET_TRIALS_PER_SECOND = 20_000;

  /** One measured run: trials stored, of which complete, parameter rows, wall seconds. */
  record Run(long trials, long complete, long paramRows, double seconds) {
    double trialsPerSecond() {
      return trials / seconds;
    }

    double microsPerTrial() {
      return seconds * 1e6 / trials;
    }
  }

  /** The measured runs, fastest first. */
  record Result(List<Run> runs, int jobs) {
    Run best() {
      return runs.get(0);
    }

    Run median() {
      return runs.get(runs.size() / 2);
    }
  }

  private ObjectiveOverheadBench() {
  }

  /**
   * One store, opened once as a program would keep it open (its plugins loaded once, so the
   * strategy's code stays compiled), holding the warm-up run and then the measured ones.
   */
  static Result run(Path work, long trials, long warmupTrials, int repeat, int jobs) {
    Path file = work.resolve("objective.db");
    List<Run> runs = new ArrayList<>();
    try (Trialbase trialbase = Trialbase.open(file, Env.pluginRoots())) {
      trialbase.objective("noop", "1", (params, trial) -> params.getDouble("z"));
      if (warmupTrials > 0) {
        once(trialbase, warmupTrials, jobs);
      }
      for (int i = 0; i < repeat; i++) {
        runs.add(once(trialbase, trials, jobs));
      }
    }
    runs.sort(Comparator.comparingDouble(Run::seconds));
    return new Result(runs, jobs);
  }

  private static Run once(Trialbase trialbase, long trials, int jobs) {
    Spec spec = Spec.builder()
        .experiment("bench-objective")
        .function("noop")
        .space("x", Space.logRange(0.0001, 10000))
        .space("y", Space.intRange(1, 500))
        .space("z", Space.floatRange(0, 1))
        .space("c", Space.choice("lbfgs", "newton-cg", "sag", null))
        .strategy("random")
        .trials(trials)
        .seed(1)
        .build();
    System.gc();
    long start = System.nanoTime();
    RunInfo run = trialbase.run(spec, jobs);
    double seconds = (System.nanoTime() - start) / 1e9;
    long paramRows = OverheadBench.count(Database.openReadOnly(trialbase.databaseFile()),
        "params", run.id());
    return new Run(run.trials(), run.complete(), paramRows, seconds);
  }

  static Report report(Result r) {
    Run m = r.median();
    String name = "1 overhead";
    return new Report()
        .check(name, "noop objective trials/s (library, median of " + r.runs().size() + ")",
            Report.num(m.trialsPerSecond(), 0), ">= " + Report.num(TARGET_TRIALS_PER_SECOND, 0),
            m.trialsPerSecond() >= TARGET_TRIALS_PER_SECOND)
        .info(name, "best objective run trials/s", Report.num(r.best().trialsPerSecond(), 0))
        .info(name, "objective overhead per trial (median)",
            Report.num(m.microsPerTrial(), 1) + " µs");
  }
}
