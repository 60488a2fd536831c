package dev.trialbase.store;

import java.util.Locale;

/** What became of a trial. */
public enum TrialStatus {
  COMPLETE, FAILED, PRUNED, TIMEOUT, RUNNING;

  /** The lowercase name stored in the database. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static TrialStatus byId(String id) {
    return valueOf(id.toUpperCase(Locale.ROOT));
  }
}
