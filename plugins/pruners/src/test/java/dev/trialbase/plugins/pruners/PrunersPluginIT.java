package dev.trialbase.plugins.pruners;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trialbase.api.FoldHistory;
import dev.trialbase.api.Pruner;
import dev.trialbase.api.PrunerOptions;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import dev.trialbase.testkit.PackagedPlugin;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.pf4j.PluginClassLoader;

import org.pf4j.PluginState;

/** Loads the packaged plugin jar the way the host does and uses both pruners through it. */
class PrunersPluginIT {

  @Test
  void hostFindsAndRunsBothPrunersFromThePackagedJar(@TempDir Path plugins) throws Exception {
    try (PackagedPlugin plugin = PackagedPlugin.load(plugins, "pruners")) {
      assertThat(plugin.plugin().getPluginState()).isEqualTo(PluginState.STARTED);
      List<Pruner> pruners = plugin.extensions(Pruner.class);
      assertThat(pruners).extracting(Pruner::name)
          .containsExactlyInAnyOrder("median", "successive-halving");
      for (Pruner pruner : pruners) {
        assertThat(pruner.getClass().getClassLoader()).isInstanceOf(PluginClassLoader.class);
        FoldHistory history = new FoldHistory(List.of(
            new FoldHistory.Trial(0, true, false, List.of(0.9, 0.9, 0.9)),
            new FoldHistory.Trial(1, true, false, List.of(0.8, 0.8, 0.8))));
        boolean median = pruner.name().equals("median");
        var rule = pruner.start(new PrunerOptions(median
            ? Map.of("lag", 0, "startupTrials", 1) : Map.of("lag", 0), 3, true));
        // Far below both earlier trials: after two folds (median, past its warm-up fold) or at
        // the first rung, one fold (successive halving).
        assertThat(rule.prune(2, median ? List.of(0.1, 0.1) : List.of(0.1), history))
            .isPresent();
      }
    }
  }
}
