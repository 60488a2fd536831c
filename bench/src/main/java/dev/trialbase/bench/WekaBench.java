package dev.trialbase.bench;

import dev.trialbase.api.Dataset;
import dev.trialbase.api.Estimator;
import dev.trialbase.api.Model;
import dev.trialbase.api.ParamSet;
import dev.trialbase.data.DataFiles;
import dev.trialbase.data.DataRequest;
import dev.trialbase.engine.Seeds;
import dev.trialbase.eval.Folds;
import dev.trialbase.plugin.PluginRegistry;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import weka.classifiers.AbstractClassifier;
import weka.classifiers.Classifier;
import weka.core.Instances;
import weka.core.converters.ConverterUtils.DataSource;

/**
 * What the generic {@code weka} estimator costs around Weka: time per fold (fit on the training
 * rows, predict the validation rows) of J48 and Logistic on credit-g, through the plugin as
 * the engine calls it (the real plugin zip loaded by PF4J; the same fold {@link Dataset}
 * objects every round, as the engine reuses them across trials) against raw Weka on the same
 * folds ({@code buildClassifier} on prepared {@link Instances},
 * {@code distributionForInstance} per validation row). Each fold runs both, one after the
 * other, in alternating order, so that warm-up, JIT, garbage collection and machine load fall
 * on both alike; a round is all folds, and the median round counts.
 */
final class WekaBench {

  /** The generic estimator may cost at most this much more than raw Weka per fold. */
  static final double TARGET_OVERHEAD = 0.05;

  record Result(String classifier, int folds, int rounds, double pluginMillis,
      double rawMillis) {
    double overhead() {
      return pluginMillis / rawMillis - 1;
    }
  }

  private WekaBench() {
  }

  static List<Result> run(Path arff, int rounds, List<String> classifiers) throws Exception {
    List<Result> results = new ArrayList<>();
    try (PluginRegistry registry = PluginRegistry.load(Env.pluginRoots())) {
      Estimator generic = registry.estimator("weka");
      Dataset data = DataFiles.readTrain(arff, DataRequest.defaults(),
          () -> List.copyOf(registry.formats().values()));
      Folds folds = Folds.stratified(data.labels(), 5, Seeds.derive(42, Seeds.Stream.FOLDS, 0, 0));
      Instances all = new DataSource(arff.toString()).getDataSet();
      all.setClassIndex(all.numAttributes() - 1);
      Dataset[] train = new Dataset[folds.count()];
      Dataset[] valid = new Dataset[folds.count()];
      Instances[] rawTrain = new Instances[folds.count()];
      Instances[] rawValid = new Instances[folds.count()];
      for (int k = 0; k < folds.count(); k++) {
        train[k] = data.rows(folds.trainRows(k));
        valid[k] = data.rows(folds.validationRows(k));
        rawTrain[k] = subset(all, folds.trainRows(k));
        rawValid[k] = subset(all, folds.validationRows(k));
      }
      for (String name : classifiers) {
        String full = name.equals("J48") ? "weka.classifiers.trees.J48"
            : "weka.classifiers.functions.Logistic";
        double[] plugin = new double[rounds];
        double[] raw = new double[rounds];
        for (int r = 0; r < rounds; r++) {
          // Fold by fold, the two alternately (and which goes first alternating by round), so
          // that load from other processes falls on both alike.
          for (int k = 0; k < folds.count(); k++) {
            boolean pluginFirst = (r + k) % 2 == 0;
            for (int turn = 0; turn < 2; turn++) {
              long start = System.nanoTime();
              if (pluginFirst == (turn == 0)) {
                Model model = generic.create(ParamSet.of(Map.of("class", name)));
                model.fit(train[k], k);
                model.predictProbabilities(valid[k]);
                plugin[r] += (System.nanoTime() - start) / 1e6 / folds.count();
              } else {
                Classifier c = AbstractClassifier.forName(full, new String[0]);
                c.buildClassifier(rawTrain[k]);
                for (int j = 0; j < rawValid[k].numInstances(); j++) {
                  c.distributionForInstance(rawValid[k].instance(j));
                }
                raw[r] += (System.nanoTime() - start) / 1e6 / folds.count();
              }
            }
          }
        }
        results.add(new Result(name, folds.count(), rounds, median(plugin), median(raw)));
      }
    }
    return results;
  }

  static Report report(List<Result> results) {
    Report report = new Report();
    for (Result r : results) {
      String name = "weka " + r.classifier();
      report.info(name, "time per fold, raw Weka (credit-g, " + r.folds() + " folds, median of "
          + r.rounds() + " rounds)", Report.ms(r.rawMillis()));
      report.check(name, "time per fold, generic weka estimator (plugin)",
          Report.ms(r.pluginMillis()) + " (" + String.format(java.util.Locale.ROOT, "%+.1f %%",
              100 * r.overhead()) + ")", "within +" + (int) (100 * TARGET_OVERHEAD) + " %",
          r.overhead() <= TARGET_OVERHEAD);
    }
    return report;
  }

  private static Instances subset(Instances all, int[] rows) {
    Instances out = new Instances(all, rows.length);
    for (int i : rows) {
      out.add(all.instance(i));
    }
    return out;
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    java.util.Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }
}
