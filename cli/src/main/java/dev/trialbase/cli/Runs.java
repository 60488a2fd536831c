package dev.trialbase.cli;

import dev.trialbase.store.RunDetail;
import dev.trialbase.store.RunQueries;

/** Looking up the run a command names. */
final class Runs {

  private Runs() {
  }

  /** The run {@code runId}; a missing run is a {@link Errors.NotFoundException} (exit 6). */
  static RunDetail find(RunQueries queries, long runId, Main main) {
    return queries.run(runId).orElseThrow(() -> new Errors.NotFoundException("no run " + runId
        + " in " + main.databaseFile() + "; 'trialbase runs' lists the runs"));
  }
}
