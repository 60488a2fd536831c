package dev.trialbase.store;

import dev.trialbase.eval.Summary;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * Writes runs and trials. Each trial is one transaction: the trial row, its parameters, its
 * fold scores and their means commit together or not at all, so a killed process leaves
 * whole trials only. Not thread-safe: the engine writes from a single thread.
 */
public final class RunRecorder implements AutoCloseable {

  /** How often storing trials also refreshes the run's heartbeat. */
  private static final long HEARTBEAT_EVERY_NANOS = 1_000_000_000L;

  private final java.nio.file.Path file;
  private final Handle handle;
  /** Set once SQLite reported the file damaged: nothing more is written to it. */
  private StoreException damaged;
  private Statements statements;
  private long lastHeartbeat;
  private long heartbeatRun = -1;

  /**
   * A recorder on its own connection. That connection does not check foreign keys: the
   * recorder writes each parent row (run, trial) before its children in the same transaction,
   * and a check per child row (11 per six-metric trial) cost SQLite a quarter of its time per
   * trial (docs/benchmarks.md). Every other connection checks them; the tests check the
   * recorder leaves none broken ({@code pragma foreign_key_check}).
   */
  public RunRecorder(Database database) {
    this.file = database.file();
    this.handle = database.jdbi().open();
    this.handle.execute("pragma foreign_keys = off");
  }

  /** Stores a new run in state {@code running} and returns its id. */
  public long beginRun(NewRun run) {
    return guarded(() -> handle.inTransaction(h -> {
      h.createUpdate("insert into experiments (name, created_at) values (:name, :at) "
              + "on conflict (name) do nothing")
          .bind("name", run.experiment())
          .bind("at", run.startedAt().toString())
          .execute();
      return h.createUpdate("""
              insert into runs (experiment_id, status, strategy, estimator, seed, folds, objective,
                maximize, planned_trials, spec_json, spec_path, train_path, train_sha256,
                test_path, test_sha256, plugins_json, trialbase_version, jvm, os, host, pid,
                started_at, heartbeat_at, task, target, class_labels, positive_class)
              values ((select id from experiments where name = :experiment), 'running',
                :strategy, :estimator, :seed, :folds, :objective, :maximize, :plannedTrials,
                :specJson, :specPath, :trainPath, :trainSha256, :testPath, :testSha256,
                :pluginsJson, :trialbaseVersion, :jvm, :os, :host, :pid, :startedAt, :startedAt,
                :task, :target, :classLabelsJson, :positiveClass)
              """)
          .bindMethods(run)
          .bind("startedAt", run.startedAt().toString())
          .executeAndReturnGeneratedKeys("id")
          .mapTo(Long.class)
          .one();
    }));
  }

  /** Stores one finished trial atomically. */
  public void recordTrial(long runId, TrialRecord trial) {
    recordTrials(runId, List.of(trial));
  }

  /**
   * Stores finished trials in one transaction (group commit): each trial's rows are all in or
   * all out, and when trials finish faster than one commit takes, they share its cost. Each
   * table gets one batched statement per call, whatever the number of trials.
   *
   * <p>This is the hot path of a run with fast trials, so it talks JDBC directly: statements
   * are prepared once per recorder and reused; a trial's parameters, and its metrics (mean,
   * standard deviation and packed fold scores, one row per metric), go in one multi-row insert
   * per table (one SQLite execution instead of one per row). The run's heartbeat is refreshed
   * with the trials, at most once a second.
   */
  public void recordTrials(long runId, List<TrialRecord> trials) {
    if (trials.isEmpty()) {
      return;
    }
    guarded(() -> {
      handle.useTransaction(h -> {
        try {
          writeTrials(h.getConnection(), runId, trials);
        } catch (SQLException e) {
          throw new StoreException("cannot store trials of run " + runId + ": " + e.getMessage(),
              e);
        }
      });
      return null;
    });
  }

  private void writeTrials(Connection c, long runId, List<TrialRecord> trials)
      throws SQLException {
    Statements s = statements(c);
    try {
      for (TrialRecord trial : trials) {
        PreparedStatement row = s.trial;
        row.setLong(1, runId);
        row.setLong(2, trial.number());
        row.setString(3, trial.status().id());
        setReal(row, 4, trial.objective());
        row.setString(5, trial.startedAt().toString());
        row.setString(6, trial.endedAt().toString());
        row.setDouble(7, trial.durationMs());
        row.setString(8, trial.errorClass());
        row.setString(9, trial.errorMessage());
        row.addBatch();
        s.used(s.trial);
        addParams(s, runId, trial);
        addMetrics(s, runId, trial);
      }
      // In the order used: trial rows first, which the other tables' foreign keys point at.
      for (PreparedStatement statement : s.used) {
        statement.executeBatch();
      }
    } finally {
      s.clear();
    }
    long now = System.nanoTime();
    if (heartbeatRun != runId || now - lastHeartbeat >= HEARTBEAT_EVERY_NANOS) {
      s.heartbeat.setString(1, Instant.now().toString());
      s.heartbeat.setLong(2, runId);
      s.heartbeat.executeUpdate();
      lastHeartbeat = now;
      heartbeatRun = runId;
    }
  }

  private static void addParams(Statements s, long runId, TrialRecord trial)
      throws SQLException {
    Map<String, Object> params = trial.params().asMap();
    Rows rows = new Rows(s, s.params, params.size());
    int position = 0;
    for (Map.Entry<String, Object> e : params.entrySet()) {
      StoredValue value = StoredValue.of(e.getValue());
      PreparedStatement batch = rows.next();
      int i = rows.firstColumn();
      batch.setLong(i, runId);
      batch.setLong(i + 1, trial.number());
      batch.setString(i + 2, e.getKey());
      batch.setInt(i + 3, position++);
      batch.setString(i + 4, value.type());
      batch.setString(i + 5, value.text());
      if (value.number() == null) {
        batch.setNull(i + 6, Types.REAL);
      } else {
        batch.setDouble(i + 6, value.number());
      }
    }
    rows.finish();
  }

  /**
   * One row per metric with its mean, standard deviation and packed fold scores
   * ({@link FoldScores}), all the trial's metrics in one multi-row insert whose run and trial
   * are bound once ({@code (?1, ?2, ?3, ...), (?1, ?2, ?7, ...)}). A metric without scores (a
   * trial that failed before scoring) gets no row. Folds may differ in number between
   * metrics and trials (a pruned trial stops early).
   */
  private static void addMetrics(Statements s, long runId, TrialRecord trial)
      throws SQLException {
    double[][] foldValues = trial.foldValues();
    int metrics = 0;
    for (double[] values : foldValues) {
      if (values.length > 0) {
        metrics++;
      }
    }
    if (metrics == 0) {
      return;
    }
    PreparedStatement insert = s.metrics.forMetrics(s.connection, metrics);
    s.used(insert);
    insert.setLong(1, runId);
    insert.setLong(2, trial.number());
    int column = 3;
    for (int row = 0; row < foldValues.length; row++) {
      double[] values = foldValues[row];
      if (values.length == 0) {
        continue;
      }
      Summary summary = Summary.of(values);
      insert.setString(column, trial.metrics().get(row));
      setReal(insert, column + 1, summary.mean());
      setReal(insert, column + 2, summary.std());
      insert.setString(column + 3, FoldScores.encode(values));
      column += 4;
    }
    insert.addBatch();
  }

  /**
   * Multi-row inserts of a trial's metric rows, the run and trial bound once as {@code ?1} and
   * {@code ?2}; prepared once per number of metrics and reused.
   */
  private static final class MetricInserts {
    final Map<Integer, PreparedStatement> byMetrics = new HashMap<>();

    PreparedStatement forMetrics(Connection c, int metrics) throws SQLException {
      PreparedStatement s = byMetrics.get(metrics);
      if (s == null) {
        StringBuilder sql = new StringBuilder("insert into trial_metrics "
            + "(run_id, trial_number, metric, mean, std, fold_scores) values ");
        for (int m = 0; m < metrics; m++) {
          int first = 3 + 4 * m;
          sql.append(m == 0 ? "" : ", ").append("(?1, ?2, ?").append(first)
              .append(", ?").append(first + 1).append(", ?").append(first + 2)
              .append(", ?").append(first + 3).append(')');
        }
        s = c.prepareStatement(sql.toString());
        byMetrics.put(metrics, s);
      }
      return s;
    }
  }

  /** A REAL column: the value, or NULL where it is not finite (as {@link #finiteOrNull}). */
  private static void setReal(PreparedStatement s, int index, double value) throws SQLException {
    if (Double.isFinite(value)) {
      s.setDouble(index, value);
    } else {
      s.setNull(index, Types.REAL);
    }
  }

  /** The trial statements on {@code c}, prepared on first use. */
  private Statements statements(Connection c) throws SQLException {
    if (statements == null) {
      statements = new Statements(c);
    }
    return statements;
  }

  /**
   * One table's insert with room for many rows ({@code insert ... values (...), (...), ...}):
   * a trial's rows of a table go in one execution, which costs SQLite much less than one
   * execution per row. Statements are prepared once per row count and reused.
   */
  private static final class MultiRowInsert {
    /** Rows per statement at most; far below SQLite's limit on bound values. */
    static final int MAX_ROWS = 128;

    final String head;
    final String row;
    final int columns;
    final Map<Integer, PreparedStatement> byRows = new HashMap<>();

    MultiRowInsert(String head, int columns) {
      this.head = head;
      this.columns = columns;
      this.row = "(" + "?, ".repeat(columns - 1) + "?)";
    }

    PreparedStatement forRows(Connection c, int rows) throws SQLException {
      PreparedStatement s = byRows.get(rows);
      if (s == null) {
        s = c.prepareStatement(head + " values " + String.join(", ",
            java.util.Collections.nCopies(rows, row)));
        byRows.put(rows, s);
      }
      return s;
    }
  }

  /**
   * Fills {@code count} rows of one table into multi-row statements (each at most
   * {@link MultiRowInsert#MAX_ROWS} rows), adding each full statement to its batch.
   */
  private static final class Rows {
    private final Statements s;
    private final MultiRowInsert insert;
    private int left;
    private int inStatement;
    private int filled;
    private PreparedStatement current;

    Rows(Statements s, MultiRowInsert insert, int count) {
      this.s = s;
      this.insert = insert;
      this.left = count;
    }

    /** The statement to bind the next row into, from column {@link #firstColumn()}. */
    PreparedStatement next() throws SQLException {
      if (current == null || filled == inStatement) {
        if (current != null) {
          current.addBatch();
        }
        inStatement = Math.min(left, MultiRowInsert.MAX_ROWS);
        current = insert.forRows(s.connection, inStatement);
        s.used(current);
        filled = 0;
      }
      left--;
      filled++;
      return current;
    }

    int firstColumn() {
      return (filled - 1) * insert.columns + 1;
    }

    void finish() throws SQLException {
      if (current != null) {
        current.addBatch();
      }
    }
  }

  /** The statements that store trials, prepared once per recorder. */
  private static final class Statements implements AutoCloseable {
    final Connection connection;
    final PreparedStatement trial;
    final MultiRowInsert params = new MultiRowInsert(
        "insert into params (run_id, trial_number, name, position, type, value_text, value_num)",
        7);
    final MetricInserts metrics = new MetricInserts();
    final PreparedStatement heartbeat;
    /** The statements with batched rows in this transaction, in first-use order. */
    final Set<PreparedStatement> used = new LinkedHashSet<>();

    Statements(Connection c) throws SQLException {
      connection = c;
      trial = c.prepareStatement("""
          insert into trials (run_id, number, status, objective, started_at, ended_at,
            duration_ms, error_class, error_message)
          values (?, ?, ?, ?, ?, ?, ?, ?, ?)
          """);
      heartbeat = c.prepareStatement("update runs set heartbeat_at = ? where id = ?");
    }

    void used(PreparedStatement statement) {
      used.add(statement);
    }

    /** Drops what a failed transaction left batched. */
    void clear() throws SQLException {
      for (PreparedStatement statement : used) {
        statement.clearBatch();
      }
      used.clear();
    }

    @Override
    public void close() throws SQLException {
      List<PreparedStatement> all = new ArrayList<>(List.of(trial, heartbeat));
      all.addAll(params.byRows.values());
      all.addAll(metrics.byMetrics.values());
      for (PreparedStatement s : all) {
        s.close();
      }
    }
  }

  /**
   * Takes a stopped run over for this process, for resume: marks it running with this pid and
   * host. The check and the change are one statement, so of two processes resuming the same
   * run at once exactly one gets it.
   *
   * @throws RunOwnedException when another process runs it (it is left as it was)
   */
  public void reopenRun(long runId, long pid, String host) {
    RunOwnedException owned = guarded(() -> handle.inTransaction(h -> {
      int claimed = h.createUpdate("""
              update runs set status = 'running', pid = :pid, host = :host, heartbeat_at = :now,
                ended_at = null, error = null, best_trial = null
              where id = :run and status <> 'running'
              """)
          .bind("pid", pid)
          .bind("host", host)
          .bind("now", Instant.now().toString())
          .bind("run", runId)
          .execute();
      if (claimed == 0) {
        return h.createQuery("select host, pid, heartbeat_at from runs where id = :run")
            .bind("run", runId)
            .map((rs, ctx) -> new RunOwnedException(RunOwnedException.describe(runId,
                rs.getString("host"), rs.getObject("pid") == null ? null : rs.getLong("pid"),
                rs.getString("heartbeat_at"))))
            .findOne()
            .orElseGet(() -> new RunOwnedException("run " + runId + " is not in the database"));
      }
      h.createUpdate("delete from test_metrics where run_id = :run").bind("run", runId)
          .execute();
      return null;
    }));
    if (owned != null) {
      throw owned;
    }
  }

  /** Shows that the run's process is alive though no trial finished lately. */
  public void heartbeat(long runId) {
    guarded(() -> handle.createUpdate("update runs set heartbeat_at = :now where id = :run")
        .bind("now", Instant.now().toString())
        .bind("run", runId)
        .execute());
  }

  /** Ends a run: its status, best trial, test-set scores and, for a failed run, why. */
  public void finishRun(long runId, RunStatus status, Long bestTrial,
      Map<String, Double> testMetrics, String error) {
    guarded(() -> handle.inTransaction(h -> {
      h.createUpdate("""
              update runs set status = :status, best_trial = :best, error = :error,
                ended_at = :now, heartbeat_at = :now
              where id = :run
              """)
          .bind("status", status.id())
          .bind("best", bestTrial)
          .bind("error", error)
          .bind("now", Instant.now().toString())
          .bind("run", runId)
          .execute();
      PreparedBatch batch = h.prepareBatch(
          "insert or replace into test_metrics (run_id, metric, value) values (:run, :metric, :value)");
      testMetrics.forEach((metric, value) ->
          batch.bind("run", runId).bind("metric", metric).bind("value", finiteOrNull(value)).add());
      if (batch.size() > 0) {
        batch.execute();
      }
      return null;
    }));
  }

  /**
   * Runs one write, giving its failure as one line that names the file and says what SQLite
   * found (the disk is full, another program holds the lock, ...), not JDBI's "Failed to
   * commit transaction". After SQLite reported the file damaged, writes nothing more.
   */
  private <T> T guarded(java.util.function.Supplier<T> write) {
    if (damaged != null) {
      throw damaged;
    }
    try {
      return write.get();
    } catch (RuntimeException e) {
      RuntimeException named = SqliteErrors.named(file, e);
      SQLException sql = SqliteErrors.sqlCause(e);
      if (sql != null && SqliteErrors.corrupt(sql) && named instanceof StoreException store) {
        refuseFurtherWrites(store);
      }
      throw named;
    }
  }

  /** From now on every write fails with {@code reason}: the file is known to be damaged. */
  void refuseFurtherWrites(StoreException reason) {
    damaged = reason;
  }

  static Double finiteOrNull(double value) {
    return Double.isFinite(value) ? value : null;
  }

  @Override
  public void close() {
    try {
      if (statements != null) {
        statements.close();
      }
    } catch (SQLException e) {
      // Closing the handle below closes the connection and with it every statement.
    } finally {
      closeHandle();
    }
  }

  /**
   * Closes the connection. After SQLite refused to begin a transaction (SQLITE_BUSY), JDBI
   * still believes one is open and fails to clear it on close, though the connection closes;
   * that must not hide the error the run is reporting, and no transaction is left open.
   */
  private void closeHandle() {
    try {
      handle.close();
    } catch (org.jdbi.v3.core.CloseException e) {
      if (SqliteErrors.sqlCause(e) == null) {
        throw e;
      }
    }
  }
}
