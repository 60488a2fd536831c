package dev.trialbase.report;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parameter importance as the share of the objective's variance explained by each parameter
 * alone: eta squared, {@code SS_between / SS_total}, over the complete trials grouped by the
 * parameter's value. Choices group by value; a numeric parameter with more than {@link #BINS}
 * distinct values is cut into {@link #BINS} bins at its quantiles (ties stay together).
 *
 * <p>Limits, stated in the report: it is a one-parameter-at-a-time (main effect) measure, so
 * interactions are not credited to anyone and shares need not sum to 1; with few trials per
 * group it overstates (each group mean also fits noise); failed trials have no objective, so a
 * parameter that makes trials fail shows in the failure table, not here. Unlike Optuna's
 * fANOVA it fits no surrogate model: it describes the trials that ran, and needs no extra
 * library.
 */
final class ParameterImportance {

  /** Most groups a numeric parameter is cut into. */
  static final int BINS = 10;

  /** One parameter's share of the objective's variance and the groups it was computed over. */
  record Share(String param, double eta2, int groups) {
  }

  private ParameterImportance() {
  }

  /**
   * The share of each parameter in {@code names}, largest first, over trials given by their
   * parameter values {@code params} and objectives {@code objective} (same order, all finite).
   */
  static List<Share> of(List<String> names, Map<String, ParamAxis> axes,
      List<Map<String, Object>> params, double[] objective) {
    List<Share> out = new ArrayList<>();
    if (objective.length < 2) {
      return out;
    }
    double mean = Arrays.stream(objective).average().orElse(0);
    double total = 0;
    for (double y : objective) {
      total += (y - mean) * (y - mean);
    }
    for (String name : names) {
      Object[] keys = groupKeys(name, axes.get(name), params);
      Map<Object, double[]> sums = new HashMap<>();
      for (int i = 0; i < objective.length; i++) {
        double[] s = sums.computeIfAbsent(keys[i], k -> new double[2]);
        s[0] += objective[i];
        s[1]++;
      }
      double between = 0;
      for (double[] s : sums.values()) {
        double groupMean = s[0] / s[1];
        between += s[1] * (groupMean - mean) * (groupMean - mean);
      }
      // Shares below 1e-12 are rounding noise (a parameter with no effect at all).
      double eta2 = total > 0 ? Math.min(1, between / total) : 0;
      eta2 = eta2 < 1e-12 ? 0 : eta2;
      out.add(new Share(name, eta2, sums.size()));
    }
    out.sort((a, b) -> Double.compare(b.eta2(), a.eta2()));
    return out;
  }

  /** Each trial's group for parameter {@code name}: its value, or its quantile bin. */
  private static Object[] groupKeys(String name, ParamAxis axis, List<Map<String, Object>> params) {
    Object[] keys = new Object[params.size()];
    Map<Object, Boolean> distinct = new LinkedHashMap<>();
    boolean numeric = axis != ParamAxis.CATEGORY;
    for (int i = 0; i < keys.length; i++) {
      Object v = params.get(i).containsKey(name) ? params.get(i).get(name) : Absent.VALUE;
      keys[i] = v == null ? "null" : v;
      numeric &= v instanceof Number;
      if (distinct.size() <= BINS) {
        distinct.put(keys[i], true);
      }
    }
    if (!numeric || distinct.size() <= BINS) {
      return keys;
    }
    double[] values = new double[keys.length];
    for (int i = 0; i < keys.length; i++) {
      values[i] = ((Number) keys[i]).doubleValue();
    }
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    double[] edges = new double[BINS - 1];
    for (int b = 1; b < BINS; b++) {
      edges[b - 1] = sorted[(int) ((long) b * sorted.length / BINS)];
    }
    for (int i = 0; i < keys.length; i++) {
      keys[i] = binOf(values[i], edges);
    }
    return keys;
  }

  /** How many edges are at or below {@code v}: values equal to an edge share its bin. */
  private static int binOf(double v, double[] edges) {
    int bin = 0;
    while (bin < edges.length && edges[bin] <= v) {
      bin++;
    }
    return bin;
  }

  /** The group of trials that have no value for a parameter (a conditional parameter). */
  private enum Absent {
    VALUE
  }
}
