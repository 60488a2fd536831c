package dev.trialbase.api;

/**
 * What a run learns: classes of a nominal target, or the value of a numeric one. It decides
 * how folds are made (stratified or shuffled), which metrics apply, and which estimators can
 * take part ({@link Estimator#tasks()}).
 */
public enum Task {
  /** A nominal target with two or more classes; models report class probabilities. */
  CLASSIFICATION,
  /** A numeric target; models report one number per row. */
  REGRESSION;

  /** The lower-case name used in specs, the database and output. */
  public String id() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }

  /** The task whose {@link #id()} is {@code id}. */
  public static java.util.Optional<Task> byId(String id) {
    return java.util.Arrays.stream(values()).filter(t -> t.id().equals(id)).findFirst();
  }
}
