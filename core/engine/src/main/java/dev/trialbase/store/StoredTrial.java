package dev.trialbase.store;

import dev.trialbase.eval.Summary;
import java.util.Map;

/**
 * A finished trial in the form its rows are stored: its times, parameter values and packed
 * fold scores already as the text SQLite gets, its metrics' means and standard deviations
 * already computed. Making this is most of the Java work of storing a trial, so the engine
 * makes it on the worker thread that evaluated the trial, and the run's single writing thread
 * only binds the values ({@link RunRecorder#recordStored}). The values are exactly those
 * {@link RunRecorder#recordTrials} stores for the same {@link TrialRecord}.
 */
public final class StoredTrial {

  final TrialRecord record;
  final String status;
  final double objective;
  final String startedAt;
  final String endedAt;
  final double durationMs;
  final String[] paramNames;
  final StoredValue[] paramValues;
  /** The metrics with scores (a trial that failed before scoring has none), in order. */
  final String[] metrics;
  final double[] means;
  final double[] stds;
  final String[] foldScores;

  private StoredTrial(TrialRecord record) {
    this.record = record;
    this.status = record.status().id();
    this.objective = record.objective();
    this.startedAt = record.startedAt().toString();
    this.endedAt = record.endedAt().toString();
    this.durationMs = record.durationMs();
    Map<String, Object> params = record.params().asMap();
    this.paramNames = new String[params.size()];
    this.paramValues = new StoredValue[params.size()];
    int p = 0;
    for (Map.Entry<String, Object> e : params.entrySet()) {
      paramNames[p] = e.getKey();
      paramValues[p] = StoredValue.of(e.getValue());
      p++;
    }
    double[][] foldValues = record.foldValues();
    int scored = 0;
    for (double[] values : foldValues) {
      if (values.length > 0) {
        scored++;
      }
    }
    this.metrics = new String[scored];
    this.means = new double[scored];
    this.stds = new double[scored];
    this.foldScores = new String[scored];
    int m = 0;
    for (int row = 0; row < foldValues.length; row++) {
      double[] values = foldValues[row];
      if (values.length == 0) {
        continue;
      }
      Summary summary = Summary.of(values);
      metrics[m] = record.metrics().get(row);
      means[m] = summary.mean();
      stds[m] = summary.std();
      foldScores[m] = FoldScores.encode(values);
      m++;
    }
  }

  /** {@code record} ready to be stored. */
  public static StoredTrial of(TrialRecord record) {
    return new StoredTrial(record);
  }

  /** The trial this was made from. */
  public TrialRecord record() {
    return record;
  }
}
