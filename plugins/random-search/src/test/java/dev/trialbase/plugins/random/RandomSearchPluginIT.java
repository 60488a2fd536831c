package dev.trialbase.plugins.random;

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
class RandomSearchPluginIT {

  @Test
  void hostFindsAndRunsRandomStrategyFromThePackagedJar(@TempDir Path plugins) throws Exception {
    try (PackagedPlugin plugin = PackagedPlugin.load(plugins, "random-search")) {
      assertThat(plugin.plugin().getPluginState())
          .isEqualTo(PluginState.STARTED);
      List<SearchStrategy> strategies =
          plugin.extensions(SearchStrategy.class);
      assertThat(strategies).extracting(SearchStrategy::name).containsExactly("random");
      SearchStrategy random = strategies.get(0);
      assertThat(random.getClass().getClassLoader()).isInstanceOf(PluginClassLoader.class);

      SearchSpace space = new SearchSpace(Map.of("C", new FloatRange(1e-3, 1e3, true, 0)));
      Proposer proposer = random.start(space, StrategyOptions.defaults());
      ParamSet first = proposer.propose(0, new SplittableRandom(1), History.empty()).orElseThrow();
      assertThat(space.contains(first)).isTrue();
      assertThat(proposer.propose(0, new SplittableRandom(1), History.empty())).contains(first);
    }
  }
}
