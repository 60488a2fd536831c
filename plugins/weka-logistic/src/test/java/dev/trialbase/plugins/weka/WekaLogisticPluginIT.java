package dev.trialbase.plugins.weka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.trialbase.api.Dataset;
import dev.trialbase.api.Estimator;
import dev.trialbase.api.Model;
import dev.trialbase.api.ParamSet;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pf4j.DefaultPluginManager;
import org.pf4j.PluginClassLoader;
import org.pf4j.PluginManager;
import org.pf4j.PluginState;

/** Loads the packaged plugin zip the way the host does and fits a model through it. */
class WekaLogisticPluginIT {

  private static final Path ARTIFACT = Path.of(System.getProperty("plugin.artifact"));

  @Test
  void zipHasPf4jLayoutWithWekaButWithoutHostJarsOrNativeBinaries() throws Exception {
    List<String> entries;
    try (ZipFile zip = new ZipFile(ARTIFACT.toFile())) {
      entries = Collections.list(zip.entries()).stream().map(ZipEntry::getName).toList();
    }

    assertThat(entries).contains("plugin.properties", "classes/META-INF/extensions.idx",
        "classes/dev/trialbase/plugins/weka/WekaLogistic.class", "lib/weka-stable-3.8.7.jar",
        "lib/native_system-java-1.1.jar");
    assertThat(entries).noneMatch(e -> e.startsWith("lib/netlib-native_"));
    assertThat(entries).noneMatch(e -> e.startsWith("lib/trialbase-api") || e.startsWith("lib/pf4j"));
    assertThat(entries).doesNotContain("classes/plugin.properties");
  }

  @Test
  void hostFindsAndFitsWekaLogisticFromThePackagedZip(@TempDir Path plugins) throws Exception {
    Files.copy(ARTIFACT, plugins.resolve("weka-logistic-0.2.0.zip"));
    PluginManager manager = new DefaultPluginManager(plugins);
    manager.setSystemVersion("0.2.0");
    manager.loadPlugins();
    manager.startPlugins();
    try {
      assertThat(manager.getPlugin("weka-logistic").getPluginState())
          .isEqualTo(PluginState.STARTED);
      List<Estimator> estimators = manager.getExtensions(Estimator.class, "weka-logistic");
      assertThat(estimators).extracting(Estimator::name).containsExactly("weka-logistic");
      Estimator weka = estimators.get(0);
      ClassLoader loader = weka.getClass().getClassLoader();
      assertThat(loader).isInstanceOf(PluginClassLoader.class);
      assertThat(Class.forName("weka.classifiers.functions.Logistic", false, loader)
          .getClassLoader()).as("Weka comes from the plugin's lib/").isSameAs(loader);

      double[][] x = {{0.0, 1.0}, {0.2, 0.8}, {1.0, 0.1}, {0.9, 0.0}, {0.1, 0.9}, {1.1, 0.2}};
      int[] y = {0, 0, 1, 1, 0, 1};
      Dataset data = Dataset.classification(List.of("a", "b"), x, y, List.of("left", "right"));
      Model model = weka.create(ParamSet.of(Map.of("C", 10.0, "solver", "lbfgs")));
      model.fit(data, 42);
      double[][] p = model.predictProbabilities(data);
      for (int i = 0; i < x.length; i++) {
        assertThat(p[i][0] + p[i][1]).isCloseTo(1.0, within(1e-9));
        assertThat(p[i][y[i]]).isGreaterThan(0.5);
      }
    } finally {
      // unloadPlugins() stops each plugin first; stopPlugins() throws a
      // ConcurrentModificationException in PF4J 3.15.0 (pf4j/pf4j#656).
      manager.unloadPlugins();
    }
  }
}
