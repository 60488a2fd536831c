package dev.trialbase.data;

import dev.trialbase.api.Task;

/**
 * What a run asks of its data file, from the spec's {@code data} section. Every part is
 * optional (null): the target defaults to the last column, as in Weka; the task is inferred from
 * the target's kind; the positive class defaults to the second class; the format is chosen by
 * the file's suffix.
 *
 * @param target the target column's name, or null for the last column
 * @param task classification or regression, or null to infer it
 * @param positive a two-class target's positive class label, or null
 * @param format a data format's name such as {@code csv} or {@code arff}, or null
 */
public record DataRequest(String target, Task task, String positive, String format) {

  /** Everything inferred. */
  public static DataRequest defaults() {
    return new DataRequest(null, null, null, null);
  }

  /** A named target, the rest inferred. */
  public static DataRequest target(String target) {
    return new DataRequest(target, null, null, null);
  }
}
