package dev.trialbase.data;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import dev.trialbase.api.Attribute;
import dev.trialbase.api.Dataset;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.CharConversionException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Reads a CSV file with a header row into a {@link Dataset}: every column but the target is a
 * numeric feature; the target's distinct values are the class labels. Numeric labels sort as
 * numbers and print without a trailing ".0", so a 0/1 column gives classes "0" and "1".
 */
public final class CsvDatasets {

  private static final CsvMapper MAPPER = new CsvMapper()
      .enable(CsvParser.Feature.WRAP_AS_ARRAY)
      .enable(CsvParser.Feature.TRIM_SPACES);

  /** Texts that spreadsheets and pandas write for a missing value (compared in upper case). */
  private static final Set<String> MISSING_MARKERS = Set.of("NA", "N/A", "NULL", "NONE", "?",
      "-", "#N/A");

  private CsvDatasets() {
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "";
    }
    int newline = message.indexOf('\n');
    return (newline < 0 ? message : message.substring(0, newline)).strip();
  }

  /** Reads {@code file}, taking {@code target} as the class column. */
  public static Dataset read(Path file, String target) {
    return read(file, target, null);
  }

  /**
   * Reads {@code file} as a test set for {@code train}: it must have the same columns, and
   * its labels must be among the training labels.
   */
  public static Dataset readLike(Path file, String target, Dataset train) {
    return read(file, target, train);
  }

  private static Dataset read(Path file, String target, Dataset like) {
    List<Row> rows = readRows(file);
    if (rows.isEmpty()) {
      throw new DataException(file + ": the file is empty; expected a header row and data rows");
    }
    String[] header = rows.get(0).fields();
    if (header.length > 0 && header[0].startsWith("\uFEFF")) {
      header[0] = header[0].substring(1); // a byte-order mark, as spreadsheets write
    }
    checkHeader(file, rows.get(0).line(), header);
    int targetColumn = List.of(header).indexOf(target);
    if (targetColumn < 0) {
      throw new DataException(file + ": no target column '" + target + "'; columns are "
          + String.join(", ", header));
    }
    if (rows.size() == 1) {
      throw new DataException(file + ": the file has a header but no data rows");
    }
    List<String> featureNames = new ArrayList<>(List.of(header));
    featureNames.remove(targetColumn);
    if (like != null && !featureNames.equals(like.featureNames())) {
      throw new DataException(file + ": its feature columns " + featureNames
          + " differ from the training set's " + like.featureNames() + " ("
          + difference(featureNames, like.featureNames()) + ")");
    }
    int n = rows.size() - 1;
    double[][] x = new double[n][];
    String[] rawLabels = new String[n];
    for (int r = 0; r < n; r++) {
      String[] row = rows.get(r + 1).fields();
      int line = rows.get(r + 1).line();
      if (row.length != header.length) {
        throw new DataException(file + ": line " + line + " has " + row.length
            + " fields but the header has " + header.length);
      }
      x[r] = new double[header.length - 1];
      int f = 0;
      for (int c = 0; c < row.length; c++) {
        if (c == targetColumn) {
          if (row[c].isEmpty()) {
            throw new DataException(file + ": line " + line + ", column '" + header[c]
                + "': missing target value");
          }
          rawLabels[r] = row[c];
        } else {
          x[r][f++] = number(file, line, header[c], row[c]);
        }
      }
    }
    List<String> classLabels = like != null ? like.classLabels() : classLabels(rawLabels);
    if (like == null && classLabels.size() < 2) {
      throw new DataException(file + ": target column '" + target
          + "' has a single class " + classLabels + "; classification needs at least two");
    }
    if (classLabels.size() > 2) {
      throw new DataException(file + ": target column '" + target + "' has "
          + classLabels.size() + " classes; Trialbase supports binary targets only for now");
    }
    double[] y = new double[n];
    for (int r = 0; r < n; r++) {
      y[r] = classLabels.indexOf(canonical(rawLabels[r]));
      if (y[r] < 0) {
        throw new DataException(file + ": line " + rows.get(r + 1).line() + ": label '"
            + rawLabels[r] + "' does not occur in the training set " + classLabels);
      }
    }
    return new Dataset(featureNames.stream().map(Attribute::numeric).toList(),
        Attribute.nominal(target, classLabels), x, y);
  }

  /** Every column needs a name, and a name may appear only once. */
  private static void checkHeader(Path file, int line, String[] header) {
    Set<String> seen = new HashSet<>();
    for (int c = 0; c < header.length; c++) {
      if (header[c].isEmpty()) {
        throw new DataException(file + ": line " + line + ": column " + (c + 1)
            + " of the header has no name");
      }
      if (!seen.add(header[c])) {
        throw new DataException(file + ": line " + line + ": column '" + header[c]
            + "' appears twice in the header");
      }
    }
  }

  /** How a test set's feature columns differ from the training set's, in words. */
  private static String difference(List<String> columns, List<String> expected) {
    List<String> missing = new ArrayList<>(expected);
    missing.removeAll(columns);
    List<String> extra = new ArrayList<>(columns);
    extra.removeAll(expected);
    List<String> parts = new ArrayList<>();
    if (!missing.isEmpty()) {
      parts.add("missing " + String.join(", ", missing));
    }
    if (!extra.isEmpty()) {
      parts.add("not in the training set: " + String.join(", ", extra));
    }
    return parts.isEmpty() ? "same columns in another order" : String.join("; ", parts);
  }

  /** One non-blank CSV record and the line of the file it starts on (1-based). */
  private record Row(int line, String[] fields) {
  }

  private static List<Row> readRows(Path file) {
    if (!Files.exists(file)) {
      throw new DataException(file + ": no such file");
    }
    if (Files.isDirectory(file)) {
      throw new DataException(file + ": is a directory, not a CSV file");
    }
    int line = 1;
    try (MappingIterator<String[]> it =
        MAPPER.readerFor(String[].class).readValues(file.toFile())) {
      List<Row> rows = new ArrayList<>();
      while (it.hasNextValue()) {
        // Before the record is read the parser stands at its first character, so blank lines
        // and quoted line breaks in earlier records are counted.
        line = it.getParser().currentLocation().getLineNr();
        String[] row = it.nextValue();
        if (!(row.length == 1 && row[0].isEmpty())) {
          rows.add(new Row(line, row));
        }
      }
      return rows;
    } catch (IOException | RuntimeException e) {
      Throwable cause = e instanceof RuntimeException && e.getCause() != null ? e.getCause() : e;
      String message = cause instanceof JsonProcessingException j
          ? firstLine(j.getOriginalMessage()) : firstLine(cause.getMessage());
      if (cause instanceof CharConversionException || message.contains("UTF-8")) {
        throw new DataException(file + ": is not a UTF-8 text file; a dataset is CSV text", e);
      }
      // The record that failed starts on `line` (an unclosed quote runs on to the file's end).
      throw new DataException(file + ": line " + line + ": cannot read as CSV: " + message, e);
    }
  }

  private static double number(Path file, int line, String column, String text) {
    if (text.isEmpty() || MISSING_MARKERS.contains(text.toUpperCase(Locale.ROOT))) {
      throw new DataException(file + ": line " + line + ", column '" + column
          + "': missing value" + (text.isEmpty() ? "" : " ('" + text + "')")
          + "; fill or drop it before the search");
    }
    try {
      double v = Double.parseDouble(text);
      if (!Double.isFinite(v)) {
        throw new NumberFormatException();
      }
      return v;
    } catch (NumberFormatException e) {
      throw new DataException(file + ": line " + line + ", column '" + column + "': '" + text
          + "' is not a finite number; features must be numeric");
    }
  }

  /** Distinct labels, numerically sorted when all are numbers, otherwise alphabetically. */
  private static List<String> classLabels(String[] raw) {
    boolean numeric = true;
    for (String s : raw) {
      numeric &= isNumber(s);
    }
    Map<Object, String> sorted = new TreeMap<>();
    for (String s : raw) {
      String label = canonical(s);
      // + 0.0 turns -0.0 into 0.0: TreeMap compares doubles with Double.compare, which
      // tells them apart, but canonical() names both "0".
      sorted.put(numeric ? (Object) (Double.parseDouble(s) + 0.0) : label, label);
    }
    return List.copyOf(sorted.values());
  }

  /** "1.0" and "1" name the same class; other text is kept as it is. */
  private static String canonical(String label) {
    if (!isNumber(label)) {
      return label;
    }
    double v = Double.parseDouble(label);
    return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
  }

  private static boolean isNumber(String s) {
    try {
      Double.parseDouble(s);
      return true;
    } catch (NumberFormatException e) {
      return false;
    }
  }
}
