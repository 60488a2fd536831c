package dev.trialbase.bench;

import dev.trialbase.api.Distribution;
import dev.trialbase.api.Distribution.Categorical;
import dev.trialbase.api.Distribution.FloatRange;
import dev.trialbase.api.Distribution.IntRange;
import dev.trialbase.api.History;
import dev.trialbase.api.ParamSet;
import dev.trialbase.api.Proposer;
import dev.trialbase.api.SearchSpace;
import dev.trialbase.api.SearchStrategy;
import dev.trialbase.api.StrategyOptions;
import dev.trialbase.plugin.PluginRegistry;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.SplittableRandom;

/**
 * The cost of one TPE proposal against the size of the history (Optuna's per-trial time grows
 * with the trial count, optuna#3053): the {@code tpe} plugin, loaded by PF4J, proposes over a
 * four-parameter space (a log float, a linear float, an integer range with a step and a choice
 * including null) with 1,000 and 10,000 finished trials in the history, univariate and
 * multivariate. Nothing is fitted: this is the strategy's own time, which the engine spends
 * on its calling thread, the one that also commits trials.
 */
final class TpeBench {

  /** One measured history size. */
  record Point(int history, boolean multivariate, double medianMillis, double p90Millis,
      double medianCpuMillis) {
  }

  private TpeBench() {
  }

  static SearchSpace space() {
    Map<String, Distribution> p = new LinkedHashMap<>();
    p.put("C", new FloatRange(1e-4, 1e4, true, 0));
    p.put("alpha", new FloatRange(0, 1, false, 0));
    p.put("maxIts", new IntRange(50, 500, 50));
    p.put("penalty", new Categorical(Arrays.asList("l2", null, "l1")));
    return new SearchSpace(p);
  }

  /** Proposal times for each history size, {@code proposals} timed after a warm-up. */
  static List<Point> run(List<Integer> sizes, int proposals) {
    List<Point> points = new ArrayList<>();
    try (PluginRegistry plugins = PluginRegistry.load(Env.pluginRoots())) {
      SearchStrategy tpe = plugins.strategy("tpe");
      for (boolean multivariate : new boolean[] {false, true}) {
        Proposer proposer = tpe.start(space(), new StrategyOptions(
            Map.of("multivariate", multivariate), true, 1));
        for (int size : sizes) {
          points.add(measure(proposer, history(proposer, size), size, multivariate, proposals));
        }
      }
    }
    return points;
  }

  /**
   * {@code size} finished trials, proposed by random draws and scored by a smooth function with
   * its optimum inside the space; every tenth trial failed.
   */
  static History history(Proposer proposer, int size) {
    List<History.FinishedTrial> trials = new ArrayList<>(size);
    SearchSpace space = space();
    for (int n = 0; n < size; n++) {
      SplittableRandom r = new SplittableRandom(n * 31L + 7);
      Map<String, Object> v = new LinkedHashMap<>();
      v.put("C", Math.exp(r.nextDouble(Math.log(1e-4), Math.log(1e4))));
      v.put("alpha", r.nextDouble());
      v.put("maxIts", 50L + 50 * r.nextInt(10));
      v.put("penalty", ((Categorical) space.parameters().get("penalty")).choices()
          .get(r.nextInt(3)));
      ParamSet p = ParamSet.of(v);
      boolean ok = n % 10 != 9;
      double c = Math.log10((Double) v.get("C")) - 1;
      double score = -c * c - (((Double) v.get("alpha")) - 0.3) * (((Double) v.get("alpha")) - 0.3);
      trials.add(new History.FinishedTrial(n, p, ok,
          ok ? OptionalDouble.of(score) : OptionalDouble.empty()));
    }
    return new History(trials);
  }

  private static Point measure(Proposer proposer, History history, int size,
      boolean multivariate, int proposals) {
    long first = size + proposer.historyLag();
    for (int i = 0; i < Math.max(5, proposals / 5); i++) {
      proposer.propose(first, new SplittableRandom(i), history);
    }
    double[] millis = new double[proposals];
    double[] cpu = new double[proposals];
    java.lang.management.ThreadMXBean threads =
        java.lang.management.ManagementFactory.getThreadMXBean();
    for (int i = 0; i < proposals; i++) {
      long startCpu = threads.getCurrentThreadCpuTime();
      long start = System.nanoTime();
      proposer.propose(first, new SplittableRandom(1000 + i), history);
      millis[i] = (System.nanoTime() - start) / 1e6;
      cpu[i] = (threads.getCurrentThreadCpuTime() - startCpu) / 1e6;
    }
    Arrays.sort(millis);
    Arrays.sort(cpu);
    return new Point(size, multivariate, millis[proposals / 2],
        millis[(int) Math.min(proposals - 1, Math.round(proposals * 0.9))], cpu[proposals / 2]);
  }

  static Report report(List<Point> points) {
    Report report = new Report();
    for (Point p : points) {
      String what = String.format(java.util.Locale.ROOT, "%s proposal, %,d finished trials",
          p.multivariate() ? "multivariate" : "univariate", p.history());
      String value = Report.ms(p.medianCpuMillis()) + " CPU median; wall "
          + Report.ms(p.medianMillis()) + " median, " + Report.ms(p.p90Millis()) + " p90";
      if (p.history() == 10_000) {
        report.check("tpe", what, value, "<= 5 ms (CPU median)", p.medianCpuMillis() <= 5);
      } else {
        report.info("tpe", what, value);
      }
    }
    return report;
  }
}
