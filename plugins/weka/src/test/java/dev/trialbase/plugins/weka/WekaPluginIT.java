package dev.trialbase.plugins.weka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.trialbase.api.Attribute;
import dev.trialbase.api.DataFormat;
import dev.trialbase.api.Dataset;
import dev.trialbase.api.Estimator;
import dev.trialbase.api.Model;
import dev.trialbase.api.ParamSet;
import dev.trialbase.api.TableReceiver;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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

/**
 * Loads the packaged plugin zip the way the host does, fits a model through it and reads an
 * ARFF file through its data format.
 */
class WekaPluginIT {

  private static final Path ARTIFACT = Path.of(System.getProperty("plugin.artifact"));

  @Test
  void zipHasPf4jLayoutWithWekaButWithoutHostJarsOrNativeBinaries() throws Exception {
    List<String> entries;
    try (ZipFile zip = new ZipFile(ARTIFACT.toFile())) {
      entries = Collections.list(zip.entries()).stream().map(ZipEntry::getName).toList();
    }

    assertThat(entries).contains("plugin.properties", "classes/META-INF/extensions.idx",
        "classes/dev/trialbase/plugins/weka/WekaLogistic.class",
        "classes/dev/trialbase/plugins/weka/ArffFormat.class", "lib/weka-stable-3.8.7.jar",
        "lib/native_system-java-1.1.jar");
    assertThat(entries).noneMatch(e -> e.startsWith("lib/netlib-native_"));
    assertThat(entries).noneMatch(e -> e.startsWith("lib/trialbase-api") || e.startsWith("lib/pf4j"));
    assertThat(entries).doesNotContain("classes/plugin.properties");
  }

  @Test
  void hostFindsAndFitsWekaLogisticFromThePackagedZip(@TempDir Path plugins) throws Exception {
    PluginManager manager = start(plugins);
    try {
      assertThat(manager.getPlugin("weka").getPluginState()).isEqualTo(PluginState.STARTED);
      List<Estimator> estimators = manager.getExtensions(Estimator.class, "weka");
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

  @Test
  void hostFindsTheArffFormatAndReadsWithTheWekaInsideTheZip(@TempDir Path plugins)
      throws Exception {
    PluginManager manager = start(plugins);
    try {
      List<DataFormat> formats = manager.getExtensions(DataFormat.class, "weka");
      assertThat(formats).extracting(DataFormat::name).containsExactly("arff");
      DataFormat arff = formats.get(0);
      assertThat(arff.suffixes()).containsExactly(".arff");
      assertThat(arff.getClass().getClassLoader()).isInstanceOf(PluginClassLoader.class);

      Table table = new Table();
      arff.read(Path.of("../../examples/weka/iris.arff"), table);

      assertThat(table.columns).extracting(Attribute::name).containsExactly(
          "sepallength", "sepalwidth", "petallength", "petalwidth", "class");
      assertThat(table.columns.get(4).values())
          .containsExactly("Iris-setosa", "Iris-versicolor", "Iris-virginica");
      assertThat(table.rows).hasSize(150);
      // The file's first data line, 5.1,3.5,1.4,0.2,Iris-setosa.
      assertThat(table.rows.get(0)).containsExactly(5.1, 3.5, 1.4, 0.2, 0.0);
    } finally {
      manager.unloadPlugins();
    }
  }

  private static PluginManager start(Path plugins) throws Exception {
    Files.copy(ARTIFACT, plugins.resolve("weka-0.2.0.zip"));
    PluginManager manager = new DefaultPluginManager(plugins);
    manager.setSystemVersion(dev.trialbase.api.ApiVersion.current());
    manager.loadPlugins();
    manager.startPlugins();
    return manager;
  }

  /** Keeps what a format delivers. */
  private static final class Table implements TableReceiver {
    private final List<Attribute> columns = new ArrayList<>();
    private final List<double[]> rows = new ArrayList<>();

    @Override
    public void columns(List<Attribute> columns) {
      this.columns.addAll(columns);
    }

    @Override
    public void row(double[] cells, long line) {
      rows.add(cells);
    }
  }
}
