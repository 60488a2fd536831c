package dev.trialbase.api;

import java.util.List;

/**
 * Where a {@link DataFormat} delivers a file's contents. Implemented by the engine, which
 * picks the target, checks the shape (target present, task, class count), and keeps only what
 * the dataset needs, so a format never holds the whole file twice.
 */
public interface TableReceiver {

  /**
   * The file's columns, target included, in file order. Called once, before any row.
   *
   * @throws DataFormatException when they cannot make the run's dataset (no target column,
   *     a target of the wrong kind, a single class, ...)
   */
  void columns(List<Attribute> columns) throws DataFormatException;

  /**
   * One data row: a cell per column in {@link #columns} order, encoded as in {@link Dataset}
   * (nominal as value index, missing as NaN). The receiver may keep {@code cells}: pass a new
   * array each time.
   *
   * @param line the 1-based line of the file the row starts on, for error messages
   * @throws DataFormatException when the row cannot be used (a missing target, ...)
   */
  void row(double[] cells, long line) throws DataFormatException;
}
