package dev.trialbase.store;

/** A run's full provenance, as stored when it started, plus how it ended. */
public record RunDetail(RunView summary, int folds, Long plannedTrials, String specJson,
    String specPath, String trainPath, String trainSha256, String testPath, String testSha256,
    String pluginsJson, String trialbaseVersion, String jvm, String os, String host, Long pid,
    String heartbeatAt, String error) {
}
