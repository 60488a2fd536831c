package dev.trialbase.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Writes flat records one at a time as JSON or CSV, giving the same text {@link Output#print}
 * gives for the whole list, so that a command can write more records than memory holds. CSV
 * needs its columns before the first row: {@link Output#columns} of every row's keys, which
 * the caller finds in a first pass. The target is flushed, never closed.
 */
final class RecordStream implements AutoCloseable {

  private final Writer target;
  private final SequenceWriter writer;
  /** The CSV columns; null for JSON. */
  private final List<String> columns;
  private long count;

  private RecordStream(Writer target, SequenceWriter writer, List<String> columns) {
    this.target = target;
    this.writer = writer;
    this.columns = columns;
  }

  /** A JSON array of objects, indented as {@link Output#json} indents, and a line break. */
  static RecordStream json(Writer target) throws IOException {
    return new RecordStream(target, Output.Mappers.JSON.writer()
        .without(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
        .writeValuesAsArray(target), null);
  }

  /** CSV with a header line of {@code columns}; a record's missing or null cells are empty. */
  static RecordStream csv(Writer target, List<String> columns) throws IOException {
    CsvSchema.Builder schema = CsvSchema.builder().setUseHeader(true);
    columns.forEach(schema::addColumn);
    return new RecordStream(target, Output.Mappers.CSV.writer(schema.build())
        .without(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
        .writeValues(target), List.copyOf(columns));
  }

  void write(Map<String, ?> record) throws IOException {
    if (columns == null) {
      writer.write(record);
    } else {
      List<String> line = new ArrayList<>(columns.size());
      for (String c : columns) {
        Object v = record.get(c);
        line.add(v == null ? "" : v.toString());
      }
      writer.write(line);
    }
    count++;
  }

  /** How many records were written. */
  long count() {
    return count;
  }

  @Override
  public void close() throws IOException {
    writer.close();
    if (columns == null) {
      target.write(System.lineSeparator());
    }
    target.flush();
  }
}
