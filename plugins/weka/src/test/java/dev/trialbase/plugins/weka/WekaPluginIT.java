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
import weka.classifiers.Evaluation;
import weka.classifiers.trees.J48;
import weka.classifiers.trees.RandomForest;
import weka.core.Instances;
import weka.core.converters.ConverterUtils.DataSource;

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
      assertThat(estimators).extracting(Estimator::name)
          .containsExactlyInAnyOrder("weka-logistic", "weka");
      Estimator weka = estimators.stream().filter(e -> e.name().equals("weka-logistic"))
          .findFirst().orElseThrow();
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

  /**
   * The generic estimator, loaded from the packaged zip, cross-validates J48 on credit-g with
   * exactly the per-fold accuracy that Weka's own {@link Evaluation} gives on the same folds,
   * and RandomForest (seeded as the plugin documents: the fold seed folded to an int) with
   * exactly the same per-fold predictions.
   */
  @Test
  void genericEstimatorScoresEachFoldAsWekasEvaluation(@TempDir Path plugins) throws Exception {
    PluginManager manager = start(plugins);
    try {
      Estimator generic = manager.getExtensions(Estimator.class, "weka").stream()
          .filter(e -> e.name().equals("weka")).findFirst().orElseThrow();
      assertThat(generic.getClass().getClassLoader()).isInstanceOf(PluginClassLoader.class);
      Dataset data = Collected.example("credit-g").lastColumnAsTarget();
      Instances all = new DataSource("../../examples/weka/credit-g.arff").getDataSet();
      all.setClassIndex(all.numAttributes() - 1);
      List<int[]> folds = SameFoldsAsWekaTest.stratifiedFolds(data.labels(), 2, 11);

      for (int k = 0; k < folds.size(); k++) {
        int[] test = folds.get(k);
        int[] train = java.util.stream.IntStream.range(0, data.size())
            .filter(i -> java.util.Arrays.binarySearch(test, i) < 0).toArray();
        long seed = 1000L * k + 7;

        Model j48 = generic.create(ParamSet.of(Map.of("class", "J48", "minNumObj", 5L)));
        j48.fit(data.rows(train), seed);
        double accuracy = accuracy(j48.predictProbabilities(data.rows(test)),
            data.rows(test).labels());
        J48 reference = new J48();
        reference.setMinNumObj(5);
        reference.buildClassifier(subset(all, train));
        Evaluation evaluation = new Evaluation(all);
        evaluation.evaluateModel(reference, subset(all, test));
        assertThat(accuracy).as("J48 fold %d", k)
            .isEqualTo(evaluation.pctCorrect() / 100, within(1e-12));

        Model forest = generic.create(ParamSet.of(Map.of("class", "RandomForest",
            "numIterations", 20L)));
        forest.fit(data.rows(train), seed);
        double[][] ours = forest.predictProbabilities(data.rows(test));
        RandomForest rf = new RandomForest();
        rf.setNumIterations(20);
        rf.setSeed((int) (seed ^ (seed >>> 32)));
        rf.buildClassifier(subset(all, train));
        Instances testSet = subset(all, test);
        for (int j = 0; j < test.length; j++) {
          assertThat(ours[j]).as("RandomForest fold %d row %d", k, j)
              .containsExactly(rf.distributionForInstance(testSet.instance(j)));
        }
      }
    } finally {
      manager.unloadPlugins();
    }
  }

  private static double accuracy(double[][] p, int[] labels) {
    int right = 0;
    for (int i = 0; i < p.length; i++) {
      int best = 0;
      for (int c = 1; c < p[i].length; c++) {
        best = p[i][c] > p[i][best] ? c : best;
      }
      right += best == labels[i] ? 1 : 0;
    }
    return right / (double) p.length;
  }

  private static Instances subset(Instances all, int[] rows) {
    Instances out = new Instances(all, rows.length);
    for (int i : rows) {
      out.add(all.instance(i));
    }
    return out;
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
