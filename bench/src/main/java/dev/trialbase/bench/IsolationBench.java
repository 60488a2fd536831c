package dev.trialbase.bench;

import dev.trialbase.engine.Isolation;
import dev.trialbase.engine.PreparedRun;
import dev.trialbase.engine.RunControl;
import dev.trialbase.engine.RunEngine;
import dev.trialbase.engine.RunListener;
import dev.trialbase.engine.worker.WorkerPool;
import dev.trialbase.plugin.PluginRegistry;
import dev.trialbase.spec.SpecReader;
import dev.trialbase.store.Database;
import java.nio.file.Path;

/**
 * What worker processes cost against in-process trials: the same noop run (every metric
 * stored) of a short and a long length in each mode, two parallel trials; the difference
 * between the lengths gives the cost per trial, the rest the fixed cost (starting the workers,
 * each loading the plugins and the data).
 */
final class IsolationBench {

  record Result(long shortTrials, long longTrials, double[] threadSeconds,
      double[] processSeconds, double loadBefore, double loadAfter) {

    double perTrialMicros(double[] seconds) {
      return (seconds[1] - seconds[0]) * 1e6 / (longTrials - shortTrials);
    }

    double fixedSeconds(double[] seconds) {
      return seconds[0] - perTrialMicros(seconds) * shortTrials / 1e6;
    }
  }

  private IsolationBench() {
  }

  static Result run(Path work, long shortTrials, long longTrials) throws Exception {
    Path csv = Workloads.csv(work, "isolation-train.csv", 200, 5);
    try (PluginRegistry plugins = PluginRegistry.load(Env.pluginRoots())) {
      double loadBefore = Env.loadAverage();
      once(plugins, Isolation.THREAD, work, csv, "isolation-warmup", 2000); // JIT warm-up
      double[] thread = new double[2];
      double[] process = new double[2];
      long[] lengths = {shortTrials, longTrials};
      for (int i = 0; i < 2; i++) {
        thread[i] = once(plugins, Isolation.THREAD, work, csv, "thread-" + i, lengths[i]);
        process[i] = once(plugins, Isolation.PROCESS, work, csv, "process-" + i, lengths[i]);
      }
      return new Result(shortTrials, longTrials, thread, process, loadBefore,
          Env.loadAverage());
    }
  }

  private static double once(PluginRegistry plugins, Isolation isolation, Path work, Path csv,
      String name, long trials) {
    RunEngine engine = new RunEngine(plugins, isolation, WorkerPool::start);
    Path spec = Workloads.noopSpec(work, name + ".json", csv, trials, 7);
    PreparedRun prepared = engine.prepare(SpecReader.read(spec));
    Database database = Database.open(work.resolve(name + ".db"));
    long start = System.nanoTime();
    engine.execute(prepared, database, 2, RunListener.NONE, new RunControl());
    return (System.nanoTime() - start) / 1e9;
  }

  static Report report(Result r) {
    String name = "3c isolation";
    String runs = r.shortTrials() + " / " + r.longTrials() + " noop trials, --jobs 2";
    return new Report()
        .info(name, "in-process threads: " + runs, Report.seconds(r.threadSeconds()))
        .info(name, "worker processes: " + runs, Report.seconds(r.processSeconds()))
        .info(name, "cost per trial, threads / processes",
            Report.num(r.perTrialMicros(r.threadSeconds()), 0) + " µs / "
                + Report.num(r.perTrialMicros(r.processSeconds()), 0) + " µs")
        .info(name, "fixed cost of worker processes (starting 2, each loading plugins and data)",
            Report.seconds(r.fixedSeconds(r.processSeconds()) - r.fixedSeconds(r.threadSeconds())))
        .info(name, "load average before / after", Report.num(r.loadBefore(), 1) + " / "
            + Report.num(r.loadAfter(), 1));
  }
}
