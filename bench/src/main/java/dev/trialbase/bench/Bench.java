package dev.trialbase.bench;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * The benchmark harness: {@code bench/run [BENCHMARK] [options]}. Each benchmark prints a
 * markdown table of what it measured beside its target; {@code all} runs every one.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
    description = "Trialbase benchmarks; each prints a markdown table.",
    subcommands = {Bench.Overhead.class, Bench.ObjectiveOverhead.class, Bench.Titanic.class,
        Bench.Parallel.class, Bench.IsolationRun.class, Bench.SparkRun.class,
        Bench.Query.class, Bench.Startup.class, Bench.Memory.class, Bench.Large.class,
        Bench.Store.class,
        Bench.Data.class, Bench.ReportRun.class, Bench.Tpe.class, Bench.Search.class,
        Bench.Weka.class, Bench.Sklearn.class, Bench.All.class})
public final class Bench {

  @Option(names = "--work", paramLabel = "DIR",
      description = "Where databases and generated files go (default: target/bench in the repository).")
  Path work;

  @Option(names = "--keep", description = "Keep the work directory's files afterwards.")
  boolean keep;

  public static void main(String[] args) {
    System.exit(new CommandLine(new Bench()).execute(args));
  }

  Path workDir(String name) throws java.io.IOException {
    Path base = work != null ? work : Env.root().resolve("target/bench");
    Files.createDirectories(base);
    return Files.createTempDirectory(base, name + "-");
  }

  void done(Path dir) {
    if (!keep) {
      Env.deleteTree(dir);
    }
  }

  /** Runs one benchmark in its own work directory and prints its table. */
  abstract static class Benchmark implements Callable<Integer> {

    @ParentCommand
    Bench bench;

    @Spec
    CommandSpec spec;

    abstract Report measure(Path work) throws Exception;

    @Override
    public Integer call() throws Exception {
      PrintWriter out = new PrintWriter(System.out, true);
      out.println("machine: " + Env.machine());
      out.println(String.format(java.util.Locale.ROOT,
          "CPU busy before the run (every process, 2 s sample): %.0f%%", 100 * Env.busy(2000)));
      Path dir = bench.workDir(spec.name());
      Report report;
      try {
        report = measure(dir);
      } finally {
        bench.done(dir);
      }
      out.println("load average after: " + String.format(java.util.Locale.ROOT, "%.2f",
          Env.loadAverage()));
      out.println();
      report.print(out);
      return 0;
    }
  }

  @Command(name = "overhead", description = "Framework overhead: noop trials per second.")
  static final class Overhead extends Benchmark {
    @Option(names = "--trials", defaultValue = "20000", description = "Trials per run (default: ${DEFAULT-VALUE}).")
    long trials;

    @Option(names = "--repeat", defaultValue = "3", description = "Measured runs (default: ${DEFAULT-VALUE}).")
    int repeat;

    @Option(names = "--jobs", defaultValue = "1", description = "--jobs of the runs (default: ${DEFAULT-VALUE}).")
    int jobs;

    @Option(names = "--metrics", split = ",", description = "Metrics scored per fold "
        + "(default: all six); e.g. --metrics accuracy for one value per fold, like Optuna's "
        + "single objective.")
    List<String> metrics = List.of();


    @Override
    Report measure(Path work) throws Exception {
      return OverheadBench.report(OverheadBench.run(work, trials, trials, repeat, jobs, metrics));
    }
  }

  @Command(name = "objective", description = "Objective overhead: no-op objective trials per "
      + "second through the library.")
  static final class ObjectiveOverhead extends Benchmark {
    @Option(names = "--trials", defaultValue = "20000", description = "Trials per run (default: ${DEFAULT-VALUE}).")
    long trials;

    @Option(names = "--repeat", defaultValue = "3", description = "Measured runs (default: ${DEFAULT-VALUE}).")
    int repeat;

    @Option(names = "--jobs", defaultValue = "1", description = "--jobs of the runs (default: ${DEFAULT-VALUE}).")
    int jobs;

    @Override
    Report measure(Path work) {
      return ObjectiveOverheadBench.report(ObjectiveOverheadBench.run(work, trials, trials,
          repeat, jobs));
    }
  }

  @Command(name = "titanic", description = "The Titanic grid: whole-process wall time and its parts.")
  static final class Titanic extends Benchmark {
    @Option(names = "--repeat", defaultValue = "3", description = "Processes of each kind (default: ${DEFAULT-VALUE}).")
    int repeat;

    @Option(names = "--spec", paramLabel = "FILE", description = "Another spec to split into "
        + "its parts the same way (default: examples/titanic/grid.json).")
    Path specFile;

    @Override
    Report measure(Path work) throws Exception {
      Path spec = specFile != null ? specFile.toAbsolutePath()
          : Env.root().resolve("examples/titanic/grid.json");
      return TitanicBench.report(TitanicBench.run(work, spec, repeat, Launch.launcher(), true));
    }
  }

  @Command(name = "parallel", description = "Parallel speed-up of CPU-bound trials, --jobs 1 vs 2.")
  static final class Parallel extends Benchmark {
    @Option(names = "--trials", defaultValue = "40", description = "Trials per run (default: ${DEFAULT-VALUE}).")
    long trials;

    @Option(names = "--trial-ms", defaultValue = "75", description = "Wanted time per trial (default: ${DEFAULT-VALUE}).")
    double trialMillis;


    @Override
    Report measure(Path work) throws Exception {
      return ParallelBench.report(ParallelBench.run(work, trials, trialMillis));
    }
  }

  @Command(name = "isolation", description = "Worker processes against in-process trials: cost per trial and to start.")
  static final class IsolationRun extends Benchmark {
    @Option(names = "--short", defaultValue = "500", description = "Trials of the short run (default: ${DEFAULT-VALUE}).")
    long shortTrials;

    @Option(names = "--long", defaultValue = "5000", description = "Trials of the long run (default: ${DEFAULT-VALUE}).")
    long longTrials;

    @Override
    Report measure(Path work) throws Exception {
      return IsolationBench.report(IsolationBench.run(work, shortTrials, longTrials));
    }
  }

  /** Not in {@code all}: its first run downloads and builds Spark (the optional module). */
  @Command(name = "spark", description = "Trials as Spark tasks on local[2] against the local "
      + "executor: cost per trial, and speed-up on CPU-bound trials. Not part of 'all'.")
  static final class SparkRun extends Benchmark {
    @Option(names = "--short", defaultValue = "200", description = "Noop trials of the short run (default: ${DEFAULT-VALUE}).")
    long shortTrials;

    @Option(names = "--long", defaultValue = "2000", description = "Noop trials of the long run (default: ${DEFAULT-VALUE}).")
    long longTrials;

    @Option(names = "--cpu-trials", defaultValue = "40", description = "CPU-bound trials (default: ${DEFAULT-VALUE}).")
    long cpuTrials;

    @Option(names = "--cpu-work", defaultValue = "20", description = "The cpu estimator's work, millions of steps per fit (default: ${DEFAULT-VALUE}).")
    int cpuWork;

    @Override
    Report measure(Path work) throws Exception {
      return SparkBench.report(SparkBench.run(work, shortTrials, longTrials, cpuTrials, cpuWork));
    }
  }

  @Command(name = "query", description = "Query latency on a generated million-trial database.")
  static final class Query extends Benchmark {
    @Option(names = "--trials", defaultValue = "1000000", description = "Trials of the big run (default: ${DEFAULT-VALUE}).")
    int trials;

    @Option(names = "--repeat", defaultValue = "5", description = "Timed repetitions (default: ${DEFAULT-VALUE}).")
    int repeat;

    @Option(names = "--cache", defaultValue = "true", negatable = true, fallbackValue = "true",
        description = "Reuse the generated database from target/bench-cache (default: ${DEFAULT-VALUE}).")
    boolean cache;


    @Override
    Report measure(Path work) throws Exception {
      Path dbDir = cache ? Env.root().resolve("target/bench-cache") : work;
      Files.createDirectories(dbDir);
      return QueryBench.report(QueryBench.run(dbDir, trials, repeat, Launch.launcher(), true));
    }
  }

  @Command(name = "startup", description = "Whole-process wall time of query commands (runs, best, trials).")
  static final class Startup extends Benchmark {
    @Option(names = "--repeat", defaultValue = "5", description = "Processes timed (default: ${DEFAULT-VALUE}).")
    int repeat;


    @Override
    Report measure(Path work) throws Exception {
      return StartupBench.report(StartupBench.run(work, repeat, Launch.launcher(), true));
    }
  }

  @Command(name = "memory", description = "A 100,000-trial noop run in a JVM with -Xmx256m.")
  static final class Memory extends Benchmark {
    @Option(names = "--trials", defaultValue = "100000", description = "Trials (default: ${DEFAULT-VALUE}).")
    long trials;

    @Option(names = "--xmx", defaultValue = "256m", description = "The child JVM's -Xmx (default: ${DEFAULT-VALUE}).")
    String xmx;


    @Override
    Report measure(Path work) throws Exception {
      return MemoryBench.report(MemoryBench.run(work, trials, xmx));
    }
  }

  @Command(name = "large", description = "run, resume, reproduce and export a million-trial run "
      + "with -Xmx256m.")
  static final class Large extends Benchmark {
    @Option(names = "--trials", defaultValue = "1000000", description = "Trials (default: ${DEFAULT-VALUE}).")
    long trials;

    @Option(names = "--xmx", defaultValue = "256m", description = "Each process's -Xmx (default: ${DEFAULT-VALUE}).")
    String xmx;

    @Override
    Report measure(Path work) throws Exception {
      return LargeRunBench.report(LargeRunBench.run(work, trials, xmx), trials, xmx);
    }
  }

  @Command(name = "store", description = "The recorder alone: cost per trial by group-commit size.")
  static final class Store extends Benchmark {
    @Option(names = "--trials", defaultValue = "20000", description = "Trials per group size (default: ${DEFAULT-VALUE}).")
    int trials;

    @Option(names = "--postgresql", description = "Instead: trials/s into SQLite against an "
        + "embedded PostgreSQL the benchmark starts (same trials, same recorder).")
    boolean postgresql;

    @Override
    Report measure(Path work) throws Exception {
      if (postgresql) {
        return PostgresStoreBench.report(PostgresStoreBench.run(work, trials));
      }
      return RecorderBench.report(RecorderBench.run(work, trials));
    }
  }

  @Command(name = "data", description = "Loading a large CSV and ARFF file: time and heap.")
  static final class Data extends Benchmark {
    @Option(names = "--rows", defaultValue = "1000000", description = "Rows (default: ${DEFAULT-VALUE}).")
    int rows;

    @Option(names = "--columns", defaultValue = "20", description = "Feature columns (default: ${DEFAULT-VALUE}).")
    int columns;

    @Option(names = "--xmx", defaultValue = "512m", description = "The reading JVM's -Xmx (default: ${DEFAULT-VALUE}).")
    String xmx;

    @Override
    Report measure(Path work) throws Exception {
      return DataBench.report(DataBench.run(work, rows, columns, xmx));
    }
  }

  @Command(name = "report", description = "trialbase report on a 100,000-trial run: time, file size, heap.")
  static final class ReportRun extends Benchmark {
    @Option(names = "--trials", defaultValue = "100000", description = "Trials of the big run (default: ${DEFAULT-VALUE}).")
    int trials;

    @Option(names = "--repeat", defaultValue = "3", description = "Timed repetitions (default: ${DEFAULT-VALUE}).")
    int repeat;

    @Option(names = "--xmx", defaultValue = "256m", description = "The whole process's -Xmx (default: ${DEFAULT-VALUE}).")
    String xmx;

    @Override
    Report measure(Path work) throws Exception {
      Path cache = Env.root().resolve("target/bench-cache");
      Files.createDirectories(cache);
      return ReportBench.report(ReportBench.run(cache, work, trials, repeat, xmx, true));
    }
  }

  @Command(name = "tpe", description = "Time per TPE proposal with 1,000 and 10,000 finished trials.")
  static final class Tpe extends Benchmark {
    @Option(names = "--proposals", defaultValue = "50", description = "Proposals timed per size (default: ${DEFAULT-VALUE}).")
    int proposals;

    @Option(names = "--sizes", split = ",", defaultValue = "1000,10000",
        description = "History sizes (default: ${DEFAULT-VALUE}).")
    List<Integer> sizes;

    @Override
    Report measure(Path work) {
      return TpeBench.report(TpeBench.run(sizes, proposals));
    }
  }

  @Command(name = "search", description = "Search quality: TPE vs random vs TPE+median on three problems.")
  static final class Search extends Benchmark {
    @Option(names = "--seeds", defaultValue = "10", description = "Seeds per method (default: ${DEFAULT-VALUE}).")
    int seeds;

    @Option(names = "--trials", defaultValue = "50", description = "Trials per run (default: ${DEFAULT-VALUE}).")
    int trials;

    @Option(names = "--jobs", defaultValue = "1", description = "--jobs of the runs (default: ${DEFAULT-VALUE}).")
    int jobs;

    @Override
    Report measure(Path work) throws Exception {
      return SearchBench.report(SearchBench.run(work, SearchBench.problems(), seeds, trials,
          jobs));
    }
  }

  @Command(name = "weka", description = "The generic weka estimator against raw Weka: time per fold (J48, Logistic on credit-g).")
  static final class Weka extends Benchmark {
    @Option(names = "--rounds", defaultValue = "40", description = "Rounds of 5 folds each (default: ${DEFAULT-VALUE}).")
    int rounds;

    @Override
    Report measure(Path work) throws Exception {
      return WekaBench.report(WekaBench.run(Env.root().resolve("examples/weka/credit-g.arff"),
          rounds, List.of("J48", "Logistic")));
    }
  }

  @Command(name = "sklearn", description = "Whole processes side by side with the same "
      + "search in scikit-learn (GridSearchCV), alternately.")
  static final class Sklearn extends Benchmark {
    @Option(names = "--pairs", defaultValue = "3", description = "Timed pairs per search "
        + "(default: ${DEFAULT-VALUE}).")
    int pairs;

    @Override
    Report measure(Path work) throws Exception {
      return SideBySideBench.report(SideBySideBench.run(work, SideBySideBench.cases(work), pairs,
          Launch.launcher()));
    }
  }

  @Command(name = "all", description = "Every benchmark at its default size, one table.")
  static final class All extends Benchmark {

    /**
     * The command lines {@code all} runs: every benchmark but the long {@code search} and
     * {@code spark} (which would download Spark), each at
     * its own defaults, and {@code overhead} once more with one metric per fold.
     */
    static final List<List<String>> RUNS = List.of(List.of("overhead"),
        List.of("overhead", "--metrics", "accuracy"), List.of("objective"), List.of("store"),
        List.of("titanic"), List.of("parallel"), List.of("isolation"), List.of("query"),
        List.of("startup"), List.of("memory"), List.of("large"), List.of("data"),
        List.of("report"), List.of("tpe"), List.of("weka"), List.of("sklearn"));

    @Override
    Report measure(Path work) throws Exception {
      Report all = new Report();
      for (List<String> run : RUNS) {
        // A fresh command line for each: picocli gives the benchmark its options' defaults.
        CommandLine.ParseResult parsed = new CommandLine(new Bench())
            .parseArgs(run.toArray(String[]::new));
        Benchmark benchmark = (Benchmark) parsed.subcommand().commandSpec().userObject();
        all.addAll(benchmark.measure(Files.createDirectories(work.resolve(String.join("-", run)))));
      }
      return all;
    }
  }
}
