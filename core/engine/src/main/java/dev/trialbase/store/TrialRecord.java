package dev.trialbase.store;

import dev.trialbase.api.ParamSet;
import java.time.Instant;
import java.util.List;

/**
 * Everything stored about one finished trial.
 *
 * @param metrics the metric ids, in the order of {@code foldValues}' rows
 * @param foldValues {@code foldValues[metric][fold]}; NaN where a fold has no score; empty
 *     rows for a trial that failed before scoring
 * @param objective the mean of the objective metric, or NaN when the trial has none
 */
public record TrialRecord(long number, TrialStatus status, ParamSet params, Instant startedAt,
    Instant endedAt, List<String> metrics, double[][] foldValues, double objective,
    String errorClass, String errorMessage) {

  public double durationMs() {
    return (endedAt.toEpochMilli() - startedAt.toEpochMilli())
        + (endedAt.getNano() % 1_000_000 - startedAt.getNano() % 1_000_000) / 1e6;
  }
}
