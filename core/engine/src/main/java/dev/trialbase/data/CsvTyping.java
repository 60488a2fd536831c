package dev.trialbase.data;

import dev.trialbase.api.Task;
import java.util.Set;

/**
 * What the CSV reader needs to know about a run to type its columns, since a CSV file declares
 * no types. Only the built-in CSV format takes it; formats that declare their attributes (ARFF)
 * need none.
 *
 * @param target the target column's name; null for the last column
 * @param inferClasses apply the CSV target rule: a numeric target of at most
 *     {@value #MAX_INTEGER_CLASSES} distinct integers is read as classes
 * @param task the spec's task, or null to infer it: classification reads a numeric target as
 *     classes, regression keeps it numeric
 * @param nominal columns to read as nominal, with their texts as values, even when every cell
 *     is a number (a test file's columns that are nominal in training)
 */
public record CsvTyping(String target, boolean inferClasses, Task task, Set<String> nominal) {

  /** The most distinct integers a numeric CSV target may have to be read as classes. */
  public static final int MAX_INTEGER_CLASSES = 20;

  public CsvTyping {
    nominal = Set.copyOf(nominal);
  }

  /** No run knowledge: every column typed by its cells alone. */
  public static CsvTyping plain() {
    return new CsvTyping(null, false, null, Set.of());
  }

  /** A training file with this target (null: the last column) and task (null: infer). */
  public static CsvTyping train(String target, Task task) {
    return new CsvTyping(target, true, task, Set.of());
  }

  /** A test file whose {@code nominal} columns are nominal in training. */
  public static CsvTyping test(String target, Set<String> nominal) {
    return new CsvTyping(target, false, null, nominal);
  }

  /** The target's column index in {@code header}, or -1 when absent. */
  int targetIndex(String[] header) {
    if (target == null) {
      return inferClasses ? header.length - 1 : -1;
    }
    return java.util.Arrays.asList(header).indexOf(target);
  }

  /** Whether the target column is read as nominal, given what the first pass saw of it. */
  boolean targetIsNominal(ColumnProfile column) {
    if (!column.isNumeric() || nominal.contains(column.name()) || task == Task.CLASSIFICATION) {
      return true;
    }
    if (task == Task.REGRESSION || !inferClasses) {
      return false;
    }
    int distinct = column.distinctCount();
    return column.isIntegral() && distinct >= 0 && distinct <= MAX_INTEGER_CLASSES;
  }
}
