package dev.trialbase.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Writes runs and trials. Each trial is one transaction: the trial row, its parameters, its
 * fold scores and their means commit together or not at all, so a killed process leaves
 * whole trials only. Not thread-safe: the engine writes from a single thread. Plain JDBC on
 * one connection, so that a run does not pay JDBI's start-up (see {@link Database}).
 */
public final class RunRecorder implements AutoCloseable {

  /** How often storing trials also refreshes the run's heartbeat. */
  private static final long HEARTBEAT_EVERY_NANOS = 1_000_000_000L;

  private final Database database;
  private final Dialect dialect;
  private final Connection connection;
  /** Set once SQLite reported the file damaged: nothing more is written to it. */
  private StoreException damaged;
  private Statements statements;
  private long lastHeartbeat;
  private long heartbeatRun = -1;
  private long commits;
  private long storingNanos;

  /**
   * A recorder on its own connection. That connection does not check foreign keys: the
   * recorder writes each parent row (run, trial) before its children in the same transaction,
   * and a check per child row (11 per six-metric trial) cost SQLite a quarter of its time per
   * trial (docs/benchmarks.md). Every other connection checks them; the tests check the
   * recorder leaves none broken ({@code pragma foreign_key_check}).
   *
   * <p>Its statement journals stay in memory ({@code pragma temp_store = memory}). A multi-row
   * insert keeps a copy of every page it changes that existed before it began, so that a
   * failing row undoes the statement alone; from 64 KiB on, SQLite writes that copy to a
   * temporary file, which for the recorder's inserts of 64 rows meant about 400 extra writes
   * to the file system per group commit (a few dozen pages per statement). Nothing else on
   * this connection uses temporary storage.
   *
   * <p>Nor does it ask sqlite-jdbc for generated keys: by default sqlite-jdbc prepares and runs
   * {@code SELECT last_insert_rowid()} after every insert, in case they are asked for; the one
   * id the recorder needs, the new run's, it reads itself.
   *
   * <p>These settings are SQLite's ({@link Dialect#prepareWriter}); on PostgreSQL the
   * connection is used as it comes.
   */
  public RunRecorder(Database database) {
    this.database = database;
    this.dialect = database.dialect();
    try {
      this.connection = database.connect();
    } catch (SQLException e) {
      throw database.failure(e);
    }
    try {
      dialect.prepareWriter(connection);
    } catch (SQLException | RuntimeException e) {
      closeConnection();
      throw new StoreException("cannot configure the connection to " + database.location()
          + ": " + e.getMessage(), e);
    }
  }

  /** Stores a new run in state {@code running} and returns its id. */
  public long beginRun(NewRun run) {
    return inTransaction(c -> {
      Rows.update(c, "insert into experiments (name, created_at) values (?, ?) "
          + "on conflict (name) do nothing", run.experiment(), run.startedAt().toString());
      String started = run.startedAt().toString();
      Rows.update(c, """
              insert into runs (experiment_id, status, strategy, estimator, seed, folds, objective,
                maximize, planned_trials, spec_json, spec_path, train_path, train_sha256,
                test_path, test_sha256, plugins_json, trialbase_version, jvm, os, host, pid,
                started_at, heartbeat_at, task, target, class_labels, positive_class)
              values ((select id from experiments where name = ?), 'running',
                ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
              """, run.experiment(), run.strategy(), run.estimator(), run.seed(), run.folds(),
          run.objective(), run.maximize() ? 1 : 0, // an integer column on both databases
          run.plannedTrials(), run.specJson(), run.specPath(), run.trainPath(),
          run.trainSha256(), run.testPath(), run.testSha256(), run.pluginsJson(),
          run.trialbaseVersion(), run.jvm(), run.os(), run.host(), run.pid(), started, started,
          run.task(), run.target(), run.classLabelsJson(), run.positiveClass());
      return Rows.list(c, dialect.lastInsertId(), rs -> rs.getLong(1),
          List.of()).get(0);
    });
  }

  /** Stores one finished trial atomically. */
  public void recordTrial(long runId, TrialRecord trial) {
    recordTrials(runId, List.of(trial));
  }

  /**
   * Stores finished trials in one transaction (group commit): each trial's rows are all in or
   * all out, and when trials finish faster than one commit takes, they share its cost.
   */
  public void recordTrials(long runId, List<TrialRecord> trials) {
    List<StoredTrial> stored = new ArrayList<>(trials.size());
    for (TrialRecord trial : trials) {
      stored.add(StoredTrial.of(trial));
    }
    recordStored(runId, stored);
  }

  /**
   * As {@link #recordTrials}, for trials already in their stored form (made on the threads
   * that evaluated them, so this thread only binds and executes).
   *
   * <p>This is the hot path of a run with fast trials: statements are prepared once per
   * recorder and reused. Each table's rows of all the trials go in multi-row inserts
   * ({@link MultiRowInsert}: {@code insert ... values (...), (...), ...} of
   * {@value MultiRowInsert#ROWS_MAX}, {@value MultiRowInsert#ROWS_MID},
   * {@value MultiRowInsert#ROWS_FEW} or 1 rows), the run bound once per statement, so a
   * group of 100 six-metric trials is about 25 SQLite executions instead of 300. The trial
   * rows are written first, which the other tables' foreign keys point at. The run's
   * heartbeat is refreshed with the trials, at most once a second.
   */
  public void recordStored(long runId, List<StoredTrial> trials) {
    if (trials.isEmpty()) {
      return;
    }
    long start = System.nanoTime();
    inTransaction(c -> {
      writeTrials(c, runId, trials);
      return null;
    });
    storingNanos += System.nanoTime() - start;
    commits++;
  }

  /** How many transactions have stored trials so far (each a group commit). */
  public long commits() {
    return commits;
  }

  /** The time those transactions took, in nanoseconds: what storing trials has cost. */
  public long storingNanos() {
    return storingNanos;
  }

  private void writeTrials(Connection c, long runId, List<StoredTrial> trials)
      throws SQLException {
    Statements s = statements(c, dialect.numberedParameters());
    int paramRows = 0;
    int metricRows = 0;
    MultiRowInsert.Writer rows = new MultiRowInsert.Writer(c, s.trials, runId, trials.size());
    for (StoredTrial t : trials) {
      PreparedStatement row = rows.next();
      int i = rows.column();
      row.setLong(i, t.record.number());
      row.setString(i + 1, t.status);
      setReal(row, i + 2, t.objective);
      row.setString(i + 3, t.startedAt);
      row.setString(i + 4, t.endedAt);
      row.setDouble(i + 5, t.durationMs);
      row.setString(i + 6, t.record.errorClass());
      row.setString(i + 7, t.record.errorMessage());
      paramRows += t.paramNames.length;
      metricRows += t.metrics.length;
    }
    rows.finish();
    rows = new MultiRowInsert.Writer(c, s.params, runId, paramRows);
    for (StoredTrial t : trials) {
      for (int p = 0; p < t.paramNames.length; p++) {
        StoredValue value = t.paramValues[p];
        PreparedStatement row = rows.next();
        int i = rows.column();
        row.setLong(i, t.record.number());
        row.setString(i + 1, t.paramNames[p]);
        row.setInt(i + 2, p);
        row.setString(i + 3, value.type());
        row.setString(i + 4, value.text());
        if (value.number() == null) {
          row.setNull(i + 5, Types.REAL);
        } else {
          row.setDouble(i + 5, value.number());
        }
      }
    }
    rows.finish();
    rows = new MultiRowInsert.Writer(c, s.metrics, runId, metricRows);
    for (StoredTrial t : trials) {
      for (int m = 0; m < t.metrics.length; m++) {
        PreparedStatement row = rows.next();
        int i = rows.column();
        row.setLong(i, t.record.number());
        row.setString(i + 1, t.metrics[m]);
        setReal(row, i + 2, t.means[m]);
        setReal(row, i + 3, t.stds[m]);
        row.setString(i + 4, t.foldScores[m]);
      }
    }
    rows.finish();
    long now = System.nanoTime();
    if (heartbeatRun != runId || now - lastHeartbeat >= HEARTBEAT_EVERY_NANOS) {
      s.heartbeat.setString(1, Instant.now().toString());
      s.heartbeat.setLong(2, runId);
      s.heartbeat.executeUpdate();
      lastHeartbeat = now;
      heartbeatRun = runId;
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
  private Statements statements(Connection c, boolean numbered) throws SQLException {
    if (statements == null) {
      statements = new Statements(c, numbered);
    }
    return statements;
  }

  /** The statements that store trials, prepared once per recorder. */
  private static final class Statements implements AutoCloseable {
    final MultiRowInsert trials;
    final MultiRowInsert params;
    final MultiRowInsert metrics;
    final PreparedStatement heartbeat;

    Statements(Connection c, boolean numbered) throws SQLException {
      trials = new MultiRowInsert("insert into trials (run_id, number, status, objective, "
          + "started_at, ended_at, duration_ms, error_class, error_message)", 8, numbered);
      params = new MultiRowInsert("insert into params "
          + "(run_id, trial_number, name, position, type, value_text, value_num)", 6, numbered);
      metrics = new MultiRowInsert("insert into trial_metrics "
          + "(run_id, trial_number, metric, mean, std, fold_scores)", 5, numbered);
      heartbeat = c.prepareStatement("update runs set heartbeat_at = ? where id = ?");
    }

    @Override
    public void close() throws SQLException {
      List<PreparedStatement> all = new ArrayList<>(List.of(heartbeat));
      for (MultiRowInsert insert : List.of(trials, params, metrics)) {
        for (PreparedStatement s : insert.byCount) {
          if (s != null) {
            all.add(s);
          }
        }
      }
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
    RunOwnedException owned = inTransaction(c -> {
      int claimed = Rows.update(c, """
              update runs set status = 'running', pid = ?, host = ?, heartbeat_at = ?,
                ended_at = null, error = null, best_trial = null
              where id = ? and status <> 'running'
              """, pid, host, Instant.now().toString(), runId);
      if (claimed == 0) {
        List<RunOwnedException> owner = Rows.list(c,
            "select host, pid, heartbeat_at from runs where id = ?",
            rs -> new RunOwnedException(RunOwnedException.describe(runId, rs.getString("host"),
                rs.getObject("pid") == null ? null : rs.getLong("pid"),
                rs.getString("heartbeat_at"))), List.of(runId));
        return owner.isEmpty()
            ? new RunOwnedException("run " + runId + " is not in the database") : owner.get(0);
      }
      Rows.update(c, "delete from test_metrics where run_id = ?", runId);
      return null;
    });
    if (owned != null) {
      throw owned;
    }
  }

  /** Shows that the run's process is alive though no trial finished lately. */
  public void heartbeat(long runId) {
    guarded(c -> Rows.update(c, "update runs set heartbeat_at = ? where id = ?",
        Instant.now().toString(), runId));
  }

  /** Ends a run: its status, best trial, test-set scores and, for a failed run, why. */
  public void finishRun(long runId, RunStatus status, Long bestTrial,
      Map<String, Double> testMetrics, String error) {
    inTransaction(c -> {
      String now = Instant.now().toString();
      Rows.update(c, """
              update runs set status = ?, best_trial = ?, error = ?, ended_at = ?, heartbeat_at = ?
              where id = ?
              """, status.id(), bestTrial, error, now, now, runId);
      if (!testMetrics.isEmpty()) {
        try (PreparedStatement batch = c.prepareStatement(dialect.replaceTestMetric())) {
          for (Map.Entry<String, Double> metric : testMetrics.entrySet()) {
            batch.setLong(1, runId);
            batch.setString(2, metric.getKey());
            setReal(batch, 3, metric.getValue() == null ? Double.NaN : metric.getValue());
            batch.addBatch();
          }
          batch.executeBatch();
        }
      }
      return null;
    });
  }

  /** A write on the recorder's connection. */
  @FunctionalInterface
  private interface Write<T> {
    T apply(Connection c) throws SQLException;
  }

  /**
   * Runs {@code write} in one transaction on the recorder's connection: committed when it
   * returns, rolled back when it throws, and its failure reported as {@link #guarded} does.
   */
  private <T> T inTransaction(Write<T> write) {
    return guarded(c -> {
      try {
        // Inside the try: a BEGIN that SQLite refuses (busy) still ends in the finally below.
        c.setAutoCommit(false);
        T result = write.apply(c);
        c.commit();
        return result;
      } catch (SQLException | RuntimeException e) {
        rollbackAfter(e);
        throw e;
      } finally {
        restoreAutoCommit();
      }
    });
  }

  /**
   * Back to one transaction per statement after {@link #inTransaction}. A connection that
   * cannot even do that (closed under it) fails the next write, which reports it.
   */
  private void restoreAutoCommit() {
    try {
      connection.setAutoCommit(true);
    } catch (SQLException e) {
      // see above
    }
  }

  /** Rolls back after {@code failure}; a rollback that fails too is noted on the failure. */
  private void rollbackAfter(Exception failure) {
    try {
      connection.rollback();
    } catch (SQLException e) {
      failure.addSuppressed(e);
    }
  }

  /**
   * Runs one write, giving its failure as one line that names the store and says what the
   * database found (the disk is full, another program holds the lock, ...). After SQLite
   * reported the file damaged, writes nothing more.
   */
  private <T> T guarded(Write<T> write) {
    if (damaged != null) {
      throw damaged;
    }
    try {
      try {
        return write.apply(connection);
      } catch (SQLException e) {
        throw database.failure(e);
      }
    } catch (RuntimeException e) {
      RuntimeException named = database.named(e);
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
      // Closing the connection below closes every statement with it.
    } finally {
      closeConnection();
    }
  }

  /**
   * Closes the connection. One whose transaction could not begin (SQLITE_BUSY) or end must not
   * hide the error the run is reporting; SQLite rolls back whatever is left open.
   */
  private void closeConnection() {
    try {
      connection.close();
    } catch (SQLException e) {
      // Nothing more to write through it; the error that ended the run has been reported.
    }
  }
}
