package dev.trialbase.store.filter;

import dev.trialbase.store.Database;
import dev.trialbase.store.Dialect;
import dev.trialbase.store.Rows;
import dev.trialbase.store.TrialStatus;
import dev.trialbase.store.filter.Sort.Direction;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The trial numbers of a run that match a filter, in sort order, up to a limit: what {@code
 * trialbase trials RUN --where ... --sort ... --limit ...} lists.
 *
 * <p>Two queries keep sorting on an index. The first reads the trials that have a value for
 * the sort key in key order: for a metric it walks index {@code trial_metrics_by_value (run_id,
 * metric, mean)} and joins each row to its trial, so {@code --sort accuracy --limit 10} stops
 * after ten matches instead of sorting the run; for the objective with a status it walks
 * {@code trials_by_objective}. The second, run only when the limit is not yet reached,
 * appends the trials without a value (failed trials, say) by number. Plain JDBC, as
 * {@link dev.trialbase.store.RunQueries} is: {@code trials} and {@code best} run these.
 */
public final class TrialFilterQuery {

  private TrialFilterQuery() {
  }

  /**
   * The numbers of the trials of run {@code runId} that match, read on a connection of its own.
   *
   * @param filter null for every trial
   * @param sort null for {@link Sort#byNumber()}
   * @param limit the most numbers to return; null for all
   * @param status only trials in this status (e.g. {@code complete}); null for any
   * @throws IllegalArgumentException for a negative limit or an unknown status
   */
  public static List<Long> numbers(Database database, long runId, Filter filter, Sort sort,
      Integer limit, String status) {
    if (limit != null && limit < 0) {
      throw new IllegalArgumentException("limit must not be negative, got " + limit);
    }
    return database.read(c -> {
      List<Long> out = new ArrayList<>();
      for (Phase phase : plan(c, database.dialect(), runId, filter, sort, status)) {
        Integer remaining = limit == null ? null : limit - out.size();
        if (remaining != null && remaining == 0) {
          break;
        }
        out.addAll(Rows.list(c, phase.sql(remaining), rs -> rs.getLong(1),
            phase.values(remaining)));
      }
      return out;
    });
  }

  /**
   * The queries {@link #numbers} runs, in order, each to be limited by {@link Phase#sql(Integer)}.
   * Visible for tests that check the query plan.
   */
  static List<Phase> plan(Connection c, Dialect dialect, long runId, Filter filter, Sort sort,
      String status) throws SQLException {
    Sort s = sort == null ? Sort.byNumber() : sort;
    List<Object> whereValues = new ArrayList<>();
    whereValues.add(runId);
    StringBuilder where = new StringBuilder("t.run_id = ?");
    if (status != null) {
      whereValues.add(checkedStatus(status));
      where.append(" and t.status = ?");
    }
    if (filter != null) {
      SqlFragment f = filter.toSql(dialect);
      whereValues.addAll(f.params());
      where.append(" and (").append(f.sql()).append(')');
    }
    // A metric's direction is its own; a function run's score (not a metric) takes the run's.
    Direction direction = s.resolvedDirection(
        (s.key() == Sort.Key.OBJECTIVE || s.key() == Sort.Key.METRIC) && s.direction() == null
            && runMaximizes(c, runId));
    if (s.key() == Sort.Key.METRIC) {
      List<Object> valued = new ArrayList<>(List.of(runId, s.metric()));
      valued.addAll(whereValues);
      List<Object> unvalued = new ArrayList<>(whereValues);
      unvalued.add(s.metric());
      return List.of(
          new Phase("select t.number from trial_metrics s"
              + " " + dialect.orderedJoin() + " trials t on t.run_id = s.run_id and t.number = s.trial_number"
              + " where s.run_id = ? and s.metric = ? and s.mean is not null and "
              + where + " order by s.mean " + direction.sql() + ", s.trial_number", valued),
          new Phase("select t.number from trials t where " + where
              + " and not exists (select 1 from trial_metrics s where s.run_id = t.run_id"
              + " and s.trial_number = t.number and s.metric = ?"
              + " and s.mean is not null) order by t.number", unvalued));
    }
    String column = switch (s.key()) {
      case NUMBER -> "t.number";
      case DURATION -> "t.duration_ms";
      default -> "t.objective";
    };
    Phase valued = new Phase("select t.number from trials t where " + where + " and " + column
        + " is not null order by " + column + " " + direction.sql() + ", t.number", whereValues);
    if (s.key() == Sort.Key.NUMBER) {
      return List.of(valued);
    }
    return List.of(valued, new Phase("select t.number from trials t where " + where + " and "
        + column + " is null order by t.number", whereValues));
  }

  private static boolean runMaximizes(Connection c, long runId) throws SQLException {
    List<Integer> maximize = Rows.list(c, "select maximize from runs where id = ?",
        rs -> rs.getInt(1), List.of(runId));
    return maximize.isEmpty() || maximize.get(0) == 1;
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

  /**
   * One query, ordered but not yet limited, and its values by position.
   *
   * @param sql the query up to its {@code order by}
   */
  record Phase(String sql, List<Object> values) {

    Phase {
      values = List.copyOf(values);
    }

    /** The query returning at most {@code limit} rows; every row when null. */
    String sql(Integer limit) {
      return limit == null ? sql : sql + " limit ?";
    }

    /** The values of {@link #sql(Integer)}. */
    List<Object> values(Integer limit) {
      if (limit == null) {
        return values;
      }
      List<Object> limited = new ArrayList<>(values);
      limited.add(limit);
      return limited;
    }
  }
}
