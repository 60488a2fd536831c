package dev.trialbase.bench;

import dev.trialbase.engine.PreparedRun;
import dev.trialbase.engine.RunControl;
import dev.trialbase.engine.RunEngine;
import dev.trialbase.engine.RunListener;
import dev.trialbase.engine.RunResult;
import dev.trialbase.plugin.PluginRegistry;
import dev.trialbase.spec.SpecReader;
import dev.trialbase.store.Database;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Search quality: TPE, random search and TPE with the median pruner on real problems (Weka's
 * logistic regression on data in the repository, a space of three parameters), each over
 * several seeds. For every run it records the best CV accuracy among the complete trials
 * after 10, 25 and 50 trials, the folds fitted and the wall time; the report gives the median
 * and the spread (min-max) over seeds, and checks the two targets of issue 12.
 */
final class SearchBench {

  /** A data set and its class column. */
  record Problem(String name, Path train, String target) {
  }

  /** One run's figures. */
  record Outcome(String problem, String method, long seed, double[] bestAfter, long fits,
      double seconds) {
  }

  static final String[] METHODS = {"random", "tpe", "tpe+median"};
  static final int[] CHECKPOINTS = {10, 25, 50};

  private SearchBench() {
  }

  /** The three problems: Titanic, Pima diabetes, German credit (numeric attributes). */
  static List<Problem> problems() {
    Path examples = Env.root().resolve("examples");
    return List.of(
        new Problem("titanic", examples.resolve("titanic/train.csv"), "Survived"),
        new Problem("diabetes", examples.resolve("weka/diabetes.arff"), "class"),
        new Problem("credit-g", Env.root().resolve("bench/data/credit-g-numeric/credit-numeric.csv"),
            "class"));
  }

  static List<Outcome> run(Path work, List<Problem> problems, int seeds, int trials, int jobs)
      throws Exception {
    List<Outcome> out = new ArrayList<>();
    try (PluginRegistry plugins = PluginRegistry.load(Env.pluginRoots())) {
      RunEngine engine = new RunEngine(plugins);
      for (Problem problem : problems) {
        for (String method : METHODS) {
          for (long seed = 1; seed <= seeds; seed++) {
            out.add(once(engine, work, problem, method, seed, trials, jobs));
          }
        }
      }
    }
    return out;
  }

  /** The spec of one run: C (log), maxIts (1..50) and the penalty (l2 or none). */
  static String spec(Problem problem, String method, long seed, int trials) {
    String strategy = method.equals("random") ? "{\"name\": \"random\"}"
        : "{\"name\": \"tpe\"}";
    String pruner = method.endsWith("+median") ? "\"pruner\": {\"name\": \"median\"}," : "";
    return """
        {
          "experiment": "search-%s",
          "data": { "train": "%s", "target": "%s" },
          "estimator": { "name": "weka-logistic" },
          "strategy": %s,
          %s
          "space": {
            "C": { "type": "float", "low": 0.0001, "high": 10000, "log": true },
            "maxIts": { "type": "int", "low": 1, "high": 50, "step": 1 },
            "penalty": ["l2", null]
          },
          "trials": %d,
          "folds": 5,
          "metrics": ["accuracy"],
          "seed": %d
        }
        """.formatted(problem.name(), problem.train().toAbsolutePath().toString()
            .replace("\\", "\\\\"), problem.target(), strategy, pruner, trials, seed);
  }

  private static Outcome once(RunEngine engine, Path work, Problem problem, String method,
      long seed, int trials, int jobs) throws Exception {
    String name = problem.name() + "-" + method.replace('+', '-') + "-" + seed;
    Path spec = Files.writeString(work.resolve(name + ".json"),
        spec(problem, method, seed, trials));
    PreparedRun prepared = engine.prepare(SpecReader.read(spec));
    Database database = Database.open(work.resolve(name + ".db"));
    long start = System.nanoTime();
    RunResult result = engine.execute(prepared, database, jobs, RunListener.NONE,
        new RunControl());
    double seconds = (System.nanoTime() - start) / 1e9;
    long fits = OverheadBench.count(database, "fold_metrics", result.runId());
    List<Double> objective = database.jdbi().withHandle(h -> h.createQuery("""
            select case when status = 'complete' then objective end from trials
            where run_id = :run order by number""")
        .bind("run", result.runId()).mapTo(Double.class).list());
    double[] bestAfter = new double[CHECKPOINTS.length];
    for (int c = 0; c < CHECKPOINTS.length; c++) {
      double best = Double.NaN;
      for (int n = 0; n < Math.min(CHECKPOINTS[c], objective.size()); n++) {
        Double v = objective.get(n);
        if (v != null && (Double.isNaN(best) || v > best)) {
          best = v;
        }
      }
      bestAfter[c] = best;
    }
    return new Outcome(problem.name(), method, seed, bestAfter, fits, seconds);
  }

  static double median(double[] values) {
    double[] s = values.clone();
    Arrays.sort(s);
    int n = s.length;
    return n % 2 == 1 ? s[n / 2] : 0.5 * (s[n / 2 - 1] + s[n / 2]);
  }

  private static double[] column(List<Outcome> outcomes, java.util.function.ToDoubleFunction<Outcome> f) {
    return outcomes.stream().mapToDouble(f).toArray();
  }

  private static String spread(double[] v) {
    double[] s = v.clone();
    Arrays.sort(s);
    return String.format(Locale.ROOT, "%.4f (%.4f-%.4f)", median(v), s[0], s[s.length - 1]);
  }

  static Report report(List<Outcome> outcomes) {
    Report report = new Report();
    List<String> problems = outcomes.stream().map(Outcome::problem).distinct().toList();
    int tpeWins = 0;
    for (String problem : problems) {
      double[] medians25 = new double[METHODS.length];
      double[] medians50 = new double[METHODS.length];
      double[] fits = new double[METHODS.length];
      for (int m = 0; m < METHODS.length; m++) {
        String method = METHODS[m];
        List<Outcome> runs = outcomes.stream()
            .filter(o -> o.problem().equals(problem) && o.method().equals(method)).toList();
        StringBuilder best = new StringBuilder();
        for (int c = 0; c < CHECKPOINTS.length; c++) {
          int cc = c;
          double[] v = column(runs, o -> o.bestAfter()[cc]);
          best.append(c > 0 ? "; " : "").append(CHECKPOINTS[c]).append(": ").append(spread(v));
          if (CHECKPOINTS[c] == 25) {
            medians25[m] = median(v);
          }
          if (CHECKPOINTS[c] == 50) {
            medians50[m] = median(v);
          }
        }
        fits[m] = median(column(runs, o -> o.fits()));
        report.info("search " + problem, method + ": best CV accuracy, median (min-max) of "
            + runs.size() + " seeds after 10; 25; 50 trials", best.toString());
        report.info("search " + problem, method + ": fold fits, wall time (median)",
            String.format(Locale.ROOT, "%.0f fits, %.1f s", fits[m],
                median(column(runs, Outcome::seconds))));
      }
      boolean win = medians25[1] >= medians50[0];
      tpeWins += win ? 1 : 0;
      report.info("search " + problem, "tpe median best after 25 vs random after 50",
          String.format(Locale.ROOT, "%.4f vs %.4f%s", medians25[1], medians50[0],
              win ? "" : " (short)"));
      double saved = 1 - fits[2] / fits[1];
      double gap = medians50[1] - medians50[2];
      report.check("search " + problem, "median pruner: fold fits saved; best after 50 vs tpe",
          String.format(Locale.ROOT, "%.0f%% saved; %.4f vs %.4f", 100 * saved, medians50[2],
              medians50[1]), ">= 30% saved, within 0.005", saved >= 0.30 && gap <= 0.005);
    }
    report.check("search", "problems where tpe's median best after 25 >= random's after 50",
        tpeWins + " of " + problems.size(), ">= 2 of 3", tpeWins >= Math.min(2, problems.size()));
    return report;
  }
}
