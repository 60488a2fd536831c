package dev.trialbase.plugins.weka;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trialbase.api.Dataset;
import dev.trialbase.api.Model;
import dev.trialbase.api.ParamSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import weka.classifiers.Evaluation;
import weka.classifiers.functions.Logistic;
import weka.core.Instances;
import weka.core.converters.ConverterUtils.DataSource;

/**
 * The plugin path gives Weka's own answers: on each of Weka's example files, a 5-fold
 * cross-validation through the plugin (the file read by {@link ArffFormat} into a
 * {@link Dataset}, one {@code weka-logistic} model fitted per fold with the default ridge)
 * predicts exactly what Weka's {@link Logistic}, evaluated by Weka's {@link Evaluation},
 * predicts on the same folds from the same file read by Weka's batch loader. So nominal
 * attributes, missing values and three classes reach Weka as Weka would have them.
 */
class SameFoldsAsWekaTest {

  private static final int FOLDS = 5;

  @ParameterizedTest
  @ValueSource(strings = {"iris", "breast-cancer", "credit-g", "diabetes"})
  void pluginCrossValidationEqualsWekasEvaluationOnTheSameFolds(String name) throws Exception {
    Dataset data = Collected.example(name).lastColumnAsTarget();
    Instances weka = new DataSource(Collected.EXAMPLES.resolve(name + ".arff").toString())
        .getDataSet();
    weka.setClassIndex(weka.numAttributes() - 1);
    assertThat(weka.numInstances()).isEqualTo(data.size());
    List<int[]> folds = stratifiedFolds(data.labels(), data.classCount(), 7);

    Evaluation evaluation = new Evaluation(weka);
    int pluginCorrect = 0;
    for (int k = 0; k < FOLDS; k++) {
      int[] test = folds.get(k);
      int[] train = complement(test, data.size());

      Model model = new WekaLogistic().create(ParamSet.empty());
      model.fit(data.rows(train), k);
      double[][] ours = model.predictProbabilities(data.rows(test));

      Instances wekaTrain = subset(weka, train);
      Instances wekaTest = subset(weka, test);
      Logistic logistic = new Logistic();
      logistic.buildClassifier(wekaTrain);
      evaluation.evaluateModel(logistic, wekaTest);

      for (int j = 0; j < test.length; j++) {
        assertThat(ours[j]).as("%s fold %d row %d", name, k, test[j])
            .containsExactly(logistic.distributionForInstance(wekaTest.instance(j)));
        pluginCorrect += argmax(ours[j]) == (int) data.targets()[test[j]] ? 1 : 0;
      }
    }

    assertThat((double) pluginCorrect).isEqualTo(evaluation.correct());
    assertThat(pluginCorrect / (double) data.size())
        .isEqualTo(evaluation.pctCorrect() / 100, org.assertj.core.api.Assertions.within(1e-12));
  }

  /** Each class's rows, shuffled with {@code seed}, dealt to the folds in turn. */
  static List<int[]> stratifiedFolds(int[] labels, int classes, long seed) {
    Random random = new Random(seed);
    List<List<Integer>> folds = new ArrayList<>();
    for (int k = 0; k < FOLDS; k++) {
      folds.add(new ArrayList<>());
    }
    int next = 0;
    for (int c = 0; c < classes; c++) {
      List<Integer> rows = new ArrayList<>();
      for (int i = 0; i < labels.length; i++) {
        if (labels[i] == c) {
          rows.add(i);
        }
      }
      java.util.Collections.shuffle(rows, random);
      for (int row : rows) {
        folds.get(next++ % FOLDS).add(row);
      }
    }
    return folds.stream().map(f -> f.stream().mapToInt(Integer::intValue).sorted().toArray())
        .toList();
  }

  private static int[] complement(int[] test, int size) {
    boolean[] inTest = new boolean[size];
    for (int i : test) {
      inTest[i] = true;
    }
    return java.util.stream.IntStream.range(0, size).filter(i -> !inTest[i]).toArray();
  }

  private static Instances subset(Instances all, int[] rows) {
    Instances out = new Instances(all, rows.length);
    for (int i : rows) {
      out.add(all.instance(i));
    }
    return out;
  }

  private static int argmax(double[] p) {
    int best = 0;
    for (int k = 1; k < p.length; k++) {
      if (p[k] > p[best]) {
        best = k;
      }
    }
    return best;
  }
}
