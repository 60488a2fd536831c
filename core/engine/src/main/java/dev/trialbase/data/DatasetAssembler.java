package dev.trialbase.data;

import dev.trialbase.api.Attribute;
import dev.trialbase.api.DataFormatException;
import dev.trialbase.api.Dataset;
import dev.trialbase.api.TableReceiver;
import dev.trialbase.api.Task;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Builds a training {@link Dataset} from what a {@link dev.trialbase.api.DataFormat} delivers,
 * checking the file's shape against the {@link DataRequest} before any row: the target column
 * is there, its kind fits the task, a nominal target has at least two classes, and the positive
 * class is one of two. Rows are then split into features and target and kept compactly.
 *
 * <p>A numeric target with {@code task: classification} becomes classes by value: its distinct
 * numbers, in numeric order, printed without a trailing {@code .0}. (CSV targets never get here
 * numeric: the CSV reader turns them into classes by their texts; see {@link CsvTyping}.)
 *
 * <p>One use: not thread-safe, and {@link #build} once after the format has read the file.
 */
public final class DatasetAssembler implements TableReceiver {

  private final DataRequest request;
  private final RowBuffer rows = new RowBuffer();
  private List<Attribute> attributes;
  private Attribute target;
  private int targetColumn = -1;
  private int columnCount;
  private boolean classesByValue;

  public DatasetAssembler(DataRequest request) {
    this.request = request;
  }

  @Override
  public void columns(List<Attribute> columns) throws DataFormatException {
    if (columns.isEmpty()) {
      throw new DataFormatException("the file has no columns");
    }
    columnCount = columns.size();
    List<String> names = columns.stream().map(Attribute::name).toList();
    targetColumn = request.target() == null ? columns.size() - 1
        : names.indexOf(request.target());
    if (targetColumn < 0) {
      throw new DataFormatException("no target column " + Excerpt.quoted(request.target())
          + ColumnNames.suggestion(request.target(), names) + "; columns are "
          + ColumnNames.list(names));
    }
    if (columns.size() < 2) {
      throw new DataFormatException("the file has " + columns.size()
          + " column; a dataset needs a target and at least one feature");
    }
    target = columns.get(targetColumn);
    attributes = new ArrayList<>(columns);
    attributes.remove(targetColumn);
    String quoted = "target column " + Excerpt.quoted(target.name());
    Task task = request.task() != null ? request.task()
        : target.isNominal() ? Task.CLASSIFICATION : Task.REGRESSION;
    if (task == Task.REGRESSION && target.isNominal()) {
      throw new DataFormatException(quoted + " is nominal (values "
          + ColumnNames.list(target.values())
          + "); task regression needs a numeric target");
    }
    classesByValue = task == Task.CLASSIFICATION && target.isNumeric();
    if (task == Task.REGRESSION && request.positive() != null) {
      throw new DataFormatException("a positive class " + Excerpt.quoted(request.positive())
          + " was given, but " + quoted + " is numeric: a regression target has no classes");
    }
    if (target.isNominal()) {
      if (target.values().isEmpty()) {
        throw new DataFormatException(quoted + " has no values: every cell is missing");
      }
      if (target.values().size() < 2) {
        throw new DataFormatException(quoted + " has a single class " + target.values()
            + "; classification needs at least two");
      }
      checkPositive(target.values());
    }
  }

  private void checkPositive(List<String> classes) throws DataFormatException {
    String positive = request.positive();
    if (positive == null) {
      return;
    }
    if (classes.size() != 2) {
      throw new DataFormatException("a positive class applies to two classes, but target column "
          + Excerpt.quoted(target.name()) + " has " + classes.size() + ": "
          + ColumnNames.list(classes));
    }
    if (!classes.contains(positive)) {
      throw new DataFormatException("the positive class " + Excerpt.quoted(positive)
          + " is not a class of target column " + Excerpt.quoted(target.name())
          + ColumnNames.suggestion(positive, classes) + "; classes are "
          + ColumnNames.list(classes));
    }
  }

  @Override
  public void row(double[] cells, long line) throws DataFormatException {
    if (cells.length != columnCount) {
      throw new IllegalStateException("line " + line + ": the format delivered " + cells.length
          + " cells for " + columnCount + " columns");
    }
    double y = cells[targetColumn];
    if (Dataset.isMissing(y)) {
      throw new DataFormatException("line " + line + ", column " + Excerpt.quoted(target.name())
          + ": missing target value");
    }
    double[] x = new double[cells.length - 1];
    System.arraycopy(cells, 0, x, 0, targetColumn);
    System.arraycopy(cells, targetColumn + 1, x, targetColumn, x.length - targetColumn);
    rows.add(x, y);
  }

  /**
   * The dataset read so far.
   *
   * @throws DataFormatException when there are no rows, or a classification target has fewer
   *     than two classes among its rows
   */
  public Dataset build() throws DataFormatException {
    if (rows.size() == 0) {
      throw new DataFormatException("the file has no data rows");
    }
    if (classesByValue) {
      target = classesFromValues();
      checkPositive(target.values());
    }
    if (target.isNominal()) {
      checkClassesPresent();
    }
    return rows.toDataset(attributes, target);
  }

  /** Turns a numeric target into classes: its distinct values in order, as labels. */
  private Attribute classesFromValues() throws DataFormatException {
    TreeSet<Double> values = new TreeSet<>();
    for (int r = 0; r < rows.size(); r++) {
      values.add(rows.target(r) + 0.0); // -0 and 0 are one class
    }
    List<Double> ordered = new ArrayList<>(values);
    List<String> labels = ordered.stream().map(DatasetAssembler::label).toList();
    for (int r = 0; r < rows.size(); r++) {
      rows.setTarget(r, java.util.Collections.binarySearch(ordered, rows.target(r) + 0.0));
    }
    return Attribute.nominal(target.name(), labels);
  }

  /** A number as a class label: integers without a trailing ".0". */
  static String label(double value) {
    return value == Math.rint(value) && Math.abs(value) < 1e15
        ? Long.toString((long) value) : Double.toString(value);
  }

  private void checkClassesPresent() throws DataFormatException {
    long[] counts = new long[target.values().size()];
    for (int r = 0; r < rows.size(); r++) {
      counts[(int) rows.target(r)]++;
    }
    List<String> present = new ArrayList<>();
    for (int k = 0; k < counts.length; k++) {
      if (counts[k] > 0) {
        present.add(target.values().get(k));
      }
    }
    if (present.size() < 2) {
      throw new DataFormatException("target column " + Excerpt.quoted(target.name())
          + " has a single class " + Excerpt.quoted(present.get(0)) + " in its "
          + rows.size() + " rows; classification needs at least two"
          + (counts.length > 1 ? " (declared: " + ColumnNames.list(target.values()) + ")" : ""));
    }
  }
}
