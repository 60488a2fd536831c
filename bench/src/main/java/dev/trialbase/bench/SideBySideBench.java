package dev.trialbase.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Trialbase beside scikit-learn, as a user meets both: the same grid search run from the shell
 * as a whole process, {@code ./trialbase run SPEC} (new database, default {@code --jobs}) and
 * {@code /usr/bin/python3 bench/sklearn/grid_search.py} (GridSearchCV over LogisticRegression,
 * the same grid, 5 stratified folds, the same six metrics, refit and test score). Each pair runs
 * the two alternately, so a busy moment hits both; the report gives the median of the ratios.
 * Without scikit-learn the Python column is skipped, and the report says so.
 */
final class SideBySideBench {

  /** Where the scikit-learn script lives, from the repository root. */
  static final String SCRIPT = "bench/sklearn/grid_search.py";
  /** The Python with Debian's python3-sklearn; not whatever python is first on PATH. */
  static final String PYTHON = "/usr/bin/python3";
  /** The small searches' grid of C, as scikit-learn's examples use. */
  static final String C_GRID = "0.001,0.01,0.1,1,10,100,1000";

  /**
   * One search on both sides.
   *
   * @param spec the Trialbase spec to run (made in the work folder for small searches)
   * @param python the script's arguments for the same search
   * @param target the largest acceptable Trialbase / scikit-learn wall-time ratio
   */
  record Case(String name, Path spec, List<String> python, double target) {
  }

  /** One case measured: wall times of each pair (ms), and what each side found. */
  record Timing(Case search, List<Double> trialbase, List<Double> sklearn, String trialbaseBest,
      String sklearnBest) {

    List<Double> ratios() {
      List<Double> out = new ArrayList<>();
      for (int i = 0; i < Math.min(trialbase.size(), sklearn.size()); i++) {
        out.add(trialbase.get(i) / sklearn.get(i));
      }
      return out;
    }
  }

  record Result(List<Timing> timings, boolean sklearn, String sklearnVersion, int pairs) {
  }

  private SideBySideBench() {
  }

  /**
   * The searches compared. To add one, add a line: {@link #smallSearch} for a data file in the
   * repository (CSV or ARFF) and its class column.
   */
  static List<Case> cases(Path work) throws IOException {
    Path root = Env.root();
    Path titanic = root.resolve("examples/titanic");
    List<Case> cases = new ArrayList<>();
    cases.add(new Case("Titanic lesson grid (140 points: 7 C x 4 penalty x 5 solver)",
        titanic.resolve("grid.json"), List.of("--train", titanic.resolve("train.csv").toString(),
            "--test", titanic.resolve("test.csv").toString(), "--target", "Survived",
            "--C", C_GRID, "--penalty", "l1,l2,elasticnet,none",
            "--solver", "newton-cg,lbfgs,liblinear,sag,saga"), 0.5));
    cases.add(smallSearch(work, "titanic", titanic.resolve("train.csv"),
        titanic.resolve("test.csv"), "Survived"));
    // The small searches, on Weka's own example files (nominal attributes one-hot
    // encoded on the scikit-learn side, as Weka's Logistic does itself).
    Path weka = root.resolve("examples/weka");
    cases.add(smallSearch(work, "diabetes", weka.resolve("diabetes.arff"), null, "class"));
    cases.add(smallSearch(work, "credit-g", weka.resolve("credit-g.arff"), null, "class"));
    // credit-g's time is Weka's Logistic fitting: the same grid on the pure-Java LIBLINEAR
    // path, against scikit-learn's liblinear solver.
    cases.add(smallSearch(work, "credit-g", weka.resolve("credit-g.arff"), null, "class",
        "liblinear"));
    cases.add(smallSearch(work, "breast-cancer", weka.resolve("breast-cancer.arff"), null,
        "Class"));
    return cases;
  }

  /** A 7-point C grid, 5 folds, weka-logistic against lbfgs; target 1.0x. */
  static Case smallSearch(Path work, String name, Path train, Path test, String target)
      throws IOException {
    return smallSearch(work, name, train, test, target, null);
  }

  /**
   * A 7-point C grid, 5 folds; with {@code solver} (e.g. {@code liblinear}) on both sides,
   * else weka-logistic's default (Weka's Logistic) against lbfgs. Target 1.0x.
   */
  static Case smallSearch(Path work, String name, Path train, Path test, String target,
      String solver) throws IOException {
    String spec = """
        {"experiment": "side-by-side-%s",
         "data": {"train": "%s",%s "target": "%s"},
         "estimator": {"name": "weka-logistic"},
         "strategy": {"name": "grid"},
         "space": {"C": [%s]%s},
         "folds": 5, "objective": "accuracy", "seed": 42}
        """.formatted(name, train, test == null ? "" : " \"test\": \"" + test + "\",", target,
        C_GRID, solver == null ? "" : ", \"solver\": [\"" + solver + "\"]");
    String label = solver == null ? name : name + "-" + solver;
    Path file = Files.writeString(work.resolve(label + "-c-grid.json"), spec);
    List<String> python = new ArrayList<>(List.of("--train", train.toString(), "--target",
        target, "--C", C_GRID));
    if (test != null) {
      python.addAll(List.of("--test", test.toString()));
    }
    if (solver != null) {
      python.addAll(List.of("--solver", solver));
    }
    return new Case(name + ", 7-point C grid, 5 folds"
        + (solver == null ? "" : ", solver " + solver), file, python, 1.0);
  }

  /** The scikit-learn version, or null when {@link #PYTHON} cannot import it. */
  static String sklearnVersion() {
    try {
      Env.Exit exit = Env.run(List.of(PYTHON, "-c", "import sklearn; print(sklearn.__version__)"),
          Map.of(), 120);
      return exit.code() == 0 ? exit.out().strip() : null;
    } catch (IOException | InterruptedException | RuntimeException e) {
      return null;
    }
  }

  static Result run(Path work, List<Case> cases, int pairs, Launch launch) throws Exception {
    String version = sklearnVersion();
    Path script = Env.root().resolve(SCRIPT);
    List<Timing> timings = new ArrayList<>();
    int db = 0;
    for (Case c : cases) {
      List<String> python = new ArrayList<>(List.of(PYTHON, script.toString()));
      python.addAll(c.python());
      // One unmeasured run of each: class-data archive, Python's caches, the OS's file cache.
      String tbBest = best(Env.runOk(trialbase(launch, c, work.resolve("warm-" + db++ + ".db")),
          Map.of(), 600).out());
      String pyBest = version == null ? null : best(Env.runOk(python, Map.of(), 600).out());
      List<Double> tb = new ArrayList<>();
      List<Double> py = new ArrayList<>();
      for (int i = 0; i < pairs; i++) {
        tb.add(Env.runOk(trialbase(launch, c, work.resolve("run-" + db++ + ".db")), Map.of(),
            600).wallMillis());
        if (version != null) {
          py.add(Env.runOk(python, Map.of(), 600).wallMillis());
        }
      }
      timings.add(new Timing(c, tb, py, tbBest, pyBest));
    }
    return new Result(timings, version != null, version, pairs);
  }

  private static List<String> trialbase(Launch launch, Case c, Path db) {
    return launch.command(List.of("run", c.spec().toString(), "--db", db.toString(),
        "--no-progress"));
  }

  private static final Pattern BEST = Pattern.compile("best CV accuracy: ([0-9.]+)");

  /** The best CV accuracy either side printed. */
  static String best(String output) {
    Matcher m = BEST.matcher(output);
    return m.find() ? m.group(1) : "?";
  }

  static Report report(Result r) {
    String name = "6 vs scikit-learn";
    Report report = new Report();
    report.info(name, "scikit-learn", r.sklearn()
        ? r.sklearnVersion() + " (" + PYTHON + "), GridSearchCV, n_jobs=None (one core)"
        : "not installed (Debian: apt-get install python3-sklearn): its column is skipped");
    for (Timing t : r.timings()) {
      String what = t.search().name();
      report.info(name, what + ": Trialbase whole process, median of " + t.trialbase().size(),
          Report.ms(QueryBench.median(t.trialbase())) + " (best CV accuracy "
              + t.trialbaseBest() + ")");
      if (!r.sklearn()) {
        continue;
      }
      report.info(name, what + ": scikit-learn whole process, median of " + t.sklearn().size(),
          Report.ms(QueryBench.median(t.sklearn())) + " (best CV accuracy "
              + t.sklearnBest() + ")");
      double ratio = QueryBench.median(t.ratios());
      List<String> each = t.ratios().stream().map(x -> Report.num(x, 2)).toList();
      report.check(name, what + ": ratio Trialbase / scikit-learn, median of "
              + t.ratios().size() + " pairs (" + String.join(", ", each) + ")",
          Report.num(ratio, 2) + "x", "<= " + Report.num(t.search().target(), 1) + "x",
          ratio <= t.search().target());
    }
    return report;
  }
}
