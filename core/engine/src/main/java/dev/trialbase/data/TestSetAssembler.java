package dev.trialbase.data;

import dev.trialbase.api.Attribute;
import dev.trialbase.api.DataFormatException;
import dev.trialbase.api.Dataset;
import dev.trialbase.api.TableReceiver;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds a test {@link Dataset} aligned to a training set: the file's columns are matched to the
 * training attributes by name, in any order; a training column the file lacks, or a file column
 * the training set lacks, is an error naming it. Cells are re-coded into the training set's
 * terms, whatever the file's own typing:
 *
 * <ul>
 *   <li>a nominal value is mapped by its text to the training attribute's value; failing that,
 *       a number is mapped to the one training value that is the same number (test {@code 1.0}
 *       to training {@code 1});
 *   <li>a nominal <em>feature</em> value the training set never had is read as missing, as
 *       Weka's {@code InputMappedClassifier} does, and counted per column so the engine can warn;
 *   <li>an unseen class, a missing target, or a non-number in a column numeric in training is an
 *       error naming line and column.
 * </ul>
 *
 * <p>This works the same for every format: cells come encoded against the file's own
 * attributes (ARFF's declared ones, CSV's inferred ones) and are mapped through their texts.
 * One use, not thread-safe.
 */
public final class TestSetAssembler implements TableReceiver {

  private static final int UNSEEN = -1;

  private final Dataset train;
  private final RowBuffer rows = new RowBuffer();
  private final Map<String, Long> unseen = new LinkedHashMap<>();
  /** For each training feature, then the target: the file's column and how its cells map. */
  private ColumnMap[] maps;

  public TestSetAssembler(Dataset train) {
    this.train = train;
  }

  /** How one file column's cells become one training column's cells. */
  private record ColumnMap(int fileColumn, Attribute trainAttribute, Attribute fileAttribute,
      double[] byFileIndex, Map<Double, Integer> byNumber) {
  }

  @Override
  public void columns(List<Attribute> columns) throws DataFormatException {
    Map<String, Integer> fileIndex = new HashMap<>();
    for (int c = 0; c < columns.size(); c++) {
      fileIndex.put(columns.get(c).name(), c);
    }
    List<Attribute> wanted = new ArrayList<>(train.attributes());
    wanted.add(train.target());
    List<String> missing = new ArrayList<>();
    for (Attribute a : wanted) {
      if (!fileIndex.containsKey(a.name())) {
        missing.add(a.name());
      }
    }
    List<String> wantedNames = wanted.stream().map(Attribute::name).toList();
    List<String> extra = columns.stream().map(Attribute::name)
        .filter(n -> !wantedNames.contains(n)).toList();
    if (!missing.isEmpty() || !extra.isEmpty()) {
      List<String> parts = new ArrayList<>();
      if (!missing.isEmpty()) {
        parts.add("missing training " + (missing.size() == 1 ? "column " : "columns ")
            + ColumnNames.list(missing));
      }
      if (!extra.isEmpty()) {
        parts.add((extra.size() == 1 ? "column " : "columns ") + ColumnNames.list(extra)
            + " not in the training set");
      }
      throw new DataFormatException(String.join("; ", parts) + " (training columns: "
          + ColumnNames.list(wantedNames) + ")");
    }
    maps = new ColumnMap[wanted.size()];
    for (int i = 0; i < wanted.size(); i++) {
      int c = fileIndex.get(wanted.get(i).name());
      maps[i] = map(c, wanted.get(i), columns.get(c));
    }
  }

  private static ColumnMap map(int column, Attribute train, Attribute file) {
    double[] byFileIndex = null;
    if (file.isNominal()) {
      byFileIndex = new double[file.values().size()];
      for (int v = 0; v < byFileIndex.length; v++) {
        String text = file.values().get(v);
        byFileIndex[v] = train.isNumeric() ? DecimalNumbers.parse(text) : trainIndex(train, text);
      }
    }
    Map<Double, Integer> byNumber = new HashMap<>();
    if (train.isNominal()) {
      for (int v = 0; v < train.values().size(); v++) {
        double number = DecimalNumbers.parse(train.values().get(v));
        if (!Double.isNaN(number)) {
          byNumber.merge(number + 0.0, v, (a, b) -> UNSEEN - 1); // two spellings: ambiguous
        }
      }
    }
    return new ColumnMap(column, train, file, byFileIndex, byNumber);
  }

  /** The training index of a value's text: the same text, else the one equal number, else -1. */
  private static int trainIndex(Attribute train, String text) {
    int index = train.indexOf(text);
    if (index >= 0) {
      return index;
    }
    int matches = 0;
    double number = DecimalNumbers.parse(text);
    for (int v = 0; v < train.values().size() && !Double.isNaN(number); v++) {
      if (DecimalNumbers.parse(train.values().get(v)) == number) {
        index = v;
        matches++;
      }
    }
    return matches == 1 ? index : UNSEEN;
  }

  @Override
  public void row(double[] cells, long line) throws DataFormatException {
    int features = maps.length - 1;
    double[] x = new double[features];
    for (int i = 0; i < features; i++) {
      x[i] = cell(maps[i], cells[maps[i].fileColumn()], line, false);
    }
    ColumnMap target = maps[features];
    double y = cells[target.fileColumn()];
    if (Dataset.isMissing(y)) {
      throw new DataFormatException("line " + line + ", column "
          + Excerpt.quoted(target.fileAttribute().name()) + ": missing target value");
    }
    rows.add(x, cell(target, y, line, true));
  }

  private double cell(ColumnMap map, double cell, long line, boolean isTarget)
      throws DataFormatException {
    if (Dataset.isMissing(cell)) {
      return cell;
    }
    Attribute train = map.trainAttribute();
    Attribute file = map.fileAttribute();
    if (file.isNumeric() && train.isNumeric()) {
      return cell;
    }
    double value = file.isNominal() ? map.byFileIndex()[(int) cell]
        : Math.max(UNSEEN, map.byNumber().getOrDefault(cell + 0.0, UNSEEN));
    if (train.isNumeric() && Double.isNaN(value)) {
      throw new DataFormatException(where(file, line) + Excerpt.quoted(text(file, cell))
          + " is not a number, but the training set's column is numeric");
    }
    if (train.isNominal() && value == UNSEEN) {
      if (isTarget) {
        throw new DataFormatException(where(file, line) + "class "
            + Excerpt.quoted(text(file, cell)) + " does not occur in the training set; its"
            + " classes are " + ColumnNames.list(train.values()));
      }
      unseen.merge(train.name(), 1L, Long::sum);
      return Dataset.MISSING;
    }
    return value;
  }

  private static String where(Attribute column, long line) {
    return "line " + line + ", column " + Excerpt.quoted(column.name()) + ": ";
  }

  /** A cell as the file wrote it (a numeric cell as its shortest number). */
  private static String text(Attribute column, double cell) {
    return column.isNominal() ? column.values().get((int) cell) : DatasetAssembler.label(cell);
  }

  /** The aligned test set, with the training set's attributes and classes. */
  public TestSet build() throws DataFormatException {
    if (rows.size() == 0) {
      throw new DataFormatException("the file has no data rows");
    }
    return new TestSet(rows.toDataset(train.attributes(), train.target()), unseen);
  }
}
