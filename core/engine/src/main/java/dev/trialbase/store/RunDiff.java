package dev.trialbase.store;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.JdbiException;

/**
 * Compares two runs trial by trial: status, parameters, every fold score (bit for bit) and the
 * test scores. Used by {@code trialbase reproduce} to prove a run repeats exactly.
 */
public final class RunDiff {

  private RunDiff() {
  }

  /** One difference, in words, such as {@code trial 12: accuracy fold 3: 0.85 vs 0.86}. */
  public record Difference(String where, String original, String repeated, Double delta) {
    @Override
    public String toString() {
      return where + ": " + original + " vs " + repeated
          + (delta == null ? "" : String.format(" (difference %+.3g)", delta));
    }
  }

  /** Every difference between runs {@code a} and {@code b}; empty when they are identical. */
  public static List<Difference> between(Database database, long a, long b) {
    RunQueries queries = new RunQueries(database);
    List<Difference> out = new ArrayList<>();
    Map<Long, TrialView> left = byNumber(queries.trials(a));
    Map<Long, TrialView> right = byNumber(queries.trials(b));
    TreeSet<Long> numbers = new TreeSet<>(left.keySet());
    numbers.addAll(right.keySet());
    Map<String, Double> leftFolds = folds(database, a);
    Map<String, Double> rightFolds = folds(database, b);
    for (long n : numbers) {
      TrialView x = left.get(n);
      TrialView y = right.get(n);
      String trial = "trial " + n;
      if (x == null || y == null) {
        out.add(new Difference(trial, x == null ? "missing" : "present",
            y == null ? "missing" : "present", null));
        continue;
      }
      if (!x.status().equals(y.status())) {
        out.add(new Difference(trial + " status", x.status(), y.status(), null));
      }
      if (!x.params().equals(y.params())) {
        out.add(new Difference(trial + " params", x.params().toString(), y.params().toString(),
            null));
      }
    }
    TreeSet<String> keys = new TreeSet<>(leftFolds.keySet());
    keys.addAll(rightFolds.keySet());
    for (String key : keys) {
      compareValues(out, key, leftFolds.get(key), rightFolds.get(key),
          leftFolds.containsKey(key), rightFolds.containsKey(key));
    }
    Map<String, Double> leftTest = queries.testMetrics(a);
    Map<String, Double> rightTest = queries.testMetrics(b);
    TreeSet<String> tests = new TreeSet<>(leftTest.keySet());
    tests.addAll(rightTest.keySet());
    for (String m : tests) {
      compareValues(out, "test " + m, leftTest.get(m), rightTest.get(m),
          leftTest.containsKey(m), rightTest.containsKey(m));
    }
    return out;
  }

  private static void compareValues(List<Difference> out, String where, Double x, Double y,
      boolean inLeft, boolean inRight) {
    if (!inLeft || !inRight) {
      out.add(new Difference(where, inLeft ? String.valueOf(x) : "missing",
          inRight ? String.valueOf(y) : "missing", null));
    } else if (!Objects.equals(x, y)) {
      out.add(new Difference(where, String.valueOf(x), String.valueOf(y),
          x == null || y == null ? null : y - x));
    }
  }

  private static Map<Long, TrialView> byNumber(List<TrialView> trials) {
    Map<Long, TrialView> out = new TreeMap<>();
    trials.forEach(t -> out.put(t.number(), t));
    return out;
  }

  /** Every fold score of a run, keyed "trial N: METRIC fold K". */
  private static Map<String, Double> folds(Database database, long run) {
    Map<String, Double> out = new TreeMap<>();
    new RunQueries(database).foldMetrics(run, null).forEach((trial, metrics) ->
        metrics.forEach((metric, values) -> {
          for (int fold = 0; fold < values.size(); fold++) {
            out.put("trial " + trial + ": " + metric + " fold " + fold, values.get(fold));
          }
        }));
    return out;
  }
}
