package dev.trialbase.store;

import dev.trialbase.eval.Summary;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * Writes runs and trials. Each trial is one transaction: the trial row, its parameters, its
 * fold scores and their means commit together or not at all, so a killed process leaves
 * whole trials only. Not thread-safe: the engine writes from a single thread.
 */
public final class RunRecorder implements AutoCloseable {

  private final Handle handle;

  public RunRecorder(Database database) {
    this.handle = database.jdbi().open();
  }

  /** Stores a new run in state {@code running} and returns its id. */
  public long beginRun(NewRun run) {
    return handle.inTransaction(h -> {
      h.createUpdate("insert into experiments (name, created_at) values (:name, :at) "
              + "on conflict (name) do nothing")
          .bind("name", run.experiment())
          .bind("at", run.startedAt().toString())
          .execute();
      return h.createUpdate("""
              insert into runs (experiment_id, status, strategy, estimator, seed, folds, objective,
                maximize, planned_trials, spec_json, spec_path, train_path, train_sha256,
                test_path, test_sha256, plugins_json, trialbase_version, jvm, os, host, pid,
                started_at, heartbeat_at)
              values ((select id from experiments where name = :experiment), 'running',
                :strategy, :estimator, :seed, :folds, :objective, :maximize, :plannedTrials,
                :specJson, :specPath, :trainPath, :trainSha256, :testPath, :testSha256,
                :pluginsJson, :trialbaseVersion, :jvm, :os, :host, :pid, :startedAt, :startedAt)
              """)
          .bindMethods(run)
          .bind("startedAt", run.startedAt().toString())
          .executeAndReturnGeneratedKeys("id")
          .mapTo(Long.class)
          .one();
    });
  }

  /** Stores one finished trial atomically. */
  public void recordTrial(long runId, TrialRecord trial) {
    recordTrials(runId, List.of(trial));
  }

  /**
   * Stores finished trials in one transaction (group commit): each trial's rows are all in or
   * all out, and when trials finish faster than one commit takes, they share its cost. Each
   * table gets one batched statement per call, whatever the number of trials.
   */
  public void recordTrials(long runId, List<TrialRecord> trials) {
    if (trials.isEmpty()) {
      return;
    }
    handle.useTransaction(h -> {
      PreparedBatch rows = h.prepareBatch("""
          insert into trials (run_id, number, status, objective, started_at, ended_at,
            duration_ms, error_class, error_message)
          values (:run, :number, :status, :objective, :startedAt, :endedAt, :durationMs,
            :errorClass, :errorMessage)
          """);
      PreparedBatch params = h.prepareBatch("""
          insert into params (run_id, trial_number, name, position, type, value_text, value_num)
          values (:run, :trial, :name, :position, :type, :text, :num)
          """);
      PreparedBatch folds = h.prepareBatch("""
          insert into fold_metrics (run_id, trial_number, metric, fold, value)
          values (:run, :trial, :metric, :fold, :value)
          """);
      PreparedBatch means = h.prepareBatch("""
          insert into trial_metrics (run_id, trial_number, metric, mean, std)
          values (:run, :trial, :metric, :mean, :std)
          """);
      for (TrialRecord trial : trials) {
        rows.bind("run", runId)
            .bind("number", trial.number())
            .bind("status", trial.status().id())
            .bind("objective", finiteOrNull(trial.objective()))
            .bind("startedAt", trial.startedAt().toString())
            .bind("endedAt", trial.endedAt().toString())
            .bind("durationMs", trial.durationMs())
            .bind("errorClass", trial.errorClass())
            .bind("errorMessage", trial.errorMessage())
            .add();
        addParams(params, runId, trial);
        addMetrics(folds, means, runId, trial);
      }
      for (PreparedBatch batch : List.of(rows, params, folds, means)) {
        if (batch.size() > 0) {
          batch.execute();
        }
      }
      h.createUpdate("update runs set heartbeat_at = :now where id = :run")
          .bind("now", Instant.now().toString())
          .bind("run", runId)
          .execute();
    });
  }

  private static void addParams(PreparedBatch batch, long runId, TrialRecord trial) {
    int position = 0;
    for (Map.Entry<String, Object> e : trial.params().asMap().entrySet()) {
      StoredValue value = StoredValue.of(e.getValue());
      batch.bind("run", runId)
          .bind("trial", trial.number())
          .bind("name", e.getKey())
          .bind("position", position++)
          .bind("type", value.type())
          .bind("text", value.text())
          .bind("num", value.number())
          .add();
    }
  }

  private static void addMetrics(PreparedBatch folds, PreparedBatch means, long runId,
      TrialRecord trial) {
    for (int m = 0; m < trial.foldValues().length; m++) {
      double[] values = trial.foldValues()[m];
      if (values.length == 0) {
        continue;
      }
      for (int fold = 0; fold < values.length; fold++) {
        folds.bind("run", runId)
            .bind("trial", trial.number())
            .bind("metric", trial.metrics().get(m))
            .bind("fold", fold)
            .bind("value", finiteOrNull(values[fold]))
            .add();
      }
      Summary summary = Summary.of(values);
      means.bind("run", runId)
          .bind("trial", trial.number())
          .bind("metric", trial.metrics().get(m))
          .bind("mean", finiteOrNull(summary.mean()))
          .bind("std", finiteOrNull(summary.std()))
          .add();
    }
  }

  /** Marks a stopped run as running again in this process, for resume. */
  public void reopenRun(long runId, long pid, String host) {
    handle.useTransaction(h -> {
      h.createUpdate("""
              update runs set status = 'running', pid = :pid, host = :host, heartbeat_at = :now,
                ended_at = null, error = null, best_trial = null
              where id = :run
              """)
          .bind("pid", pid)
          .bind("host", host)
          .bind("now", Instant.now().toString())
          .bind("run", runId)
          .execute();
      h.createUpdate("delete from test_metrics where run_id = :run").bind("run", runId).execute();
    });
  }

  /** Shows that the run's process is alive though no trial finished lately. */
  public void heartbeat(long runId) {
    handle.createUpdate("update runs set heartbeat_at = :now where id = :run")
        .bind("now", Instant.now().toString())
        .bind("run", runId)
        .execute();
  }

  /** Ends a run: its status, best trial, test-set scores and, for a failed run, why. */
  public void finishRun(long runId, RunStatus status, Long bestTrial,
      Map<String, Double> testMetrics, String error) {
    handle.useTransaction(h -> {
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
    });
  }

  static Double finiteOrNull(double value) {
    return Double.isFinite(value) ? value : null;
  }

  @Override
  public void close() {
    handle.close();
  }
}
