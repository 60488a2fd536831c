package dev.trialbase.store.filter;

import dev.trialbase.store.Dialect;
import dev.trialbase.store.TrialStatus;
import dev.trialbase.store.filter.Sort.Direction;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * The trial numbers of a run that match a filter, in sort order, up to a limit: what {@code
 * trialbase trials RUN --where ... --sort ... --limit ...} lists.
 *
 * <p>Two queries keep sorting on an index. The first reads the trials that have a value for
 * the sort key in key order: for a metric it walks index {@code trial_metrics_by_value (run_id,
 * metric, mean)} and joins each row to its trial, so {@code --sort accuracy --limit 10} stops
 * after ten matches instead of sorting the run; for the objective with a status it walks
 * {@code trials_by_objective}. The second, run only when the limit is not yet reached,
 * appends the trials without a value (failed trials, say) by number.
 */
public final class TrialFilterQuery {

  private TrialFilterQuery() {
  }

  /** As {@link #numbers(Handle, long, Filter, Sort, Integer, String)} on a new handle. */
  public static List<Long> numbers(Jdbi jdbi, long runId, Filter filter, Sort sort, Integer limit,
      String status) {
    return jdbi.withHandle(h -> numbers(h, runId, filter, sort, limit, status));
  }

  /**
   * The numbers of the trials of run {@code runId} that match.
   *
   * @param filter null for every trial
   * @param sort null for {@link Sort#byNumber()}
   * @param limit the most numbers to return; null for all
   * @param status only trials in this status (e.g. {@code complete}); null for any
   * @throws IllegalArgumentException for a negative limit or an unknown status
   */
  public static List<Long> numbers(Handle handle, long runId, Filter filter, Sort sort,
      Integer limit, String status) {
    if (limit != null && limit < 0) {
      throw new IllegalArgumentException("limit must not be negative, got " + limit);
    }
    List<Long> out = new ArrayList<>();
    Dialect dialect = Dialect.of(handle);
    for (Phase phase : plan(handle, runId, filter, sort, status)) {
      Integer remaining = limit == null ? null : limit - out.size();
      if (remaining != null && remaining == 0) {
        break;
      }
      out.addAll(phase.bind(handle.createQuery(phase.sql()))
          .bind("limit", remaining == null ? dialect.noLimit() : remaining)
          .mapTo(Long.class).list());
    }
    return out;
  }

  /**
   * The queries {@link #numbers} runs, in order, each with a {@code :limit} left to bind
   * ({@link Dialect#noLimit()} for none). Visible for tests that check the query plan.
   */
  static List<Phase> plan(Handle handle, long runId, Filter filter, Sort sort, String status) {
    Dialect dialect = Dialect.of(handle);
    Sort s = sort == null ? Sort.byNumber() : sort;
    Map<String, Object> binds = new LinkedHashMap<>();
    binds.put("run", runId);
    StringBuilder where = new StringBuilder("t.run_id = :run");
    if (status != null) {
      binds.put("status", checkedStatus(status));
      where.append(" and t.status = :status");
    }
    if (filter != null) {
      SqlFragment f = filter.toSql(dialect);
      for (int i = 0; i < f.params().size(); i++) {
        binds.put(SqlFragment.name(i), f.params().get(i));
      }
      where.append(" and (").append(f.sql()).append(')');
    }
    // A metric's direction is its own; a function run's score (not a metric) takes the run's.
    Direction direction = s.resolvedDirection(
        (s.key() == Sort.Key.OBJECTIVE || s.key() == Sort.Key.METRIC) && s.direction() == null
            && runMaximizes(handle, runId));
    if (s.key() == Sort.Key.METRIC) {
      binds.put("sortMetric", s.metric());
      return List.of(
          new Phase("select t.number from trial_metrics s"
              + " " + dialect.orderedJoin() + " trials t on t.run_id = s.run_id and t.number = s.trial_number"
              + " where s.run_id = :run and s.metric = :sortMetric and s.mean is not null and "
              + where + " order by s.mean " + direction.sql() + ", s.trial_number limit :limit",
              binds),
          new Phase("select t.number from trials t where " + where
              + " and not exists (select 1 from trial_metrics s where s.run_id = t.run_id"
              + " and s.trial_number = t.number and s.metric = :sortMetric"
              + " and s.mean is not null) order by t.number limit :limit", binds));
    }
    String column = switch (s.key()) {
      case NUMBER -> "t.number";
      case DURATION -> "t.duration_ms";
      default -> "t.objective";
    };
    Phase valued = new Phase("select t.number from trials t where " + where + " and " + column
        + " is not null order by " + column + " " + direction.sql() + ", t.number limit :limit",
        binds);
    if (s.key() == Sort.Key.NUMBER) {
      return List.of(valued);
    }
    return List.of(valued, new Phase("select t.number from trials t where " + where + " and "
        + column + " is null order by t.number limit :limit", binds));
  }

  private static boolean runMaximizes(Handle handle, long runId) {
    return handle.createQuery("select maximize from runs where id = :run")
        .bind("run", runId)
        .mapTo(Integer.class)
        .findOne()
        .map(m -> m == 1)
        .orElse(true);
  }

  private static String checkedStatus(String status) {
    for (TrialStatus s : TrialStatus.values()) {
      if (s.id().equals(status)) {
        return status;
      }
    }
    throw new IllegalArgumentException("unknown trial status '" + status + "'; statuses are "
        + Arrays.stream(TrialStatus.values()).map(TrialStatus::id)
            .collect(Collectors.joining(", ")));
  }

  /** One query and its values, but for {@code :limit}. */
  record Phase(String sql, Map<String, Object> binds) {

    Phase {
      binds = Map.copyOf(binds);
    }

    <T extends org.jdbi.v3.core.statement.SqlStatement<T>> T bind(T statement) {
      binds.forEach(statement::bind);
      return statement;
    }
  }
}
