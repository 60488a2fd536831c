package dev.trialbase.store;

/** One line of the run list: what ran, how it went, and the best objective reached. */
public record RunView(long id, String experiment, String status, String strategy,
    String estimator, long seed, String objective, boolean maximize, int trials, int complete,
    int notComplete, Double bestObjective, Long bestTrial, String startedAt, String endedAt) {

  /** Wall time from start to end in seconds; null while the run has no end (or unreadable). */
  public Double seconds() {
    return seconds(startedAt, endedAt);
  }

  /** Seconds from {@code startedAt} to {@code endedAt} (ISO-8601); null without an end. */
  public static Double seconds(String startedAt, String endedAt) {
    if (startedAt == null || endedAt == null) {
      return null;
    }
    try {
      return java.time.Duration.between(java.time.Instant.parse(startedAt),
          java.time.Instant.parse(endedAt)).toMillis() / 1000.0;
    } catch (java.time.format.DateTimeParseException e) {
      return null;
    }
  }
}
