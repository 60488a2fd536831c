package dev.trialbase.data;

import dev.trialbase.api.Attribute;
import dev.trialbase.api.DataFormat;
import dev.trialbase.api.DataFormatException;
import dev.trialbase.api.Dataset;
import dev.trialbase.api.TableReceiver;
import dev.trialbase.api.Task;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The built-in CSV format: a header row of column names, then one record per row, read with
 * Jackson's CSV parser in two passes so that memory stays near the dataset's own size and
 * errors come in order. The first pass types every column (numeric when all its non-missing
 * cells are {@link DecimalNumbers decimal numbers}, else nominal with its distinct texts as
 * values) and checks each record's width; the receiver then gets the columns, so a wrong
 * target or task is reported before any cell. The second pass decodes each record into cells
 * (a number, a nominal value's index, or NaN for a {@link MissingMarkers missing marker}).
 *
 * <p>A {@link CsvTyping} tells the reader about the run: the target column, which a numeric
 * target of few integers turns into classes, and test-file columns to keep as text. Thread-safe
 * (immutable); each {@link #read} opens the file twice.
 */
public final class CsvFormat implements DataFormat {

  private final CsvTyping typing;

  /** CSV typed by the cells alone. */
  public CsvFormat() {
    this(CsvTyping.plain());
  }

  /** CSV typed with what the run knows about its target and training set. */
  public CsvFormat(CsvTyping typing) {
    this.typing = typing;
  }

  @Override
  public String name() {
    return "csv";
  }

  @Override
  public String description() {
    return "comma-separated values with a header row (built in)";
  }

  @Override
  public List<String> suffixes() {
    return List.of(".csv");
  }

  @Override
  public void read(Path file, TableReceiver receiver) throws DataFormatException, IOException {
    Profiler profiler = new Profiler();
    CsvRecords.read(file, profiler);
    if (profiler.rows == 0) {
      throw new DataFormatException("the file has a header but no data rows");
    }
    ColumnProfile[] columns = profiler.columns;
    List<Integer> lost = new ArrayList<>();
    for (int c = 0; c < columns.length; c++) {
      if (columns[c].lostTexts()) {
        lost.add(c);
      }
    }
    if (!lost.isEmpty()) {
      CsvRecords.read(file, texts(columns, lost));
    }
    int target = typing.targetIndex(profiler.header);
    List<Attribute> attributes = new ArrayList<>();
    for (int c = 0; c < columns.length; c++) {
      boolean nominal = c == target ? typing.targetIsNominal(columns[c])
          : !columns[c].isNumeric() || typing.nominal().contains(columns[c].name());
      attributes.add(nominal ? columns[c].nominal() : Attribute.numeric(columns[c].name()));
    }
    receiver.columns(attributes);
    Decoder decoder = new Decoder(attributes, target, receiver);
    CsvRecords.read(file, decoder);
    if (decoder.rows != profiler.rows) {
      throw new DataFormatException("the file changed while it was read");
    }
  }

  /** Pass 1: the header and a profile per column. */
  private final class Profiler implements CsvRecords.Visitor {
    String[] header;
    ColumnProfile[] columns;
    long rows;

    @Override
    public void header(String[] names) {
      header = names;
      int target = typing.targetIndex(names);
      columns = new ColumnProfile[names.length];
      for (int c = 0; c < names.length; c++) {
        boolean keep = typing.nominal().contains(names[c])
            || (c == target && typing.task() == Task.CLASSIFICATION);
        columns[c] = new ColumnProfile(names[c], keep, c == target);
      }
    }

    @Override
    public void record(String[] fields, long line) {
      for (int c = 0; c < fields.length; c++) {
        columns[c].add(fields[c]);
      }
      rows++;
    }
  }

  /** The extra pass that collects the texts of columns that looked numeric for too long. */
  private static CsvRecords.Visitor texts(ColumnProfile[] columns, List<Integer> lost) {
    return new CsvRecords.Visitor() {
      @Override
      public void header(String[] names) {
      }

      @Override
      public void record(String[] fields, long line) {
        for (int c : lost) {
          columns[c].collect(fields[c]);
        }
      }
    };
  }

  /** Pass 2: each record as cells, handed to the receiver. */
  private final class Decoder implements CsvRecords.Visitor {
    private final List<Attribute> attributes;
    private final int target;
    private final TableReceiver receiver;
    private final List<Map<String, Integer>> indices = new ArrayList<>();
    long rows;

    Decoder(List<Attribute> attributes, int target, TableReceiver receiver) {
      this.attributes = attributes;
      this.target = target;
      this.receiver = receiver;
      for (Attribute a : attributes) {
        Map<String, Integer> index = new HashMap<>();
        for (int v = 0; v < a.values().size(); v++) {
          index.put(a.values().get(v), v);
        }
        indices.add(index);
      }
    }

    @Override
    public void header(String[] names) {
    }

    @Override
    public void record(String[] fields, long line) throws DataFormatException {
      double[] cells = new double[fields.length];
      for (int c = 0; c < fields.length; c++) {
        cells[c] = cell(fields[c], c, line);
      }
      rows++;
      receiver.row(cells, line);
    }

    private double cell(String text, int c, long line) throws DataFormatException {
      if (MissingMarkers.isMissing(text)) {
        if (c == target) {
          throw new DataFormatException("line " + line + ", column "
              + Excerpt.quoted(attributes.get(c).name()) + ": missing target value"
              + (text.isEmpty() ? " (empty cell)" : " (" + Excerpt.quoted(text) + ")"));
        }
        return Dataset.MISSING;
      }
      double value;
      if (attributes.get(c).isNominal()) {
        Integer index = indices.get(c).get(text);
        value = index == null ? Double.NaN : index;
      } else {
        value = DecimalNumbers.parse(text);
      }
      if (Double.isNaN(value)) {
        throw new DataFormatException("line " + line + ", column "
            + Excerpt.quoted(attributes.get(c).name()) + ": " + Excerpt.quoted(text)
            + " was not there when the file was first read; did the file change?");
      }
      return value;
    }
  }
}
