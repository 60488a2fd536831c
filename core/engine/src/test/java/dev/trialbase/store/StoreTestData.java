package dev.trialbase.store;

import dev.trialbase.api.ParamSet;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Runs and trials to store in tests. */
final class StoreTestData {

  /**
   * When the test data's runs start and last beat: recent, so a run recorded with this
   * process's host and pid stays "running" while the test runs (a heartbeat older than
   * {@link Liveness#STALE} means a dead run on any host); sub-millisecond, as real ones are.
   */
  static final Instant START = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS)
      .plusNanos(400_000);
  /** This process's host and pid: a run recorded with them is alive while the test runs. */
  static final String HOST = Liveness.localHost();
  static final long PID = ProcessHandle.current().pid();

  private StoreTestData() {
  }

  static NewRun newRun(String experiment) {
    return new NewRun(experiment, "grid", "weka-logistic", 42L, 4, "accuracy", true, 3L,
        "{\"experiment\":\"" + experiment + "\"}", "/specs/spec.json", "/data/train.csv",
        "ab".repeat(32), "/data/test.csv", "cd".repeat(32), "[{\"id\":\"weka\"}]", "0.1.0",
        "17.0.9", "Linux", HOST, PID, START, "classification", "class", "[\"no\",\"yes\"]",
        "yes");
  }

  /** Parameters of every supported type, in a non-alphabetical declaration order. */
  static ParamSet mixedParams() {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("z_ridge", 0.5);
    p.put("a_iters", 3L);
    p.put("m_penalty", "l2");
    p.put("b_fit", true);
    p.put("n_none", null);
    p.put("w_whole", 3.0);
    return ParamSet.of(p);
  }

  static TrialRecord complete(long number, ParamSet params, List<String> metrics,
      double[][] foldValues, double objective) {
    return new TrialRecord(number, TrialStatus.COMPLETE, params, START,
        START.plusMillis(1500).plusNanos(-300_000), metrics, foldValues, objective, null, null);
  }

  static TrialRecord failed(long number, ParamSet params) {
    return new TrialRecord(number, TrialStatus.FAILED, params, START, START.plusMillis(20),
        List.of("accuracy", "roc_auc"), new double[0][], Double.NaN,
        "dev.trialbase.api.InvalidParamsException", "L1 needs a different solver");
  }
}
