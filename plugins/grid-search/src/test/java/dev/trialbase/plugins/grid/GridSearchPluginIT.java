package dev.trialbase.plugins.grid;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trialbase.api.Distribution;
import dev.trialbase.api.Distribution.Categorical;
import dev.trialbase.api.Distribution.IntRange;
import dev.trialbase.api.History;
import dev.trialbase.api.Proposer;
import dev.trialbase.api.SearchSpace;
import dev.trialbase.api.SearchStrategy;
import dev.trialbase.api.StrategyOptions;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import dev.trialbase.testkit.PackagedPlugin;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.pf4j.PluginClassLoader;

import org.pf4j.PluginState;

/** Loads the packaged plugin jar the way the host does and uses the strategy through it. */
class GridSearchPluginIT {

  @Test
  void hostFindsAndRunsGridStrategyFromThePackagedJar(@TempDir Path plugins) throws Exception {
    try (PackagedPlugin plugin = PackagedPlugin.load(plugins, "grid-search")) {
      assertThat(plugin.plugin().getPluginState())
          .isEqualTo(PluginState.STARTED);
      assertThat(plugin.plugin().getDescriptor().getVersion())
          .isEqualTo("0.2.0");
      List<SearchStrategy> strategies = plugin.extensions(SearchStrategy.class);
      assertThat(strategies).extracting(SearchStrategy::name).containsExactly("grid");
      SearchStrategy grid = strategies.get(0);
      assertThat(grid.getClass().getClassLoader()).isInstanceOf(PluginClassLoader.class);

      Map<String, Distribution> p = new LinkedHashMap<>();
      p.put("a", new Categorical(List.of("x", "y")));
      p.put("b", new IntRange(1, 3, 1));
      Proposer proposer = grid.start(new SearchSpace(p), StrategyOptions.defaults());
      assertThat(proposer.size()).hasValue(6);
      assertThat(proposer.propose(4, new SplittableRandom(0), History.empty()).orElseThrow()
          .asMap()).containsExactly(Map.entry("a", "y"), Map.entry("b", 2L));
    }
  }
}
