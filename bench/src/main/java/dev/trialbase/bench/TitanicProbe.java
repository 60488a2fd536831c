package dev.trialbase.bench;

import dev.trialbase.engine.PreparedRun;
import dev.trialbase.engine.RunControl;
import dev.trialbase.engine.RunEngine;
import dev.trialbase.engine.RunListener;
import dev.trialbase.engine.RunResult;
import dev.trialbase.plugin.PluginRegistry;
import dev.trialbase.spec.LoadedSpec;
import dev.trialbase.spec.SpecReader;
import dev.trialbase.store.Database;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What {@code trialbase run SPEC} does, step by step with a clock: run in a fresh JVM by
 * {@link TitanicBench}, it prints one line of {@code key=value} timings. Storing is what the
 * run's recorder timed ({@link RunResult#storingNanos()}: every group commit of trials).
 *
 * <p>Arguments: SPEC DB JOBS [PLUGIN_DIR...]; the build's plugins come from
 * {@code -Dtrialbase.builtin.plugins} as in the launcher.
 */
public final class TitanicProbe {

  private TitanicProbe() {
  }

  public static void main(String[] args) throws Exception {
    long mainAt = System.currentTimeMillis();
    long t0 = System.nanoTime();
    Path spec = Path.of(args[0]);
    Path db = Path.of(args[1]);
    int jobs = Integer.parseInt(args[2]);
    List<Path> roots = new ArrayList<>();
    roots.add(Path.of(System.getProperty("trialbase.builtin.plugins")));
    for (int i = 3; i < args.length; i++) {
      roots.add(Path.of(args[i]));
    }
    try (PluginRegistry plugins = PluginRegistry.load(roots)) {
      long t1 = System.nanoTime();
      LoadedSpec loaded = SpecReader.read(spec);
      PreparedRun prepared = new RunEngine(plugins).prepare(loaded);
      long t2 = System.nanoTime();
      Database database = Database.open(db);
      long t3 = System.nanoTime();
      RunResult result = new RunEngine(plugins).execute(prepared, database, jobs,
          RunListener.NONE, new RunControl());
      long t4 = System.nanoTime();
      System.out.println(String.format(Locale.ROOT,
          "probe mainAt=%d load=%.3f prepare=%.3f open=%.3f execute=%.3f store=%.3f "
              + "transactions=%d trials=%d failed=%d best=%s test=%s endAt=%d",
          mainAt, ms(t1 - t0), ms(t2 - t1), ms(t3 - t2), ms(t4 - t3),
          ms(result.storingNanos()), result.commits(), result.trials(), result.failed(), result.bestScore(),
          result.testMetrics().get(result.objective()), System.currentTimeMillis()));
    }
  }

  private static double ms(long nanos) {
    return nanos / 1e6;
  }
}
