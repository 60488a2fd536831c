package dev.trialbase.engine;

import dev.trialbase.store.RunQueries;

/**
 * Whether a resumed run already stored trial {@code n}, asked for rising {@code n}: the stored
 * numbers are read a page at a time from where the question is, so a run of any length is
 * never held as a set. Trials the resumed run stores meanwhile are numbered below the
 * question (they were proposed before it), so a page read late answers the same.
 */
final class StoredNumbers {

  /** Numbers read per query. */
  static final int PAGE = 4096;

  /** A new run's: nothing stored. */
  static final StoredNumbers NONE = new StoredNumbers(null, 0);

  private final RunQueries queries;
  private final long runId;
  private long[] page = new long[0];
  private int at;
  private boolean more;

  StoredNumbers(RunQueries queries, long runId) {
    this.queries = queries;
    this.runId = runId;
    this.more = queries != null;
  }

  /** Whether trial {@code n} is stored; {@code n} must not be less than in the last call. */
  boolean contains(long n) {
    while (true) {
      while (at < page.length && page[at] < n) {
        at++;
      }
      if (at < page.length) {
        return page[at] == n;
      }
      if (!more) {
        return false;
      }
      page = queries.trialNumbers(runId, n, PAGE);
      at = 0;
      more = page.length == PAGE;
    }
  }
}
