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

  /**
   * A trial that ended with {@code error} in state {@code status} (failed, timeout), started at
   * {@code start} and ending now: the error's class and message (or its text when it has no
   * message), no scores.
   */
  public static TrialRecord failed(long number, TrialStatus status, ParamSet params,
      Instant start, List<String> metrics, Throwable error) {
    String message = error.getMessage() != null ? error.getMessage() : error.toString();
    return new TrialRecord(number, status, params, start, Instant.now(), metrics,
        new double[0][], Double.NaN, error.getClass().getName(), message);
  }

  public double durationMs() {
    return (endedAt.toEpochMilli() - startedAt.toEpochMilli())
        + (endedAt.getNano() % 1_000_000 - startedAt.getNano() % 1_000_000) / 1e6;
  }
}
