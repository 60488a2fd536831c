package dev.trialbase.plugins.weka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.trialbase.api.Attribute;
import dev.trialbase.api.Dataset;
import dev.trialbase.api.Model;
import dev.trialbase.api.ParamInfo;
import dev.trialbase.api.ParamSet;
import dev.trialbase.api.Task;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class WekaLogisticTest {

  private static final WekaLogistic WEKA = new WekaLogistic();

  private static double[][] fitAndPredict(ParamSet params, Dataset train, Dataset test)
      throws Exception {
    Model model = WEKA.create(params);
    model.fit(train, 1L);
    return model.predictProbabilities(test);
  }

  @Test
  void fitsSeparableDataWithHighAccuracyAndProbabilitiesSummingToOne() throws Exception {
    Dataset train = Blobs.twoClasses(200, 3.0, 1);
    Dataset test = Blobs.twoClasses(100, 3.0, 2);

    double[][] p = fitAndPredict(ParamSet.of(Map.of("C", 1.0)), train, test);

    assertThat(p).hasNumberOfRows(100);
    for (double[] row : p) {
      assertThat(row).hasSize(2);
      assertThat(row[0] + row[1]).isCloseTo(1.0, within(1e-9));
    }
    assertThat(Blobs.accuracy(p, test.labels())).isGreaterThan(0.95);
  }

  @Test
  void threeClassesKeepTheDatasetsClassOrder() throws Exception {
    Dataset train = Blobs.of(300, List.of("low", "mid", "high"), 4.0, 3);
    Dataset test = Blobs.of(90, List.of("low", "mid", "high"), 4.0, 4);

    double[][] p = fitAndPredict(ParamSet.empty(), train, test);

    assertThat(p[0]).hasSize(3);
    assertThat(p[0][0] + p[0][1] + p[0][2]).isCloseTo(1.0, within(1e-9));
    assertThat(Blobs.accuracy(p, test.labels())).isGreaterThan(0.95);
  }

  @Test
  @Timeout(value = 30, unit = TimeUnit.SECONDS)
  void noPenaltyConvergesOnPerfectlySeparableData() throws Exception {
    Dataset train = Blobs.twoClasses(60, 8.0, 9);
    Dataset probes = Blobs.probe(train, new double[] {-2, 2}, new double[] {10, -10});

    double[][] p = fitAndPredict(ParamSet.of(Collections.singletonMap("penalty", null)),
        train, probes);

    assertThat(Blobs.accuracy(fitAndPredict(ParamSet.of(Map.of("penalty", "none")), train, train),
        train.labels())).isEqualTo(1.0);
    assertThat(p[0][0]).isGreaterThan(0.999);
    assertThat(p[1][1]).isGreaterThan(0.999);
  }

  @Test
  void fitIsDeterministicAndIgnoresTheSeed() throws Exception {
    Dataset train = Blobs.twoClasses(60, 1.0, 5);
    Model a = WEKA.create(ParamSet.empty());
    Model b = WEKA.create(ParamSet.empty());

    a.fit(train, 1L);
    b.fit(train, 999L);

    assertThat(a.predictProbabilities(train)).isDeepEqualTo(b.predictProbabilities(train));
  }

  @Test
  void featureNamedClassDoesNotClashWithTheClassAttribute() throws Exception {
    Dataset blobs = Blobs.twoClasses(40, 3.0, 6);
    Dataset train = Dataset.classification(List.of("class", "x2"), blobs.features(), blobs.labels(),
        blobs.classLabels());

    double[][] p = fitAndPredict(ParamSet.empty(), train, train);

    assertThat(Blobs.accuracy(p, train.labels())).isGreaterThan(0.9);
  }

  @Test
  void predictingBeforeFittingIsAnError() throws Exception {
    Model model = WEKA.create(ParamSet.empty());

    assertThatThrownBy(() -> model.predictProbabilities(Blobs.twoClasses(4, 1.0, 1)))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void predictingOtherFeaturesIsAnError() throws Exception {
    Dataset train = Blobs.twoClasses(40, 3.0, 6);
    Model model = WEKA.create(ParamSet.empty());
    model.fit(train, 0);
    Dataset other = Dataset.classification(List.of("a", "b"), train.features(), train.labels(),
        train.classLabels());

    assertThatThrownBy(() -> model.predictProbabilities(other))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("[a, b]");
  }

  @Test
  void conjugateGradientReachesTheSameOptimumAsBfgs() throws Exception {
    Dataset train = Blobs.twoClasses(100, 1.0, 7);

    double[][] bfgs = fitAndPredict(ParamSet.of(Map.of("C", 0.1, "solver", "lbfgs")), train,
        train);
    double[][] cg = fitAndPredict(ParamSet.of(Map.of("C", 0.1, "solver", "cg")), train, train);

    for (int i = 0; i < bfgs.length; i++) {
      assertThat(cg[i][0]).isCloseTo(bfgs[i][0], within(1e-4));
    }
  }

  @Test
  void strongerRegularisationPullsProbabilitiesTowardsTheClassShare() throws Exception {
    Dataset train = Blobs.twoClasses(100, 2.0, 8);
    Dataset far = Blobs.probe(train, new double[] {-3, 3});

    double weak = fitAndPredict(ParamSet.of(Map.of("C", 1000.0)), train, far)[0][0];
    double strong = fitAndPredict(ParamSet.of(Map.of("C", 0.001)), train, far)[0][0];

    assertThat(weak).isGreaterThan(0.99);
    assertThat(strong).isBetween(0.5, 0.9);
  }

  @Test
  void nominalAttributesAndMissingCellsAreTakenAsTheyAre() throws Exception {
    // colour decides the class (red -> no, blue -> yes); some cells of both features missing.
    List<String> colours = List.of("red", "green", "blue");
    int n = 90;
    double[][] x = new double[n][];
    double[] y = new double[n];
    java.util.Random random = new java.util.Random(11);
    for (int i = 0; i < n; i++) {
      int colour = i % 3;
      x[i] = new double[] {i % 7 == 0 ? Dataset.MISSING : random.nextGaussian(),
          i % 10 == 0 ? Dataset.MISSING : colour};
      y[i] = colour == 2 ? 1 : colour == 0 ? 0 : random.nextInt(2);
    }
    Dataset train = new Dataset(
        List.of(Attribute.numeric("noise"), Attribute.nominal("colour", colours)),
        Attribute.nominal("class", List.of("no", "yes")), x, y);
    Dataset probes = new Dataset(train.attributes(), train.target(),
        new double[][] {{0, 0}, {0, 2}, {Dataset.MISSING, 2}}, new double[3]);

    double[][] p = fitAndPredict(ParamSet.of(Map.of("C", 10.0)), train, probes);

    assertThat(p[0][0]).as("red").isGreaterThan(0.9);
    assertThat(p[1][1]).as("blue").isGreaterThan(0.9);
    assertThat(p[2][1]).as("blue, noise missing").isGreaterThan(0.9);
  }

  @Test
  void classifiesOnlyAndRefusesANumericTargetNamingTheTask() throws Exception {
    assertThat(WEKA.tasks()).containsExactly(Task.CLASSIFICATION);
    Dataset regression = Dataset.regression(List.of("x"), new double[][] {{1}, {2}, {3}},
        new double[] {0.5, 1.5, 2.5});
    Model model = WEKA.create(ParamSet.empty());

    assertThatThrownBy(() -> model.fit(regression, 0))
        .hasMessage("weka-logistic classifies, but the target 'target' is numeric "
            + "(a regression task)");
  }

  /** A declared class with no row in a training fold gets (almost) no probability. */
  @Test
  void aDeclaredClassAbsentFromTrainingIsFine() throws Exception {
    Dataset blobs = Blobs.twoClasses(60, 3.0, 12);
    Dataset train = Dataset.classification(blobs.featureNames(), blobs.features(),
        blobs.labels(), List.of("0", "1", "never"));

    double[][] p = fitAndPredict(ParamSet.empty(), train, train);

    assertThat(p[0]).hasSize(3);
    assertThat(p[0][0] + p[0][1] + p[0][2]).isCloseTo(1.0, within(1e-9));
    assertThat(p[0][2]).isLessThan(1e-3);
    assertThat(Blobs.accuracy(p, train.labels())).isGreaterThan(0.95);
  }

  @Test
  void listsBothVocabularies() {
    assertThat(WEKA.parameters()).extracting(ParamInfo::name).containsExactly(
        "ridge", "maxIts", "useConjugateGradientDescent", "C", "penalty", "solver");
    assertThat(WEKA.parameters()).allSatisfy(p -> {
      assertThat(p.type()).isIn("float", "int", "bool", "string");
      assertThat(p.description()).isNotBlank();
    });
  }
}
