package dev.trialbase.data;

import dev.trialbase.api.Dataset;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A test file aligned to its training set, and how many of its nominal feature cells held a
 * value the training set never had (read as missing; see {@link TestSetAssembler}).
 *
 * @param dataset the rows, with the training set's attributes and classes
 * @param unseenValues per feature column, the number of cells with a value unseen in training;
 *     only columns that had any
 */
public record TestSet(Dataset dataset, Map<String, Long> unseenValues) {

  public TestSet {
    unseenValues = Map.copyOf(unseenValues);
  }

  /** All cells read as missing because their value was unseen in training. */
  public long unseenCount() {
    return unseenValues.values().stream().mapToLong(Long::longValue).sum();
  }

  /** One warning line per column with unseen values, for the engine to print. */
  public List<String> warnings(Path file) {
    return unseenValues.entrySet().stream().sorted(Map.Entry.comparingByKey())
        .map(e -> file + ": column " + Excerpt.quoted(e.getKey()) + ": " + e.getValue()
            + (e.getValue() == 1 ? " value" : " values")
            + " not seen in training, read as missing")
        .toList();
  }
}
