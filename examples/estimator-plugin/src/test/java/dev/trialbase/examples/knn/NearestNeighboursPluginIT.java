package dev.trialbase.examples.knn;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trialbase.api.Dataset;
import dev.trialbase.api.Estimator;
import dev.trialbase.api.Model;
import dev.trialbase.api.ParamSet;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pf4j.DefaultPluginManager;
import org.pf4j.PluginClassLoader;
import org.pf4j.PluginManager;
import org.pf4j.PluginState;

/**
 * Loads the built jar from a plugins directory with a real PF4J plugin manager, as Trialbase
 * does, and fits and predicts through the plugin's class loader.
 */
class NearestNeighboursPluginIT {

  @Test
  void theHostFindsTheEstimatorInTheJarAndItWorks(@TempDir Path plugins) throws Exception {
    Path jar = Path.of(System.getProperty("plugin.artifact"));
    Files.copy(jar, plugins.resolve(jar.getFileName()));
    PluginManager manager = new DefaultPluginManager(plugins);
    manager.setSystemVersion(System.getProperty("trialbase.api.version"));
    manager.loadPlugins();
    manager.startPlugins();
    try {
      assertThat(manager.getPlugin("nearest-neighbours").getPluginState())
          .isEqualTo(PluginState.STARTED);
      List<Estimator> estimators =
          manager.getExtensions(Estimator.class, "nearest-neighbours");
      assertThat(estimators).extracting(Estimator::name).containsExactly("knn");
      Estimator knn = estimators.get(0);
      assertThat(knn.getClass().getClassLoader()).isInstanceOf(PluginClassLoader.class);

      Dataset train = Dataset.classification(List.of("x"),
          new double[][] {{0}, {1}, {10}, {11}}, new int[] {0, 0, 1, 1}, List.of("a", "b"));
      Model model = knn.create(ParamSet.of(Map.of("k", 1L)));
      model.fit(train, 7);
      assertThat(model.predictProbabilities(train.rows(new int[] {1, 2})))
          .isDeepEqualTo(new double[][] {{1, 0}, {0, 1}});
    } finally {
      // unloadPlugins() stops each plugin first; stopPlugins() throws a
      // ConcurrentModificationException in PF4J 3.15.0.
      manager.unloadPlugins();
    }
  }
}
