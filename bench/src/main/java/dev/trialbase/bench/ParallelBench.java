package dev.trialbase.bench;

import dev.trialbase.api.Dataset;
import dev.trialbase.api.Estimator;
import dev.trialbase.api.Model;
import dev.trialbase.api.ParamSet;
import dev.trialbase.data.DataFiles;
import dev.trialbase.data.DataRequest;
import dev.trialbase.data.FormatLookup;
import dev.trialbase.engine.PreparedRun;
import dev.trialbase.engine.RunControl;
import dev.trialbase.engine.RunEngine;
import dev.trialbase.engine.RunListener;
import dev.trialbase.engine.RunResult;
import dev.trialbase.plugin.PluginRegistry;
import dev.trialbase.spec.SpecReader;
import dev.trialbase.store.Database;
import java.nio.file.Path;
import java.util.Map;

/**
 * Parallel speed-up: the same CPU-bound run (the {@code cpu} test estimator, its work sized so
 * that a trial takes about {@code trialMillis}) at {@code --jobs 1} and {@code --jobs 2},
 * in-process after a warm-up.
 */
final class ParallelBench {

  static final double TARGET_SPEEDUP = 1.8;

  record Result(long trials, long work, double jobs1Seconds, double jobs2Seconds,
      long jobs1Complete, long jobs2Complete, double loadBefore, double loadAfter) {

    double speedup() {
      return jobs1Seconds / jobs2Seconds;
    }

    double trialMillis() {
      return jobs1Seconds * 1000 / trials;
    }
  }

  private ParallelBench() {
  }

  static Result run(Path work, long trials, double trialMillis) throws Exception {
    Path csv = Workloads.csv(work, "cpu-train.csv", 200, 5);
    try (PluginRegistry plugins = PluginRegistry.load(Env.pluginRoots())) {
      Dataset train = DataFiles.readTrain(csv, DataRequest.target("label"),
          FormatLookup.builtIn());
      double foldMillisPerMillion = calibrate(plugins.estimator("cpu"), train);
      long steps = Math.max(1, Math.round(trialMillis / 5 / foldMillisPerMillion));
      RunEngine engine = new RunEngine(plugins);
      double loadBefore = Env.loadAverage();
      once(engine, work, csv, "parallel-warmup", Math.min(trials, 8), steps, 2);
      RunResult[] results = new RunResult[2];
      double[] seconds = new double[2];
      for (int jobs = 1; jobs <= 2; jobs++) {
        long start = System.nanoTime();
        results[jobs - 1] = once(engine, work, csv, "parallel-jobs" + jobs, trials, steps, jobs);
        seconds[jobs - 1] = (System.nanoTime() - start) / 1e9;
      }
      return new Result(trials, steps, seconds[0], seconds[1],
          results[0].trials() - results[0].failed(), results[1].trials() - results[1].failed(),
          loadBefore, Env.loadAverage());
    }
  }

  /** Milliseconds one fold's fit takes per million steps of work, at best of a few tries. */
  private static double calibrate(Estimator cpu, Dataset train) throws Exception {
    double best = Double.MAX_VALUE;
    for (int i = 0; i < 8; i++) {
      Model model = cpu.create(ParamSet.of(Map.of("work", 4L)));
      long start = System.nanoTime();
      model.fit(train, i);
      best = Math.min(best, (System.nanoTime() - start) / 1e6 / 4);
    }
    return best;
  }

  private static RunResult once(RunEngine engine, Path work, Path csv, String name, long trials,
      long steps, int jobs) {
    Path spec = Workloads.cpuSpec(work, name + ".json", csv, trials, steps);
    PreparedRun prepared = engine.prepare(SpecReader.read(spec));
    Database database = Database.open(work.resolve(name + ".db"));
    return engine.execute(prepared, database, jobs, RunListener.NONE, new RunControl());
  }

  static Report report(Result r) {
    String name = "3 parallel";
    return new Report()
        .info(name, "cpu trials (work " + r.work() + " M steps per fold, 5 folds)",
            r.trials() + " per run, " + Report.num(r.trialMillis(), 0) + " ms each at --jobs 1")
        .info(name, "--jobs 1 / --jobs 2 wall",
            Report.num(r.jobs1Seconds(), 2) + " s / " + Report.num(r.jobs2Seconds(), 2) + " s")
        .check(name, "speed-up on " + Env.cores() + " cores (load " + Report.num(r.loadBefore(), 1)
                + " before, " + Report.num(r.loadAfter(), 1) + " after)",
            Report.num(r.speedup(), 2) + "x", ">= " + TARGET_SPEEDUP + "x",
            r.speedup() >= TARGET_SPEEDUP);
  }
}
