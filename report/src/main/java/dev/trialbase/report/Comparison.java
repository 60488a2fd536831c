package dev.trialbase.report;

import com.fasterxml.jackson.databind.JsonNode;
import dev.trialbase.eval.stats.CorrectedResampledTTest;
import dev.trialbase.eval.stats.TTestResult;
import dev.trialbase.eval.stats.WilcoxonResult;
import dev.trialbase.eval.stats.WilcoxonSignedRankTest;
import dev.trialbase.store.RunDetail;
import dev.trialbase.store.RunQueries;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What the page shows about several runs together, as {@code trialbase compare} computes it:
 * the per-fold scores of each run's best trial on the first run's objective, the paired tests of
 * the first run's best trial against each other's (the corrected resampled t-test of Nadeau and
 * Bengio and the Wilcoxon signed-rank test, from {@code dev.trialbase.eval.stats}) for runs on
 * the same folds, and the spec keys whose values differ. The best-so-far curves come from each
 * run's own section.
 */
public final class Comparison {

  /** The significance level the tests are read at, as {@code compare}'s default. */
  static final double ALPHA = 0.05;


  private Comparison() {
  }

  static Map<String, Object> of(RunQueries queries, List<RunDetail> runs) throws Exception {
    String metric = runs.get(0).summary().objective();
    List<double[]> folds = new ArrayList<>();
    List<Map<String, Object>> best = new ArrayList<>();
    for (RunDetail run : runs) {
      double[] f = bestFolds(queries, run, metric);
      folds.add(f);
      Map<String, Object> b = new LinkedHashMap<>();
      b.put("run", run.summary().id());
      b.put("bestTrial", run.summary().bestTrial());
      b.put("folds", java.util.Arrays.stream(f).boxed().map(Numbers::round).toList());
      best.add(b);
    }
    List<Map<String, Object>> tests = new ArrayList<>();
    for (int i = 1; i < runs.size(); i++) {
      tests.add(pairedTest(runs.get(0), runs.get(i), metric, folds.get(0), folds.get(i), ALPHA));
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("metric", metric);
    out.put("maximize", runs.get(0).summary().maximize());
    out.put("sameObjective", runs.stream().map(r -> r.summary().objective()).distinct().count() == 1);
    out.put("bestFolds", best);
    out.put("pairedTests", tests);
    out.put("alpha", ALPHA);
    out.put("specDifferences", specDifferences(runs));
    return out;
  }

  /** The fold values of a run's best trial for {@code metric}; empty without a best trial. */
  public static double[] bestFolds(RunQueries queries, RunDetail run, String metric) {
    if (run.summary().bestTrial() == null) {
      return new double[0];
    }
    return queries.foldMetrics(run.summary().id(), run.summary().bestTrial())
        .getOrDefault(metric, List.of()).stream()
        .mapToDouble(v -> v == null ? Double.NaN : v).toArray();
  }

  /**
   * The paired tests of run {@code a}'s best trial (fold scores {@code x}) against run
   * {@code b}'s ({@code y}) on {@code metric}, read at level {@code alpha}; the rows
   * {@code compare} prints. Runs not on the same folds get the reason instead.
   */
  public static Map<String, Object> pairedTest(RunDetail a, RunDetail b, String metric,
      double[] x, double[] y, double alpha) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("runs", a.summary().id() + " vs " + b.summary().id());
    m.put("metric", metric);
    String problem = sameFoldsProblem(a, b, x, y);
    if (problem != null) {
      m.put("result", "not tested: " + problem);
      return m;
    }
    TTestResult t = CorrectedResampledTTest.kFold(x, y);
    WilcoxonResult w = WilcoxonSignedRankTest.test(x, y);
    m.put("meanDifference", t.meanDifference());
    m.put("t", t.t());
    m.put("df", t.df());
    m.put("p", t.p());
    m.put("wilcoxonP", w.p());
    m.put("result", t.significant(alpha)
        ? "significant at alpha " + alpha : "not significant at alpha " + alpha);
    return m;
  }

  /**
   * Why two runs' best trials cannot be paired fold by fold, or null when they can: the folds
   * are the same only for the same data, seed and fold count (the rule {@code compare} applies).
   */
  private static String sameFoldsProblem(RunDetail a, RunDetail b, double[] x, double[] y) {
    if (x.length == 0 || y.length == 0) {
      return "a run has no complete trial";
    }
    if (a.isFunction() || b.isFunction()) {
      return "a function run has no folds to pair";
    }
    if (!Objects.equals(a.trainSha256(), b.trainSha256())) {
      return "different training data";
    }
    if (a.summary().seed() != b.summary().seed()) {
      return "different seeds, so different folds";
    }
    if (a.folds() != b.folds() || x.length != y.length) {
      return "different fold counts";
    }
    return null;
  }

  /**
   * Spec keys (dotted paths; a parameter's space is one key) whose values differ, one row per
   * key with a column {@code run N} per run, as {@code compare} prints them.
   */
  public static List<Map<String, Object>> specDifferences(List<RunDetail> runs) throws Exception {
    List<Map<String, String>> flat = new ArrayList<>();
    Set<String> keys = new LinkedHashSet<>();
    for (RunDetail run : runs) {
      Map<String, String> f = new LinkedHashMap<>();
      flatten("", ReportJson.MAPPER.readTree(run.specJson()), f);
      flat.add(f);
      keys.addAll(f.keySet());
    }
    List<Map<String, Object>> rows = new ArrayList<>();
    for (String key : keys) {
      if (flat.stream().map(f -> f.get(key)).distinct().count() > 1) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("key", key);
        for (int i = 0; i < runs.size(); i++) {
          row.put("run " + runs.get(i).summary().id(),
              Objects.requireNonNullElse(flat.get(i).get(key), "-"));
        }
        rows.add(row);
      }
    }
    return rows;
  }

  private static void flatten(String prefix, JsonNode node, Map<String, String> out) {
    if (node.isObject() && !prefix.startsWith("space.")) {
      for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        flatten(prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey(), e.getValue(), out);
      }
    } else {
      out.put(prefix, node.isTextual() ? node.asText() : node.toString());
    }
  }
}
