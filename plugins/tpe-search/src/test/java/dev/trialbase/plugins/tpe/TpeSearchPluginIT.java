package dev.trialbase.plugins.tpe;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trialbase.api.Distribution.FloatRange;
import dev.trialbase.api.History;
import dev.trialbase.api.ParamSet;
import dev.trialbase.api.Proposer;
import dev.trialbase.api.SearchSpace;
import dev.trialbase.api.SearchStrategy;
import dev.trialbase.api.StrategyOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pf4j.DefaultPluginManager;
import org.pf4j.PluginClassLoader;
import org.pf4j.PluginManager;
import org.pf4j.PluginState;

/** Loads the packaged plugin jar the way the host does and uses the strategy through it. */
class TpeSearchPluginIT {

  @Test
  void hostFindsAndRunsTpeFromThePackagedJar(@TempDir Path plugins) throws Exception {
    Path artifact = Path.of(System.getProperty("plugin.artifact"));
    Files.copy(artifact, plugins.resolve(artifact.getFileName()));
    PluginManager manager = new DefaultPluginManager(plugins);
    manager.setSystemVersion(dev.trialbase.api.ApiVersion.current());
    manager.loadPlugins();
    manager.startPlugins();
    try {
      assertThat(manager.getPlugin("tpe-search").getPluginState())
          .isEqualTo(PluginState.STARTED);
      List<SearchStrategy> strategies =
          manager.getExtensions(SearchStrategy.class, "tpe-search");
      assertThat(strategies).extracting(SearchStrategy::name).containsExactly("tpe");
      SearchStrategy tpe = strategies.get(0);
      assertThat(tpe.getClass().getClassLoader()).isInstanceOf(PluginClassLoader.class);

      SearchSpace space = new SearchSpace(Map.of("C", new FloatRange(1e-3, 1e3, true, 0)));
      Proposer proposer = tpe.start(space, StrategyOptions.defaults());
      ParamSet first = proposer.propose(0, new SplittableRandom(1), History.empty()).orElseThrow();
      assertThat(space.contains(first)).isTrue();
      assertThat(proposer.propose(0, new SplittableRandom(1), History.empty())).contains(first);
      assertThat(proposer.usesHistory()).isTrue();
      assertThat(proposer.historyLag()).isEqualTo(3);

      // Past the start-up trials: a TPE proposal through the plugin's class loader.
      List<History.FinishedTrial> finished = new java.util.ArrayList<>();
      for (int n = 0; n < 20; n++) {
        ParamSet p = proposer.propose(n, new SplittableRandom(n), History.empty()).orElseThrow();
        double c = Math.log10(p.getDouble("C"));
        finished.add(new History.FinishedTrial(n, p, true, java.util.OptionalDouble.of(-c * c)));
      }
      ParamSet adaptive = proposer.propose(23, new SplittableRandom(23), new History(finished))
          .orElseThrow();
      assertThat(space.contains(adaptive)).isTrue();
    } finally {
      // unloadPlugins() stops each plugin first; stopPlugins() throws a
      // ConcurrentModificationException in PF4J 3.15.0 (pf4j/pf4j#656).
      manager.unloadPlugins();
    }
  }
}
