package dev.trialbase.plugins.weka;

import dev.trialbase.api.Attribute;
import dev.trialbase.api.DataFormatException;
import dev.trialbase.api.Dataset;
import dev.trialbase.api.TableReceiver;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What a data format delivered, kept as it came: for the tests, a plain receiver that also
 * checks the protocol (columns once, before any row; a cell per column).
 */
final class Collected implements TableReceiver {

  /** Weka's example files, copied into the repository (the tests run in plugins/weka). */
  static final Path EXAMPLES = Path.of("../../examples/weka");

  List<Attribute> columns;
  final List<double[]> rows = new ArrayList<>();
  final List<Long> lines = new ArrayList<>();

  /** Reads {@code file} with the ARFF format. */
  static Collected arff(Path file) throws Exception {
    Collected out = new Collected();
    new ArffFormat().read(file, out);
    return out;
  }

  /** Reads one of the example files, such as {@code iris}. */
  static Collected example(String name) throws Exception {
    return arff(EXAMPLES.resolve(name + ".arff"));
  }

  @Override
  public void columns(List<Attribute> columns) {
    if (this.columns != null || !rows.isEmpty()) {
      throw new AssertionError("columns must come once, before any row");
    }
    this.columns = List.copyOf(columns);
  }

  @Override
  public void row(double[] cells, long line) {
    if (columns == null || cells.length != columns.size()) {
      throw new AssertionError("row before columns, or of the wrong width, at line " + line);
    }
    rows.add(cells);
    lines.add(line);
  }

  /** How many cells of column {@code j} are missing. */
  int missing(int j) {
    return (int) rows.stream().filter(r -> Dataset.isMissing(r[j])).count();
  }

  /** The data set with the last column as target, as Weka takes it by default. */
  Dataset lastColumnAsTarget() throws DataFormatException {
    int t = columns.size() - 1;
    double[][] x = new double[rows.size()][];
    double[] y = new double[rows.size()];
    for (int i = 0; i < x.length; i++) {
      x[i] = Arrays.copyOf(rows.get(i), t);
      y[i] = rows.get(i)[t];
      if (Dataset.isMissing(y[i])) {
        throw new DataFormatException("line " + lines.get(i) + ": missing target");
      }
    }
    return new Dataset(columns.subList(0, t), columns.get(t), x, y);
  }
}
