package dev.trialbase.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import picocli.CommandLine.Option;

/**
 * Prints records (ordered maps, possibly nested) as an aligned table, JSON or CSV. Commands
 * build their records once; this class is the only place that knows the formats. In table and
 * CSV form nested maps flatten into dotted columns such as {@code params.C}.
 */
final class Output {

  /** The formats of {@code --format}. */
  enum Format { table, json, csv }

  /** The {@code --format} option, mixed into every command that prints data. */
  static final class FormatOption {
    @Option(names = "--format", defaultValue = "table", paramLabel = "FORMAT",
        description = "table, json or csv (default: ${DEFAULT-VALUE}).")
    Format format;
  }

  /** Jackson's mappers, made on first use: a table needs neither, and they take start-up time. */
  static final class Mappers {
    static final JsonMapper JSON = JsonMapper.builder()
        .enable(SerializationFeature.INDENT_OUTPUT)
        .build();
    static final JsonMapper COMPACT_JSON = JsonMapper.builder().build();
    static final CsvMapper CSV = new CsvMapper();
  }

  private static final int MAX_CELL = 60;
  private static final int MIN_CUT = 12;

  private Output() {
  }

  /** Prints {@code records} to {@code out} in {@code format}. */
  static void print(PrintWriter out, Format format, List<? extends Map<String, ?>> records) {
    print(out, format, records, List.of());
  }

  /**
   * Prints {@code records}; when there are none, CSV is the header line of
   * {@code emptyColumns} alone (a reader gets an empty table, not an error), JSON {@code []}
   * and a table {@code (none)}.
   */
  static void print(PrintWriter out, Format format, List<? extends Map<String, ?>> records,
      List<String> emptyColumns) {
    switch (format) {
      case json -> out.println(json(records));
      case csv -> out.print(records.isEmpty() ? csvLine(emptyColumns) : csv(flatten(records)));
      case table -> out.print(table(flatten(records)));
    }
    out.flush();
  }

  /**
   * Prints one record: as JSON an object, as CSV one row, as a table one "key  value" line per
   * (flattened) field, which reads better than one very wide row.
   */
  static void printRecord(PrintWriter out, Format format, Map<String, ?> record) {
    switch (format) {
      case json -> out.println(json(record));
      case csv -> out.print(csv(flatten(List.of(record))));
      case table -> {
        Map<String, Object> flat = flatten(List.of(record)).get(0);
        int width = flat.keySet().stream().map(TerminalText::escape).mapToInt(String::length)
            .max().orElse(0);
        flat.forEach((key, value) -> {
          String shown = TerminalText.escape(key);
          out.println((shown + " ".repeat(width - shown.length()) + "  " + cell(value))
              .stripTrailing());
        });
      }
    }
    out.flush();
  }

  static String json(Object value) {
    try {
      return Mappers.JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** {@code value} as JSON on one line, with no whitespace added and every string intact. */
  static String compactJson(Object value) {
    try {
      return Mappers.COMPACT_JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** One CSV line of {@code cells}, quoted where needed; empty when there are no cells. */
  static String csvLine(List<String> cells) {
    if (cells.isEmpty()) {
      return "";
    }
    try {
      return Mappers.CSV.writer(CsvSchema.emptySchema()).writeValueAsString(cells);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static List<Map<String, Object>> flatten(List<? extends Map<String, ?>> records) {
    List<Map<String, Object>> flat = new ArrayList<>();
    for (Map<String, ?> record : records) {
      Map<String, Object> row = new LinkedHashMap<>();
      flattenInto("", record, row);
      flat.add(row);
    }
    return flat;
  }

  private static void flattenInto(String prefix, Map<String, ?> map, Map<String, Object> row) {
    map.forEach((key, value) -> {
      if (value instanceof Map<?, ?> nested) {
        @SuppressWarnings("unchecked")
        Map<String, ?> typed = (Map<String, ?>) nested;
        flattenInto(prefix + key + ".", typed, row);
      } else {
        row.put(prefix + key, value);
      }
    });
  }

  /**
   * Every column of rows with the keys {@code keySets} (one per row, in row order), grouped by
   * top-level key (the part before the first dot) in the order those keys first appear, so a
   * nested group a first row lacks still sits in place. A row whose keys repeat an earlier
   * row's, in the same order, changes nothing: a caller streaming rows may pass each distinct
   * key sequence once.
   */
  static List<String> columns(List<? extends Collection<String>> keySets) {
    Set<String> columns = new LinkedHashSet<>();
    keySets.forEach(columns::addAll);
    List<String> groups = new ArrayList<>();
    for (Collection<String> keys : keySets) {
      int at = 0;
      for (String column : keys) {
        String group = group(column);
        int index = groups.indexOf(group);
        if (index < 0) {
          groups.add(at, group);
          index = at;
        }
        at = index + 1;
      }
    }
    List<String> ordered = new ArrayList<>(columns);
    ordered.sort(java.util.Comparator.comparingInt(c -> groups.indexOf(group(c))));
    return ordered;
  }

  private static String group(String column) {
    int dot = column.indexOf('.');
    return dot < 0 ? column : column.substring(0, dot);
  }

  private static String csv(List<Map<String, Object>> rows) {
    List<String> columns = columns(rows.stream().map(Map::keySet).toList());
    CsvSchema.Builder schema = CsvSchema.builder().setUseHeader(true);
    columns.forEach(schema::addColumn);
    List<List<String>> values = new ArrayList<>();
    for (Map<String, Object> row : rows) {
      List<String> line = new ArrayList<>();
      for (String c : columns) {
        Object v = row.get(c);
        line.add(v == null ? "" : v.toString());
      }
      values.add(line);
    }
    try {
      return Mappers.CSV.writer(schema.build()).writeValueAsString(values);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String table(List<Map<String, Object>> rows) {
    if (rows.isEmpty()) {
      return "(none)\n";
    }
    List<String> columns = columns(rows.stream().map(Map::keySet).toList());
    String[] headings = columns.stream().map(TerminalText::escape).toArray(String[]::new);
    int[] widths = java.util.Arrays.stream(headings).mapToInt(String::length).toArray();
    List<String[]> cells = new ArrayList<>();
    boolean[] numeric = new boolean[columns.size()];
    java.util.Arrays.fill(numeric, true);
    for (Map<String, Object> row : rows) {
      String[] line = new String[columns.size()];
      for (int c = 0; c < line.length; c++) {
        Object v = row.get(columns.get(c));
        line[c] = abbreviate(cell(v));
        widths[c] = Math.max(widths[c], line[c].length());
        numeric[c] &= v == null || v instanceof Number;
      }
      cells.add(line);
    }
    fit(widths, numeric, TerminalWidth.columns());
    StringBuilder sb = new StringBuilder();
    appendLine(sb, headings, widths, numeric);
    for (String[] line : cells) {
      appendLine(sb, line, widths, numeric);
    }
    return sb.toString();
  }

  /**
   * Narrows the widest text columns until a line fits {@code terminal} characters (0: no
   * limit). Numbers are never cut; no text column goes below {@link #MIN_CUT} characters.
   */
  static void fit(int[] widths, boolean[] numeric, int terminal) {
    if (terminal <= 0) {
      return;
    }
    int total = java.util.Arrays.stream(widths).sum() + 2 * (widths.length - 1);
    while (total > terminal) {
      int widest = -1;
      for (int c = 0; c < widths.length; c++) {
        if (!numeric[c] && widths[c] > MIN_CUT && (widest < 0 || widths[c] > widths[widest])) {
          widest = c;
        }
      }
      if (widest < 0) {
        return;
      }
      int cut = Math.min(total - terminal, widths[widest] - MIN_CUT);
      widths[widest] -= cut;
      total -= cut;
    }
  }

  private static void appendLine(StringBuilder sb, String[] cells, int[] widths,
      boolean[] numeric) {
    StringBuilder line = new StringBuilder();
    for (int c = 0; c < cells.length; c++) {
      if (c > 0) {
        line.append("  ");
      }
      String text = cells[c].length() <= widths[c] ? cells[c]
          : cells[c].substring(0, widths[c] - 3) + "...";
      String pad = " ".repeat(widths[c] - text.length());
      line.append(numeric[c] ? pad + text : text + pad);
    }
    sb.append(line.toString().stripTrailing()).append('\n');
  }

  /** Long text (error messages) is cut in tables; JSON and CSV keep it whole. */
  private static String abbreviate(String text) {
    return text.length() <= MAX_CELL ? text : text.substring(0, MAX_CELL - 3) + "...";
  }

  /**
   * A value as a table shows it: doubles to five significant digits, null as empty, control
   * characters escaped ({@link TerminalText}) so stored text cannot drive the terminal.
   */
  static String cell(Object v) {
    if (v == null) {
      return "";
    }
    if (v instanceof Double d) {
      if (!Double.isFinite(d)) {
        return d.toString();
      }
      return new BigDecimal(d).round(new MathContext(5)).stripTrailingZeros().toPlainString();
    }
    return TerminalText.escape(v.toString());
  }
}
