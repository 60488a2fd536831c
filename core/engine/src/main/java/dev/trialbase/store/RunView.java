package dev.trialbase.store;

/** One line of the run list: what ran, how it went, and the best objective reached. */
public record RunView(long id, String experiment, String status, String strategy,
    String estimator, long seed, String objective, boolean maximize, int trials, int complete,
    int notComplete, Double bestObjective, Long bestTrial, String startedAt, String endedAt) {
}
