package dev.trialbase.store;

import dev.trialbase.api.ParamSet;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.function.Predicate;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.JdbiException;
import org.jdbi.v3.core.statement.Query;

/**
 * A run's trials one at a time, in number order, each with its parameters and, when asked, its
 * metrics. The {@code trials}, {@code params} and {@code trial_metrics} rows are read by three
 * queries ordered by trial number and merged as they come, so memory holds one trial however
 * long the run: what {@code resume}, {@link RunDiff} and {@code export} need on runs of
 * millions of trials. Holds one handle, and so one read transaction, until closed.
 */
public final class TrialCursor implements Iterator<TrialCursor.Row>, AutoCloseable {

  /** What is read besides each trial's row and parameters. */
  public enum Metrics {
    /** Nothing: {@link TrialView#means()} and {@link TrialView#stds()} are empty. */
    NONE,
    /** Each metric's mean, standard deviation and fold scores. */
    SCORES,
    /** As {@link #SCORES}, and each trial's rank by mean among the run's trials. */
    RANKED
  }

  /**
   * One trial.
   *
   * @param folds metric to fold scores, in fold order (empty without metrics)
   * @param ranks metric to the trial's rank (only with {@link Metrics#RANKED}): scikit-learn's,
   *     1 for the best mean, equal means share the lowest rank, a trial without a mean ranks
   *     after every trial with one
   */
  public record Row(TrialView trial, Map<String, List<Double>> folds,
      Map<String, Integer> ranks) {
  }

  private final StreamingHandle reads;
  private final Handle handle;
  private final Lookahead<TrialRow> trials;
  private final Lookahead<ParamRow> params;
  private final Lookahead<MetricRow> metrics;

  private TrialCursor(Database database, long runId, Metrics wanted,
      Predicate<String> greaterIsBetter) {
    reads = new StreamingHandle(database);
    handle = reads.handle();
    try {
      trials = new Lookahead<>(handle.createQuery("""
              select number, status, objective, duration_ms, error_class, error_message
              from trials where run_id = :run order by number""")
          .bind("run", runId)
          .map((rs, ctx) -> new TrialRow(rs.getLong("number"), rs.getString("status"),
              RunQueries.doubleOrNull(rs, "objective"), RunQueries.doubleOrNull(rs, "duration_ms"),
              rs.getString("error_class"), rs.getString("error_message")))
          .iterator(), database);
      params = new Lookahead<>(handle.createQuery("""
              select trial_number, name, type, value_text, value_num from params
              where run_id = :run order by trial_number, position""")
          .bind("run", runId)
          .map((rs, ctx) -> new ParamRow(rs.getLong("trial_number"), rs.getString("name"),
              new StoredValue(rs.getString("type"), rs.getString("value_text"),
                  RunQueries.doubleOrNull(rs, "value_num"))))
          .iterator(), database);
      metrics = wanted == Metrics.NONE ? null : new Lookahead<>(
          metricQuery(database, runId, wanted == Metrics.RANKED ? greaterIsBetter : null)
              .map((rs, ctx) -> new MetricRow(rs.getLong("trial_number"), rs.getString("metric"),
                  RunQueries.doubleOrNull(rs, "mean"), RunQueries.doubleOrNull(rs, "std"),
                  rs.getString("fold_scores"),
                  wanted == Metrics.RANKED ? rs.getInt("rank") : null))
              .iterator(), database);
    } catch (JdbiException e) {
      reads.close();
      throw database.named(e);
    } catch (RuntimeException e) {
      reads.close();
      throw e;
    }
  }

  /** The trials of run {@code runId}, with {@code metrics} (not {@link Metrics#RANKED}). */
  public static TrialCursor open(Database database, long runId, Metrics metrics) {
    if (metrics == Metrics.RANKED) {
      throw new IllegalArgumentException("ranks need the metrics' directions: use ranked(...)");
    }
    return new TrialCursor(database, runId, metrics, null);
  }

  /**
   * The trials of run {@code runId} with their metrics and ranks, a metric's best mean being
   * the highest where {@code greaterIsBetter} says so, else the lowest. SQLite ranks them
   * ({@code rank()} over each metric, sorted on disk), so no list of means is held here.
   */
  public static TrialCursor ranked(Database database, long runId,
      Predicate<String> greaterIsBetter) {
    return new TrialCursor(database, runId, Metrics.RANKED, greaterIsBetter);
  }

  private Query metricQuery(Database database, long runId, Predicate<String> greaterIsBetter) {
    String scores = database.schemaVersion() >= 4
        ? "select trial_number, metric, mean, std, fold_scores from trial_metrics m"
        : """
          select trial_number, metric, mean, std,
                 (select json_group_array(f.value order by f.fold) from fold_metrics f
                   where f.run_id = m.run_id and f.trial_number = m.trial_number
                     and f.metric = m.metric) as fold_scores
            from trial_metrics m""";
    scores += " where m.run_id = :run";
    if (greaterIsBetter == null) {
      return handle.createQuery(scores + " order by trial_number, metric").bind("run", runId);
    }
    List<String> lower = handle.createQuery(
            "select distinct metric from trial_metrics where run_id = :run")
        .bind("run", runId)
        .mapTo(String.class)
        .filter(m -> !greaterIsBetter.test(m))
        .list();
    String key = lower.isEmpty() ? "-mean"
        : "case when metric in (<lower>) then mean else -mean end";
    Query query = handle.createQuery("""
        select trial_number, metric, mean, std, fold_scores,
               case when mean is null then count(mean) over (partition by metric) + 1
                    else rank() over (partition by metric order by mean is null, %s) end as rank
          from (%s) as scores
         order by trial_number, metric""".formatted(key, scores))
        .bind("run", runId);
    return lower.isEmpty() ? query : query.bindList("lower", lower);
  }

  @Override
  public boolean hasNext() {
    return trials.peek() != null;
  }

  @Override
  public Row next() {
    TrialRow t = trials.take();
    if (t == null) {
      throw new NoSuchElementException();
    }
    Map<String, Object> values = new LinkedHashMap<>();
    while (params.peek() != null && params.peek().trial() <= t.number()) {
      ParamRow p = params.take();
      if (p.trial() == t.number()) {
        values.put(p.name(), p.value().toValue());
      }
    }
    Map<String, Double> means = new LinkedHashMap<>();
    Map<String, Double> stds = new LinkedHashMap<>();
    Map<String, List<Double>> folds = new LinkedHashMap<>();
    Map<String, Integer> ranks = new LinkedHashMap<>();
    while (metrics != null && metrics.peek() != null && metrics.peek().trial() <= t.number()) {
      MetricRow m = metrics.take();
      if (m.trial() == t.number()) {
        means.put(m.metric(), m.mean());
        stds.put(m.metric(), m.std());
        if (m.foldScores() != null) {
          folds.put(m.metric(), new ArrayList<>(FoldScores.decode(m.foldScores())));
        }
        if (m.rank() != null) {
          ranks.put(m.metric(), m.rank());
        }
      }
    }
    return new Row(new TrialView(t.number(), t.status(), ParamSet.of(values), means, stds,
        t.objective(), t.durationMs(), t.errorClass(), t.errorMessage()), folds, ranks);
  }

  @Override
  public void close() {
    try (trials; params; Lookahead<MetricRow> m = metrics) {
      // closes the three queries, then the handle
    } finally {
      reads.close();
    }
  }

  private record TrialRow(long number, String status, Double objective, Double durationMs,
      String errorClass, String errorMessage) {
  }

  private record ParamRow(long trial, String name, StoredValue value) {
  }

  private record MetricRow(long trial, String metric, Double mean, Double std,
      String foldScores, Integer rank) {
  }
}
