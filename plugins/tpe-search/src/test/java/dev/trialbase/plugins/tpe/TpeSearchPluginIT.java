package dev.trialbase.plugins.tpe;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trialbase.api.Distribution.FloatRange;
import dev.trialbase.api.History;
import dev.trialbase.api.ParamSet;
import dev.trialbase.api.Proposer;
import dev.trialbase.api.SearchSpace;
import dev.trialbase.api.SearchStrategy;
import dev.trialbase.api.StrategyOptions;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import dev.trialbase.testkit.PackagedPlugin;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.pf4j.PluginClassLoader;

import org.pf4j.PluginState;

/** Loads the packaged plugin jar the way the host does and uses the strategy through it. */
class TpeSearchPluginIT {

  @Test
  void hostFindsAndRunsTpeFromThePackagedJar(@TempDir Path plugins) throws Exception {
    try (PackagedPlugin plugin = PackagedPlugin.load(plugins, "tpe-search")) {
      assertThat(plugin.plugin().getPluginState())
          .isEqualTo(PluginState.STARTED);
      List<SearchStrategy> strategies =
          plugin.extensions(SearchStrategy.class);
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
    }
  }
}
