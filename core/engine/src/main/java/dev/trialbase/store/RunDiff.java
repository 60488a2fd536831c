package dev.trialbase.store;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.JdbiException;

/**
 * Compares two runs trial by trial: status, parameters, every fold score (bit for bit) and the
 * test scores. Used by {@code trialbase reproduce} to prove a run repeats exactly.
 *
 * <p>Both runs are read as streams in the same order and merged (a merge-join), so memory does
 * not grow with the number of trials or of differences: first the trials by number (presence,
 * status, parameters), then the fold scores in the order of their keys' text ("trial 10: ..."
 * before "trial 2: ...", as SQLite sorts them), then the test scores by metric.
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

  /** How many differences two runs have, and the first few of them, in order. */
  public record Summary(long count, List<Difference> first) {
    public Summary {
      first = List.copyOf(first);
    }
  }

  /** Every difference between runs {@code a} and {@code b}; empty when they are identical. */
  public static List<Difference> between(Database database, long a, long b) {
    List<Difference> out = new ArrayList<>();
    compare(database, a, b, out::add);
    return out;
  }

  /** The number of differences between runs {@code a} and {@code b} and the first {@code keep}. */
  public static Summary summarize(Database database, long a, long b, int keep) {
    List<Difference> first = new ArrayList<>();
    long[] count = {0};
    compare(database, a, b, d -> {
      if (count[0]++ < keep) {
        first.add(d);
      }
    });
    return new Summary(count[0], first);
  }

  /** Hands each difference between runs {@code a} and {@code b} to {@code out}, in order. */
  public static void compare(Database database, long a, long b, Consumer<Difference> out) {
    trials(database, a, b, out);
    folds(database, a, b, out);
    RunQueries queries = new RunQueries(database);
    Map<String, Double> leftTest = queries.testMetrics(a);
    Map<String, Double> rightTest = queries.testMetrics(b);
    TreeSet<String> tests = new TreeSet<>(leftTest.keySet());
    tests.addAll(rightTest.keySet());
    for (String m : tests) {
      compareValues(out, "test " + m, leftTest.get(m), rightTest.get(m),
          leftTest.containsKey(m), rightTest.containsKey(m));
    }
  }

  /** Presence, status and parameters, trial by trial in number order. */
  private static void trials(Database database, long a, long b, Consumer<Difference> out) {
    try (TrialCursor left = TrialCursor.open(database, a, TrialCursor.Metrics.NONE);
        TrialCursor right = TrialCursor.open(database, b, TrialCursor.Metrics.NONE)) {
      TrialView x = left.hasNext() ? left.next().trial() : null;
      TrialView y = right.hasNext() ? right.next().trial() : null;
      while (x != null || y != null) {
        long n = x == null ? y.number() : y == null ? x.number() : Math.min(x.number(), y.number());
        boolean inLeft = x != null && x.number() == n;
        boolean inRight = y != null && y.number() == n;
        String trial = "trial " + n;
        if (!inLeft || !inRight) {
          out.accept(new Difference(trial, inLeft ? "present" : "missing",
              inRight ? "present" : "missing", null));
        } else {
          if (!x.status().equals(y.status())) {
            out.accept(new Difference(trial + " status", x.status(), y.status(), null));
          }
          if (!x.params().equals(y.params())) {
            out.accept(new Difference(trial + " params", x.params().toString(),
                y.params().toString(), null));
          }
        }
        if (inLeft) {
          x = left.hasNext() ? left.next().trial() : null;
        }
        if (inRight) {
          y = right.hasNext() ? right.next().trial() : null;
        }
      }
    }
  }

  /** Every fold score, keyed "trial N: METRIC fold K", in the keys' text order. */
  private static void folds(Database database, long a, long b, Consumer<Difference> out) {
    try (StreamingHandle reads = new StreamingHandle(database);
        Lookahead<FoldRow> left = foldRows(database, reads.handle(), a);
        Lookahead<FoldRow> right = foldRows(database, reads.handle(), b)) {
      while (left.peek() != null || right.peek() != null) {
        int order = left.peek() == null ? 1 : right.peek() == null ? -1
            : left.peek().prefix().compareTo(right.peek().prefix());
        FoldRow x = order <= 0 ? left.take() : null;
        FoldRow y = order >= 0 ? right.take() : null;
        String prefix = x != null ? x.prefix() : y.prefix();
        Map<String, Integer> folds = new TreeMap<>();
        for (FoldRow row : new FoldRow[] {x, y}) {
          for (int k = 0; row != null && k < row.values().size(); k++) {
            folds.put(Integer.toString(k), k);
          }
        }
        folds.forEach((text, k) -> {
          boolean inLeft = x != null && k < x.values().size();
          boolean inRight = y != null && k < y.values().size();
          compareValues(out, prefix + text, inLeft ? x.values().get(k) : null,
              inRight ? y.values().get(k) : null, inLeft, inRight);
        });
      }
    } catch (JdbiException e) {
      throw database.named(e);
    }
  }

  private static Lookahead<FoldRow> foldRows(Database database, Handle h, long run) {
    return new Lookahead<>(h.createQuery("""
            select 'trial ' || trial_number || ': ' || metric || ' fold ' as prefix, fold_scores
              from %s
             where run_id = :run and fold_scores is not null
             order by prefix""".formatted(new RunQueries(database).foldSource()))
        .bind("run", run)
        .map((rs, ctx) -> new FoldRow(rs.getString("prefix"),
            FoldScores.decode(rs.getString("fold_scores"))))
        .iterator(), database);
  }

  private static void compareValues(Consumer<Difference> out, String where, Double x, Double y,
      boolean inLeft, boolean inRight) {
    if (!inLeft || !inRight) {
      out.accept(new Difference(where, inLeft ? String.valueOf(x) : "missing",
          inRight ? String.valueOf(y) : "missing", null));
    } else if (!Objects.equals(x, y)) {
      out.accept(new Difference(where, String.valueOf(x), String.valueOf(y),
          x == null || y == null ? null : y - x));
    }
  }

  /** One trial's scores of one metric by fold; {@code prefix} is "trial N: METRIC fold ". */
  private record FoldRow(String prefix, List<Double> values) {
  }
}
