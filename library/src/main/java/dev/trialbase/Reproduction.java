package dev.trialbase;

import java.util.List;

/**
 * What reproducing a run found: the new run, and every difference from the original (status,
 * parameters, each fold score bit for bit, test scores), in words.
 *
 * @param original the run reproduced
 * @param repeated the new run, stored beside it
 * @param differences empty when the new run repeats the original exactly
 */
public record Reproduction(long original, RunInfo repeated, List<String> differences) {

  /** Copies {@code differences}, so the record stays immutable. */
  public Reproduction {
    differences = List.copyOf(differences);
  }

  /** Whether the new run repeats the original exactly. */
  public boolean identical() {
    return differences.isEmpty();
  }
}
