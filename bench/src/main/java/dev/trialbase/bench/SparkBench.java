package dev.trialbase.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What running trials as Spark tasks costs and gives, through the real launcher
 * ({@code ./trialbase ... --executor spark}), so that the bench module itself never links
 * Spark: the same noop run of a short and a long length on the local executor and on
 * {@code local[2]} (the difference between the lengths gives the cost per trial, the rest the
 * fixed cost: the JVM, and for Spark its context), then a CPU-bound run on the local executor
 * with {@code --jobs 1} against {@code local[2]} (two executor cores), with local
 * {@code --jobs 2} beside them to show what the machine's second core gives at the time. The
 * first command
 * builds the spark module when needed and is not timed.
 */
final class SparkBench {

  private static final long TIMEOUT_SECONDS = 1800;

  record Result(long shortTrials, long longTrials, double[] localSeconds, double[] sparkSeconds,
      long cpuTrials, int cpuWork, double cpuLocalOneJob, double cpuLocalTwoJobs,
      double cpuSparkTwoCores) {

    double perTrialMillis(double[] seconds) {
      return (seconds[1] - seconds[0]) * 1e3 / (longTrials - shortTrials);
    }

    double fixedSeconds(double[] seconds) {
      return seconds[0] - perTrialMillis(seconds) * shortTrials / 1e3;
    }
  }

  private SparkBench() {
  }

  static Result run(Path work, long shortTrials, long longTrials, long cpuTrials, int cpuWork)
      throws Exception {
    Path csv = Workloads.csv(work, "spark-train.csv", 200, 5);
    Path db = work.resolve("spark.db");
    Path warm = Workloads.noopSpec(work, "warmup.json", csv, 4, 7);
    launch(db, warm, "--executor", "spark", "--master", "local[2]"); // builds Spark if need be
    long[] lengths = {shortTrials, longTrials};
    double[] local = new double[2];
    double[] spark = new double[2];
    for (int i = 0; i < 2; i++) {
      Path spec = Workloads.noopSpec(work, "noop-" + i + ".json", csv, lengths[i], 7);
      local[i] = launch(db, spec, "--jobs", "2");
      spark[i] = launch(db, spec, "--executor", "spark", "--master", "local[2]", "--jobs", "2");
    }
    Path cpu = Workloads.cpuSpec(work, "cpu.json", csv, cpuTrials, cpuWork);
    double cpuLocal = launch(db, cpu, "--jobs", "1");
    double cpuLocalTwo = launch(db, cpu, "--jobs", "2");
    double cpuSpark = launch(db, cpu, "--executor", "spark", "--master", "local[2]");
    return new Result(shortTrials, longTrials, local, spark, cpuTrials, cpuWork, cpuLocal,
        cpuLocalTwo, cpuSpark);
  }

  /** Seconds of {@code ./trialbase run SPEC --db DB --plugins TEST_PLUGINS EXTRA...}. */
  private static double launch(Path db, Path spec, String... extra) throws Exception {
    List<String> args = new ArrayList<>(List.of("run", spec.toString(), "--db", db.toString(),
        "--no-progress", "--plugins", Env.testPlugins().toString()));
    args.addAll(List.of(extra));
    return Env.runOk(Launch.launcher().command(args), Map.of(), TIMEOUT_SECONDS).wallMillis() / 1e3;
  }

  static Report report(Result r) {
    String name = "3d spark";
    String runs = r.shortTrials() + " / " + r.longTrials() + " noop trials, --jobs 2";
    return new Report()
        .info(name, "local executor (threads): " + runs, Report.seconds(r.localSeconds()))
        .info(name, "--executor spark --master local[2]: " + runs,
            Report.seconds(r.sparkSeconds()))
        .info(name, "cost per trial, local / spark",
            Report.num(r.perTrialMillis(r.localSeconds()), 2) + " ms / "
                + Report.num(r.perTrialMillis(r.sparkSeconds()), 2) + " ms")
        .info(name, "fixed cost of spark (its context, the first job)",
            Report.seconds(r.fixedSeconds(r.sparkSeconds()) - r.fixedSeconds(r.localSeconds())))
        .info(name, r.cpuTrials() + " cpu trials (work " + r.cpuWork() + ", 5 folds): local "
            + "--jobs 1 / local --jobs 2 / spark local[2]",
            Report.seconds(r.cpuLocalOneJob(), r.cpuLocalTwoJobs(), r.cpuSparkTwoCores()))
        .info(name, "speed-up with 2 executor cores, whole command / without the fixed costs",
            Report.num(r.cpuLocalOneJob() / r.cpuSparkTwoCores(), 2) + "x / "
                + Report.num((r.cpuLocalOneJob() - r.fixedSeconds(r.localSeconds()))
                    / (r.cpuSparkTwoCores() - r.fixedSeconds(r.sparkSeconds())), 2) + "x");
  }
}
