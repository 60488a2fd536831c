package dev.trialbase.plugins.weka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.trialbase.api.Dataset;
import dev.trialbase.api.Distribution;
import dev.trialbase.api.InvalidParamsException;
import dev.trialbase.api.Model;
import dev.trialbase.api.ParamInfo;
import dev.trialbase.api.ParamSet;
import dev.trialbase.api.SearchSpace;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import weka.classifiers.functions.SMO;
import weka.classifiers.functions.supportVector.RBFKernel;
import weka.classifiers.meta.FilteredClassifier;
import weka.classifiers.trees.J48;
import weka.classifiers.trees.M5P;
import weka.core.Instances;
import weka.core.converters.ConverterUtils.DataSource;
import weka.filters.Filter;
import weka.filters.MultiFilter;
import weka.filters.unsupervised.attribute.ReplaceMissingValues;
import weka.filters.unsupervised.attribute.Standardize;

/** The generic estimator against Weka used by hand, on Weka's example files. */
class WekaEstimatorTest {

  private final WekaEstimator estimator = new WekaEstimator();

  private static ParamSet params(Object... keysAndValues) {
    Map<String, Object> map = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      map.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return ParamSet.of(map);
  }

  private static Instances weka(Path file) throws Exception {
    Instances all = new DataSource(file.toString()).getDataSet();
    all.setClassIndex(all.numAttributes() - 1);
    return all;
  }

  @Test
  void listsTheClassifiersPropertiesWithTypesDefaultsAndWekasDescriptions() {
    Map<String, ParamInfo> listed = new LinkedHashMap<>();
    estimator.parameters(params("class", "J48"), new SearchSpace(Map.of()))
        .forEach(p -> listed.put(p.name(), p));

    assertThat(listed.get("confidenceFactor")).isEqualTo(new ParamInfo("confidenceFactor",
        "float", "0.25", "The confidence factor used for pruning (smaller values incur more "
            + "pruning)."));
    assertThat(listed.get("minNumObj").type()).isEqualTo("int");
    assertThat(listed.get("unpruned").type()).isEqualTo("bool");
    assertThat(listed).doesNotContainKeys("debug", "batchSize", "numDecimalPlaces",
        "doNotCheckCapabilities", "options");
  }

  @Test
  void nestedObjectsListTheChosenClassesProperties() {
    Map<String, ParamInfo> listed = new LinkedHashMap<>();
    estimator.parameters(params("class", "SMO", "kernel", "RBFKernel"),
        new SearchSpace(Map.of())).forEach(p -> listed.put(p.name(), p));
    assertThat(listed.get("kernel").type()).isEqualTo("class");
    assertThat(listed.get("kernel.gamma").type()).isEqualTo("float");
    assertThat(listed.get("filterType").type()).isEqualTo("tag");
    assertThat(listed.get("filterType").defaultValue()).isEqualTo("Normalize training data");
    assertThat(listed).doesNotContainKey("kernel.exponent");

    Map<String, ParamInfo> byDefault = new LinkedHashMap<>();
    estimator.parameters(params("class", "SMO"), new SearchSpace(Map.of()))
        .forEach(p -> byDefault.put(p.name(), p));
    assertThat(byDefault.get("kernel").defaultValue()).isEqualTo("PolyKernel");
    assertThat(byDefault).containsKey("kernel.exponent");
  }

  @Test
  void valuesBecomeTheSettersTypesTagsByNameAndClassesByShortName() throws Exception {
    WekaSetup.Built built = WekaSetup.build(params("class", "weka.classifiers.functions.SMO",
        "c", 3L, "filterType", "standardize", "kernel", "RBFKernel", "kernel.gamma", 0.25,
        "buildCalibrationModels", true));
    SMO smo = (SMO) built.classifier();
    assertThat(smo.getC()).isEqualTo(3.0);
    assertThat(smo.getFilterType().getSelectedTag().getID()).isEqualTo(SMO.FILTER_STANDARDIZE);
    assertThat(smo.getKernel()).isInstanceOf(RBFKernel.class);
    assertThat(((RBFKernel) smo.getKernel()).getGamma()).isEqualTo(0.25);
    assertThat(smo.getBuildCalibrationModels()).isTrue();
  }

  @Test
  void enumsByNameAnyCaseAndLongsConvertToo() throws Exception {
    WekaSetup.Built built = WekaSetup.build(params("class", "J48",
        "preprocess.0", "RenameRelation", "preprocess.0.modType", "append",
        "preprocess.1", "ClassOrder", "preprocess.1.seed", 12L));
    // RenameRelation's ModType enum is protected: compare by name.
    assertThat(((weka.filters.RenameRelation) built.filters().get(0)).getModType())
        .hasToString("APPEND");
    assertThat(((weka.filters.supervised.attribute.ClassOrder) built.filters().get(1))
        .getSeed()).isEqualTo(12L);
    assertThatThrownBy(() -> WekaSetup.build(params("class", "J48",
        "preprocess.0", "RenameRelation", "preprocess.0.modType", "sideways")))
        .hasMessageStartingWith("preprocess.0.modType: 'sideways' is not an option of modType;"
            + " options: [");
  }

  @Test
  void aMetaClassifiersInnerClassifierIsClassifierWhenTheTopIsNamedByClass() throws Exception {
    WekaSetup.Built built = WekaSetup.build(params("class", "Bagging", "classifier", "J48",
        "classifier.minNumObj", 7L, "numIterations", 3L));
    weka.classifiers.meta.Bagging bagging = (weka.classifiers.meta.Bagging) built.classifier();
    assertThat(bagging.getClassifier()).isInstanceOf(J48.class);
    assertThat(((J48) bagging.getClassifier()).getMinNumObj()).isEqualTo(7);

    assertThatThrownBy(() -> WekaSetup.build(params("classifier", "Bagging",
        "classifier.minNumObj", 7L)))
        .isInstanceOf(InvalidParamsException.class)
        .hasMessageContaining("name the top one with \"class\"");
  }

  @Test
  void aShortNameSharedByTwoUsableClassesIsAmbiguous() {
    // weka.filters.supervised.attribute.Discretize and ...unsupervised.attribute.Discretize
    assertThatThrownBy(() -> WekaSetup.build(params("class", "J48",
        "preprocess.0", "Discretize")))
        .hasMessageContaining("preprocess.0: 'Discretize' is ambiguous")
        .hasMessageContaining("weka.filters.supervised.attribute.Discretize")
        .hasMessageContaining("weka.filters.unsupervised.attribute.Discretize");
  }

  /**
   * A two-step pipeline predicts exactly what Weka's FilteredClassifier with the same
   * MultiFilter predicts, fitted on the same training rows: so each filter is fitted on the
   * training fold only, inside Weka.
   */
  @Test
  void preprocessingIsWekasFilteredClassifierFittedOnTheTrainingRows() throws Exception {
    Dataset data = Collected.example("breast-cancer").lastColumnAsTarget();
    Instances all = weka(Collected.EXAMPLES.resolve("breast-cancer.arff"));
    int[] train = java.util.stream.IntStream.range(0, 200).toArray();
    int[] test = java.util.stream.IntStream.range(200, data.size()).toArray();

    Model model = estimator.create(params("class", "SMO", "preprocess.0", "ReplaceMissingValues",
        "preprocess.1", "Standardize", "filterType", "No normalization",
        "buildCalibrationModels", true));
    model.fit(data.rows(train), 5);
    double[][] ours = model.predictProbabilities(data.rows(test));
    assertThat(((WekaModel) model).classifier()).isInstanceOf(FilteredClassifier.class);

    MultiFilter multi = new MultiFilter();
    multi.setFilters(new Filter[] {new ReplaceMissingValues(), new Standardize()});
    SMO smo = new SMO();
    smo.setFilterType(new weka.core.SelectedTag(SMO.FILTER_NONE, SMO.TAGS_FILTER));
    smo.setBuildCalibrationModels(true);
    smo.setRandomSeed(Seeding.wekaSeed(5));
    FilteredClassifier reference = new FilteredClassifier();
    reference.setFilter(multi);
    reference.setClassifier(smo);
    reference.setSeed(Seeding.wekaSeed(5));
    Instances trainSet = new Instances(all, 0, 200);
    reference.buildClassifier(trainSet);
    for (int j = 0; j < test.length; j++) {
      assertThat(ours[j]).containsExactly(
          reference.distributionForInstance(all.instance(200 + j)));
    }
  }

  @Test
  void regressionPredictsWithClassifyInstanceAsWekasOwnM5P() throws Exception {
    Dataset data = Collected.arff(Path.of("../../examples/regression/friedman1.arff"))
        .lastColumnAsTarget();
    Instances all = weka(Path.of("../../examples/regression/friedman1.arff"));
    Model model = estimator.create(params("class", "M5P", "minNumInstances", 8L));
    model.fit(data, 1);
    double[] ours = model.predictValues(data);

    M5P reference = new M5P();
    reference.setMinNumInstances(8);
    reference.buildClassifier(all);
    for (int i = 0; i < data.size(); i++) {
      assertThat(ours[i]).isEqualTo(reference.classifyInstance(all.instance(i)));
    }
  }

  @Test
  void theFoldSeedDrivesRandomnessUnlessTheSpecFixesTheSeed() throws Exception {
    Dataset data = Collected.example("diabetes").lastColumnAsTarget();
    ParamSet forest = params("class", "RandomForest", "numIterations", 5L);
    assertThat(predictions(forest, data, 1)).isEqualTo(predictions(forest, data, 1));
    assertThat(predictions(forest, data, 1)).isNotEqualTo(predictions(forest, data, 2));
    ParamSet fixedSeed = params("class", "RandomForest", "numIterations", 5L, "seed", 3L);
    assertThat(predictions(fixedSeed, data, 1)).isEqualTo(predictions(fixedSeed, data, 2));
    ParamSet threads = params("class", "RandomForest", "numIterations", 5L,
        "numExecutionSlots", 3L);
    assertThat(predictions(threads, data, 1)).isEqualTo(predictions(forest, data, 1));
  }

  private String predictions(ParamSet params, Dataset data, long seed) throws Exception {
    Model model = estimator.create(params);
    model.fit(data, seed);
    return java.util.Arrays.deepToString(model.predictProbabilities(data));
  }

  @Test
  void eachTrainingSetIsConvertedOnceAndEachFitGetsItsOwnCopy() throws Exception {
    Dataset data = Collected.example("iris").lastColumnAsTarget();
    Dataset fold = data.rows(java.util.stream.IntStream.range(0, 100).toArray());
    Instances first = FoldInstances.of(fold);
    Instances second = FoldInstances.of(fold);
    assertThat(first).isNotSameAs(second);
    assertThat(first.numInstances()).isEqualTo(100);
    second.delete(0);
    assertThat(FoldInstances.of(fold).numInstances()).isEqualTo(100);
    // A different fold object with equal rows is its own entry: identity, not equality.
    Dataset same = data.rows(java.util.stream.IntStream.range(0, 100).toArray());
    assertThat(FoldInstances.of(same).toString()).isEqualTo(first.toString());
  }

  @Test
  void checkTriesEveryChoiceAndRangeBound() throws Exception {
    Dataset data = Collected.example("iris").lastColumnAsTarget();
    SearchSpace space = new SearchSpace(Map.of("confidenceFactor",
        new Distribution.FloatRange(0.1, 0.9, false, 0)));
    // J48 accepts any confidence factor in its setter, but refuses it when building (> 0.5),
    // which fails a trial, not the spec.
    estimator.check(params("class", "J48"), space, data);
    assertThatThrownBy(() -> estimator.check(params("class", "J48"), new SearchSpace(Map.of(
        "minNumObj", new Distribution.Categorical(List.of(2L, "many")))), data))
        .hasMessage("space.minNumObj: expected a whole number for minNumObj, got \"many\"");
    assertThatThrownBy(() -> estimator.check(params("class", "J48"), new SearchSpace(Map.of(
        "class", new Distribution.Categorical(List.of("J48", "REPTree")))), data))
        .hasMessageStartingWith("space.class: the classifier is fixed per run");
    // A fixed nested value under a searched class is checked on every class it can meet.
    estimator.check(params("class", "SMO", "kernel.gamma", 0.5), new SearchSpace(Map.of(
        "kernel", new Distribution.Categorical(List.of("RBFKernel")))), data);
    assertThatThrownBy(() -> estimator.check(params("class", "SMO", "kernel.gamma", 0.5),
        new SearchSpace(Map.of("kernel", new Distribution.Categorical(
            List.of("RBFKernel", "PolyKernel")))), data))
        .hasMessageStartingWith("space.kernel.gamma: PolyKernel has no property 'gamma'");
  }
}
