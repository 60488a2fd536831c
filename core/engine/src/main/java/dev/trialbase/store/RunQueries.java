package dev.trialbase.store;

import dev.trialbase.api.ParamSet;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.AbstractMap.SimpleImmutableEntry;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Reads runs and trials back. Thread-safe: every call opens and closes its own connection.
 * Plain JDBC ({@link Database#read}), not JDBI, so that a query command's start-up does not
 * pay for JDBI's (see {@link Database}).
 */
public final class RunQueries {

  private static final String RUN_COLUMNS = """
      r.id, e.name as experiment, r.status, r.strategy, r.estimator, r.seed, r.objective,
      r.maximize, r.best_trial, r.started_at, r.ended_at, r.host, r.pid, r.heartbeat_at,
      (select count(*) from trials t where t.run_id = r.id) as trials,
      (select count(*) from trials t where t.run_id = r.id and t.status = 'complete') as complete,
      (select t.objective from trials t where t.run_id = r.id and t.number = r.best_trial) as best
      """;

  /** Trials read per query when a list of numbers is given (SQLite's bind limit is 32766). */
  private static final int MAX_SELECTED = 10_000;

  private final Database database;

  public RunQueries(Database database) {
    this.database = database;
  }

  /** Every run, oldest first. */
  public List<RunView> runs() {
    return runs(null, null);
  }

  /**
   * The runs of experiment {@code experiment} in status {@code status}, oldest first; a null
   * argument does not filter. The status filter sees abandoned runs as interrupted.
   */
  public List<RunView> runs(String experiment, String status) {
    String sql = "select " + RUN_COLUMNS + " from runs r join experiments e on e.id = r.experiment_id"
        + (experiment == null ? "" : " where e.name = ?") + " order by r.id";
    List<RunView> all = database.read(c -> Rows.list(c, sql, RunQueries::runView,
        experiment == null ? List.of() : List.of(experiment)));
    return all.stream().filter(r -> status == null || r.status().equals(status)).toList();
  }

  /**
   * The run's objective and direction, without counting its trials: what commands that only
   * need to know the run exists (and how it ranks) read, fast on runs of millions of trials.
   */
  public Optional<RunHeader> header(long runId) {
    return first(database.read(c -> Rows.list(c,
        "select id, objective, maximize from runs where id = ?",
        rs -> new RunHeader(rs.getLong("id"), rs.getString("objective"),
            rs.getInt("maximize") == 1), List.of(runId))));
  }

  /** A run's id, objective metric and whether it is maximised. */
  public record RunHeader(long id, String objective, boolean maximize) {
  }

  /**
   * What a run's task column means: a function run (no data, so no training digest) stores
   * {@code regression}, the column's closest value, but did not learn a target.
   */
  private static String task(String stored, String trainSha256) {
    return trainSha256 != null && trainSha256.isEmpty() ? RunDetail.FUNCTION : stored;
  }

  /** The run with id {@code runId}, with its provenance. */
  public Optional<RunDetail> run(long runId) {
    String sql = "select " + RUN_COLUMNS + """
        , r.folds, r.planned_trials, r.spec_json, r.spec_path, r.train_path,
        r.train_sha256, r.test_path, r.test_sha256, r.plugins_json, r.trialbase_version,
        r.jvm, r.os, r.host, r.pid, r.heartbeat_at, r.error,
        """ + (database.schemaVersion() >= 3
            ? "r.task, r.target, r.class_labels, r.positive_class "
            : "'classification' as task, null as target, null as class_labels, "
                + "null as positive_class ") + """
        from runs r join experiments e on e.id = r.experiment_id where r.id = ?
        """;
    return first(database.read(c -> Rows.list(c, sql, rs -> new RunDetail(runView(rs),
        rs.getInt("folds"), longOrNull(rs, "planned_trials"), rs.getString("spec_json"),
        rs.getString("spec_path"), rs.getString("train_path"), rs.getString("train_sha256"),
        rs.getString("test_path"), rs.getString("test_sha256"), rs.getString("plugins_json"),
        rs.getString("trialbase_version"), rs.getString("jvm"), rs.getString("os"),
        rs.getString("host"), longOrNull(rs, "pid"), rs.getString("heartbeat_at"),
        rs.getString("error"), task(rs.getString("task"), rs.getString("train_sha256")),
        rs.getString("target"), ClassLabels.fromJson(rs.getString("class_labels")),
        rs.getString("positive_class")), List.of(runId))));
  }

  /** Every trial of a run, by trial number. */
  public List<TrialView> trials(long runId) {
    return trials(runId, null);
  }

  /**
   * The trials of a run numbered {@code numbers}, in that order (every trial, by number, when
   * {@code numbers} is null). Reads only those trials' rows, so a page of a huge run is cheap.
   */
  public List<TrialView> trials(long runId, List<Long> numbers) {
    if (numbers != null && numbers.isEmpty()) {
      return List.of();
    }
    if (numbers != null && numbers.size() > MAX_SELECTED) {
      List<TrialView> out = new ArrayList<>();
      for (int i = 0; i < numbers.size(); i += MAX_SELECTED) {
        out.addAll(trials(runId, numbers.subList(i, Math.min(numbers.size(), i + MAX_SELECTED))));
      }
      return out;
    }
    List<TrialView> ordered = database.read(c -> selectTrials(c, runId, numbers));
    if (numbers == null) {
      return ordered;
    }
    Map<Long, TrialView> byNumber = new LinkedHashMap<>();
    ordered.forEach(t -> byNumber.put(t.number(), t));
    return numbers.stream().map(byNumber::get).filter(java.util.Objects::nonNull).toList();
  }

  private List<TrialView> selectTrials(Connection c, long runId, List<Long> numbers)
      throws SQLException {
    List<Object> values = runAnd(runId, numbers);
    Map<Long, Map<String, Object>> params = new TreeMap<>();
    for (ParamRow row : Rows.list(c, "select trial_number, name, type, value_text, value_num"
        + " from params where run_id = ?" + only("trial_number", numbers)
        + " order by trial_number, position",
        rs -> new ParamRow(rs.getLong("trial_number"), rs.getString("name"),
            new StoredValue(rs.getString("type"), rs.getString("value_text"),
                doubleOrNull(rs, "value_num"))), values)) {
      params.computeIfAbsent(row.trial(), k -> new LinkedHashMap<>())
          .put(row.name(), row.value().toValue());
    }
    Map<Long, Map<String, Double>> means = new TreeMap<>();
    Map<Long, Map<String, Double>> stds = new TreeMap<>();
    // In key order, which SQLite reads anyway and PostgreSQL must be told: the metrics'
    // order is the order of their columns in the output.
    for (MetricRow row : Rows.list(c, "select trial_number, metric, mean, std from trial_metrics"
        + " where run_id = ?" + only("trial_number", numbers) + " order by trial_number, metric",
        rs -> new MetricRow(rs.getLong("trial_number"), rs.getString("metric"),
            doubleOrNull(rs, "mean"), doubleOrNull(rs, "std")), values)) {
      means.computeIfAbsent(row.trial(), k -> new LinkedHashMap<>()).put(row.metric(), row.mean());
      stds.computeIfAbsent(row.trial(), k -> new LinkedHashMap<>()).put(row.metric(), row.std());
    }
    return Rows.list(c, "select number, status, objective, duration_ms, error_class, error_message"
        + " from trials where run_id = ?" + only("number", numbers) + " order by number",
        rs -> {
          long n = rs.getLong("number");
          return new TrialView(n, rs.getString("status"),
              ParamSet.of(params.getOrDefault(n, Map.of())),
              means.getOrDefault(n, Map.of()), stds.getOrDefault(n, Map.of()),
              doubleOrNull(rs, "objective"), doubleOrNull(rs, "duration_ms"),
              rs.getString("error_class"), rs.getString("error_message"));
        }, values);
  }

  /**
   * The numbers of run {@code runId}'s stored trials from {@code from} on, ascending, at most
   * {@code limit}: one page of a walk through a run too long to list at once.
   */
  public long[] trialNumbers(long runId, long from, int limit) {
    return database.read(c -> Rows.list(c,
            "select number from trials where run_id = ? and number >= ? order by number limit ?",
            rs -> rs.getLong(1), List.of(runId, from, limit)))
        .stream().mapToLong(Long::longValue).toArray();
  }

  /**
   * Fold scores of the trials numbered {@code numbers} (all trials when null):
   * {@code trial -> metric -> values by fold}.
   */
  public Map<Long, Map<String, List<Double>>> foldMetrics(long runId, List<Long> numbers) {
    if (numbers != null && numbers.isEmpty()) {
      return new TreeMap<>();
    }
    Map<Long, Map<String, List<Double>>> out = new TreeMap<>();
    database.read(c -> Rows.list(c, "select trial_number, metric, fold_scores from " + foldSource()
            + " where run_id = ?" + only("trial_number", numbers)
            + " and fold_scores is not null order by trial_number, metric",
        rs -> new FoldRow(rs.getLong("trial_number"), rs.getString("metric"),
            FoldScores.decode(rs.getString("fold_scores"))), runAnd(runId, numbers)))
        .forEach(r -> out.computeIfAbsent(r.trial(), k -> new LinkedHashMap<>())
            .put(r.metric(), new ArrayList<>(r.values())));
    return out;
  }

  /** Fold scores of one trial: {@code metric -> values by fold}. */
  public Map<String, List<Double>> foldMetrics(long runId, long trial) {
    Map<String, List<Double>> out = new LinkedHashMap<>();
    database.read(c -> Rows.list(c, "select metric, fold_scores from " + foldSource()
            + " where run_id = ? and trial_number = ? and fold_scores is not null order by metric",
        rs -> new FoldRow(trial, rs.getString("metric"),
            FoldScores.decode(rs.getString("fold_scores"))), List.of(runId, trial)))
        .forEach(r -> out.put(r.metric(), new ArrayList<>(r.values())));
    return out;
  }

  /**
   * Where packed fold scores are read from: {@code trial_metrics} since schema 4; before it (a
   * database opened read-only, which is never migrated) the same columns made from the
   * {@code fold_metrics} rows of the time.
   */
  String foldSource() {
    return database.schemaVersion() >= 4 ? "trial_metrics" : """
        (select run_id, trial_number, metric,
                json_group_array(value order by fold) as fold_scores
           from fold_metrics group by run_id, trial_number, metric)""";
  }

  /** How many trials of a run ended in each status, by status name. */
  public Map<String, Long> statusCounts(long runId) {
    Map<String, Long> out = new TreeMap<>();
    database.read(c -> Rows.list(c,
            "select status, count(*) as n from trials where run_id = ? group by status",
            rs -> Map.entry(rs.getString("status"), rs.getLong("n")), List.of(runId)))
        .forEach(e -> out.put(e.getKey(), e.getValue()));
    return out;
  }

  /** The test-set scores of a run's refit best model, by metric. */
  public Map<String, Double> testMetrics(long runId) {
    Map<String, Double> out = new LinkedHashMap<>();
    database.read(c -> Rows.list(c,
            "select metric, value from test_metrics where run_id = ? order by metric",
            rs -> new SimpleImmutableEntry<>(rs.getString("metric"), doubleOrNull(rs, "value")),
            List.of(runId)))
        .forEach(e -> out.put(e.getKey(), e.getValue()));
    return out;
  }

  private static RunView runView(ResultSet rs) throws SQLException {
    return new RunView(rs.getLong("id"), rs.getString("experiment"), effectiveStatus(rs),
        rs.getString("strategy"), rs.getString("estimator"), rs.getLong("seed"),
        rs.getString("objective"), rs.getInt("maximize") == 1, rs.getInt("trials"),
        rs.getInt("complete"), rs.getInt("trials") - rs.getInt("complete"),
        doubleOrNull(rs, "best"), longOrNull(rs, "best_trial"),
        rs.getString("started_at"), rs.getString("ended_at"));
  }

  /**
   * The stored status, except that a "running" run whose process is gone reads as
   * "interrupted" (a read-only opener cannot write that down; the next writer will).
   */
  private static String effectiveStatus(ResultSet rs) throws SQLException {
    String status = rs.getString("status");
    if (RunStatus.RUNNING.id().equals(status) && Liveness.abandoned(rs.getString("host"),
        longOrNull(rs, "pid"), rs.getString("heartbeat_at"))) {
      return RunStatus.INTERRUPTED.id();
    }
    return status;
  }

  /** A nullable REAL column; sqlite-jdbc's getObject(col, Double.class) rejects NULL. */
  static Double doubleOrNull(ResultSet rs, String column) throws SQLException {
    double v = rs.getDouble(column);
    return rs.wasNull() ? null : v;
  }

  private static Long longOrNull(ResultSet rs, String column) throws SQLException {
    long v = rs.getLong(column);
    return rs.wasNull() ? null : v;
  }

  private static <T> Optional<T> first(List<T> rows) {
    return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
  }

  /** {@code " and column in (?, ...)"} for {@code numbers}; nothing when they are null. */
  private static String only(String column, List<Long> numbers) {
    return numbers == null ? ""
        : " and " + column + " in (" + Rows.placeholders(numbers.size()) + ")";
  }

  /** The run id, then the numbers (if any): the values of a query made with {@link #only}. */
  private static List<Object> runAnd(long runId, List<Long> numbers) {
    List<Object> values = new ArrayList<>();
    values.add(runId);
    if (numbers != null) {
      values.addAll(numbers);
    }
    return values;
  }

  private record FoldRow(long trial, String metric, List<Double> values) {
  }

  private record ParamRow(long trial, String name, StoredValue value) {
  }

  private record MetricRow(long trial, String metric, Double mean, Double std) {
  }
}
