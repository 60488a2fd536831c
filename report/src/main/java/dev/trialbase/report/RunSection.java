package dev.trialbase.report;

import com.fasterxml.jackson.databind.JsonNode;
import dev.trialbase.store.RunDetail;
import dev.trialbase.store.RunQueries;
import dev.trialbase.store.RunView;
import dev.trialbase.store.TrialView;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Everything the page shows about one run, as plain data (maps, lists, numbers) for the page's
 * script: header, best trial, the optimization history of every trial, a sample of trials for
 * the table and scatter plots, parameter importance, per-fold scores of the top trials and the
 * failures grouped by reason.
 */
final class RunSection {

  /** Trials shown in the table, slice and parallel-coordinates plots before sampling starts. */
  static final int SAMPLE_LIMIT = 2_000;
  /** Best trials always kept in a sample. */
  static final int SAMPLE_BEST = 200;
  /** Trials whose per-fold scores are drawn. */
  static final int TOP_TRIALS = 10;

  /** Stands for a null choice while the values are sorted (sets and sorts need a value). */
  private static final Object NULL = new Object() {
    @Override
    public String toString() {
      return "null";
    }
  };

  private RunSection() {
  }

  /** The section of {@code run}, read through {@code queries}. */
  static Map<String, Object> of(RunQueries queries, RunDetail run) throws Exception {
    RunView s = run.summary();
    long id = s.id();
    List<TrialView> trials = queries.trials(id);
    JsonNode spec = ReportJson.MAPPER.readTree(run.specJson());
    Map<String, ParamAxis> axes = ParamAxis.of(spec.get("space"));
    List<String> paramNames = paramNames(axes, trials);
    List<String> metrics = metricNames(s.objective(), trials);
    double trialMillis = trials.stream().map(TrialView::durationMs).filter(Objects::nonNull)
        .mapToDouble(Double::doubleValue).sum();

    Map<String, Object> r = new LinkedHashMap<>();
    r.put("id", id);
    r.put("experiment", s.experiment());
    r.put("status", s.status());
    r.put("running", s.status().equals("running"));
    r.put("objective", s.objective());
    r.put("maximize", s.maximize());
    r.put("trialCount", trials.size());
    r.put("header", Provenance.of(run, queries.statusCounts(id), trialMillis));
    r.put("spec", ReportJson.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(spec));
    r.put("best", best(queries, run));
    r.put("history", history(trials));
    r.put("bestSoFar", bestSoFar(trials, s.maximize()));
    r.put("params", params(paramNames, axes, trials));
    TrialSample sample = TrialSample.of(trials, s.maximize(), SAMPLE_LIMIT, SAMPLE_BEST);
    r.put("table", table(sample, paramNames, metrics, trials.size()));
    r.put("importance", importance(paramNames, axes, trials));
    r.put("topFolds", topFolds(queries, run, trials));
    r.put("failures", FailureGroups.of(trials));
    return r;
  }

  /** The searched parameters in the spec's order, then any others the trials carry. */
  private static List<String> paramNames(Map<String, ParamAxis> axes, List<TrialView> trials) {
    Set<String> names = new LinkedHashSet<>(axes.keySet());
    Set<String> seen = new TreeSet<>();
    for (TrialView t : trials) {
      seen.addAll(t.params().names());
    }
    names.addAll(seen);
    return List.copyOf(names);
  }

  /** The objective first, then every other metric the trials were scored on, by name. */
  private static List<String> metricNames(String objective, List<TrialView> trials) {
    Set<String> names = new TreeSet<>();
    for (TrialView t : trials) {
      names.addAll(t.means().keySet());
    }
    List<String> out = new ArrayList<>();
    out.add(objective);
    names.stream().filter(m -> !m.equals(objective)).forEach(out::add);
    return out;
  }

  private static Map<String, Object> best(RunQueries queries, RunDetail run) {
    RunView s = run.summary();
    Map<String, Double> test = queries.testMetrics(s.id());
    if (s.bestTrial() == null) {
      return null;
    }
    TrialView best = queries.trials(s.id(), List.of(s.bestTrial())).get(0);
    Map<String, List<Double>> folds = queries.foldMetrics(s.id(), best.number());
    List<Map<String, Object>> rows = new ArrayList<>();
    Set<String> names = new TreeSet<>(best.means().keySet());
    names.addAll(test.keySet());
    for (String m : names) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("metric", m);
      row.put("mean", Numbers.round(best.means().get(m)));
      row.put("std", Numbers.round(best.stds().get(m)));
      row.put("folds", folds.getOrDefault(m, List.of()).stream().map(Numbers::round).toList());
      row.put("test", Numbers.round(test.get(m)));
      rows.add(row);
    }
    Map<String, Object> b = new LinkedHashMap<>();
    b.put("number", best.number());
    b.put("params", best.params().asMap());
    b.put("objective", Numbers.round(best.objective()));
    b.put("metrics", rows);
    b.put("hasTest", !test.isEmpty());
    return b;
  }

  /**
   * Every trial: number, objective (null without one) and status, as parallel arrays; the
   * numbers only when they are not consecutive from {@code first}.
   */
  private static Map<String, Object> history(List<TrialView> trials) {
    List<String> statuses = new ArrayList<>();
    long[] n = new long[trials.size()];
    Double[] y = new Double[trials.size()];
    int[] status = new int[trials.size()];
    for (int i = 0; i < n.length; i++) {
      TrialView t = trials.get(i);
      n[i] = t.number();
      y[i] = Numbers.round(t.objective());
      int k = statuses.indexOf(t.status());
      if (k < 0) {
        statuses.add(t.status());
        k = statuses.size() - 1;
      }
      status[i] = k;
    }
    Map<String, Object> h = new LinkedHashMap<>();
    h.put("statuses", statuses);
    // Trial numbers are almost always first, first + 1, ...: then only the first is written.
    boolean contiguous = true;
    for (int i = 1; i < n.length && contiguous; i++) {
      contiguous = n[i] == n[0] + i;
    }
    h.put("first", n.length == 0 ? 0 : n[0]);
    h.put("n", contiguous ? null : n);
    h.put("y", y);
    h.put("s", status);
    return h;
  }

  /**
   * The best objective so far as steps: a point at each improvement and one at the last trial.
   * Exact for every trial, with as many points as the curve has corners.
   */
  static List<double[]> bestSoFar(List<TrialView> trials, boolean maximize) {
    List<double[]> out = new ArrayList<>();
    Double best = null;
    for (TrialView t : trials) {
      Double y = t.objective();
      if (y != null && Double.isFinite(y) && t.status().equals("complete")
          && (best == null || (maximize ? y > best : y < best))) {
        best = y;
        out.add(new double[] {t.number(), Numbers.round(y)});
      }
    }
    if (best != null && !trials.isEmpty()) {
      long last = trials.get(trials.size() - 1).number();
      if (out.get(out.size() - 1)[0] != last) {
        out.add(new double[] {last, Numbers.round(best)});
      }
    }
    return out;
  }

  /** Each parameter with its axis and, for categories, its values (numbers in numeric order). */
  private static List<Map<String, Object>> params(List<String> names, Map<String, ParamAxis> axes,
      List<TrialView> trials) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (String name : names) {
      ParamAxis axis = axes.containsKey(name) ? axes.get(name) : inferred(name, trials);
      Map<String, Object> p = new LinkedHashMap<>();
      p.put("name", name);
      p.put("axis", axis.id());
      if (axis == ParamAxis.CATEGORY) {
        p.put("categories", categories(name, trials));
      }
      out.add(p);
    }
    return out;
  }

  /** A parameter not in the spec's space: linear when every value is a number. */
  private static ParamAxis inferred(String name, List<TrialView> trials) {
    boolean numeric = trials.stream().map(t -> t.params().asMap())
        .filter(m -> m.containsKey(name)).allMatch(m -> m.get(name) instanceof Number);
    return numeric ? ParamAxis.LINEAR : ParamAxis.CATEGORY;
  }

  /**
   * The distinct values of a choice, numbers first in numeric order, then text; raw, so the
   * page labels them the same way it labels each trial's value.
   */
  private static List<Object> categories(String name, List<TrialView> trials) {
    Set<Object> values = new LinkedHashSet<>();
    for (TrialView t : trials) {
      if (t.params().has(name)) {
        values.add(t.params().get(name) == null ? NULL : t.params().get(name));
        if (values.size() > 1000) {
          break;
        }
      }
    }
    List<Object> sorted = new ArrayList<>(values);
    sorted.sort(Comparator.comparing((Object v) -> !(v instanceof Number))
        .thenComparing(v -> v instanceof Number num ? num.doubleValue() : 0.0)
        .thenComparing(String::valueOf));
    return sorted.stream().map(v -> v == NULL ? null : v).toList();
  }

  /** The sampled trials as columns and rows, for the table and the scatter plots. */
  private static Map<String, Object> table(TrialSample sample, List<String> params,
      List<String> metrics, int total) {
    List<String> columns = new ArrayList<>(List.of("number", "status"));
    params.forEach(p -> columns.add("param:" + p));
    metrics.forEach(m -> columns.add("metric:" + m));
    columns.add("duration ms");
    columns.add("error");
    List<List<Object>> rows = new ArrayList<>();
    for (TrialView t : sample.trials()) {
      List<Object> row = new ArrayList<>();
      row.add(t.number());
      row.add(t.status());
      Map<String, Object> values = t.params().asMap();
      params.forEach(p -> row.add(values.containsKey(p) ? values.get(p) : null));
      metrics.forEach(m -> row.add(Numbers.round(t.means().get(m))));
      row.add(t.durationMs() == null ? null : Math.round(t.durationMs()));
      row.add(t.errorMessage());
      rows.add(row);
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("note", sample.note());
    out.put("sampled", sample.sampled(total));
    out.put("columns", columns);
    out.put("rows", rows);
    return out;
  }

  private static Map<String, Object> importance(List<String> names, Map<String, ParamAxis> axes,
      List<TrialView> trials) {
    List<TrialView> scored = trials.stream().filter(t -> t.status().equals("complete")
        && t.objective() != null && Double.isFinite(t.objective())).toList();
    List<ParameterImportance.Share> shares = ParameterImportance.of(names, axes,
        scored.stream().map(t -> t.params().asMap()).toList(),
        scored.stream().mapToDouble(TrialView::objective).toArray());
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("trials", scored.size());
    out.put("shares", shares.stream().map(sh -> Map.of("param", sh.param(),
        "eta2", Numbers.round(sh.eta2()), "groups", sh.groups())).toList());
    return out;
  }

  /** The per-fold objective scores of the best complete trials, best first, with their boxes. */
  private static Map<String, Object> topFolds(RunQueries queries, RunDetail run,
      List<TrialView> trials) {
    boolean maximize = run.summary().maximize();
    Comparator<TrialView> order = Comparator.comparingDouble(TrialView::objective);
    List<Long> top = trials.stream().filter(t -> t.status().equals("complete")
            && t.objective() != null && Double.isFinite(t.objective()))
        .sorted((maximize ? order.reversed() : order).thenComparingLong(TrialView::number))
        .limit(TOP_TRIALS).map(TrialView::number).toList();
    Map<Long, Map<String, List<Double>>> folds = queries.foldMetrics(run.summary().id(), top);
    List<Map<String, Object>> rows = new ArrayList<>();
    for (long n : top) {
      double[] values = folds.getOrDefault(n, Map.of())
          .getOrDefault(run.summary().objective(), List.of()).stream()
          .mapToDouble(v -> v == null ? Double.NaN : v).toArray();
      BoxStats box = BoxStats.of(values);
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("number", n);
      row.put("folds", java.util.Arrays.stream(values).boxed().map(Numbers::round).toList());
      row.put("box", box == null ? null
          : java.util.Arrays.stream(box.asArray()).boxed().map(Numbers::round).toList());
      rows.add(row);
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("metric", run.summary().objective());
    out.put("trials", rows);
    return out;
  }
}
