package example;

import dev.trialbase.RunInfo;
import dev.trialbase.Space;
import dev.trialbase.Spec;
import dev.trialbase.TrialInfo;
import dev.trialbase.Trialbase;
import dev.trialbase.api.Objective;
import java.nio.file.Path;
import java.util.SplittableRandom;

/**
 * Tunes a plain Java function with Trialbase: finds the minimum of a noisy quadratic with TPE,
 * stores every trial in an SQLite file (open it with {@code trialbase runs --db FILE}) and
 * prints the best.
 *
 * <p>Usage: {@code QuadraticSearch [DATABASE]} (default {@code quadratic.db}).
 */
public final class QuadraticSearch {

  /**
   * {@code (x - 2)² + (y + 1)²} measured with noise. The noise is drawn from the trial's seed,
   * and from nothing else, so the run reproduces exactly and does not depend on how many
   * trials run in parallel.
   */
  static final Objective NOISY_QUADRATIC = (params, trial) -> {
    double x = params.getDouble("x");
    double y = params.getDouble("y");
    double noise = new SplittableRandom(trial.seed()).nextGaussian() * 0.05;
    return (x - 2) * (x - 2) + (y + 1) * (y + 1) + noise;
  };

  private QuadraticSearch() {
  }

  /** The search, as a spec file would say it: 60 TPE trials over x and y, seed 42. */
  static Spec spec() {
    return Spec.builder()
        .experiment("noisy-quadratic")
        .function("noisy-quadratic")
        .space("x", Space.floatRange(-5, 5))
        .space("y", Space.floatRange(-5, 5))
        .strategy("tpe")
        .objective("loss")
        .direction("minimize")
        .trials(60)
        .seed(42)
        .build();
  }

  /** Runs the search into {@code database}, two trials at a time; returns the stored run. */
  static RunInfo search(Path database) {
    try (Trialbase trialbase = Trialbase.open(database)) {
      trialbase.objective("noisy-quadratic", "1", NOISY_QUADRATIC);
      return trialbase.run(spec(), 2);
    }
  }

  public static void main(String[] args) {
    Path database = Path.of(args.length > 0 ? args[0] : "quadratic.db");
    RunInfo run = search(database);
    try (Trialbase trialbase = Trialbase.open(database)) {
      TrialInfo best = trialbase.best(run.id()).orElseThrow();
      System.out.printf("run %d: %d trials; best trial %d: loss %.4f at x = %.3f, y = %.3f%n",
          run.id(), run.trials(), best.number(), best.objective(),
          best.params().getDouble("x"), best.params().getDouble("y"));
    }
  }
}
