package dev.trialbase.store;

import java.util.Locale;

/** What became of a run; {@code interrupted} is a run stopped before its last trial. */
public enum RunStatus {
  RUNNING, COMPLETE, FAILED, INTERRUPTED;

  /** The lowercase name stored in the database. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static RunStatus byId(String id) {
    return valueOf(id.toUpperCase(Locale.ROOT));
  }
}
