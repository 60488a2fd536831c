package dev.trialbase.data;

import dev.trialbase.spec.Messages;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import dev.trialbase.api.DataFormatException;
import java.io.CharConversionException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

/**
 * One streaming pass over a CSV file with Jackson's CSV parser: the header, then every data
 * record with the line it starts on. Blank lines are skipped but counted, quoted line breaks
 * too; a byte-order mark before the header is dropped; cells are trimmed. A file that is not
 * UTF-8 text, or that Jackson cannot parse, becomes a {@link DataFormatException} naming the
 * line of the record at fault and quoting no more than a short excerpt.
 */
final class CsvRecords {

  private static final CsvMapper MAPPER = new CsvMapper()
      .enable(CsvParser.Feature.WRAP_AS_ARRAY)
      .enable(CsvParser.Feature.TRIM_SPACES);

  /** Receives the header and the records of one pass. */
  interface Visitor {
    /** The column names, checked: non-empty, printable and distinct. */
    void header(String[] names) throws DataFormatException;

    /** One data record of the header's width. */
    void record(String[] fields, long line) throws DataFormatException;
  }

  private CsvRecords() {
  }

  /** Reads {@code file} from the start, handing the header and each record to {@code visitor}. */
  static void read(Path file, Visitor visitor) throws DataFormatException, IOException {
    long line = 1;
    String[] header = null;
    try (MappingIterator<String[]> it =
        MAPPER.readerFor(String[].class).readValues(file.toFile())) {
      while (it.hasNextValue()) {
        // Before the record is read the parser stands at its first character, so blank lines
        // and quoted line breaks in earlier records are counted.
        line = it.getParser().currentLocation().getLineNr();
        String[] fields = it.nextValue();
        if (fields.length == 1 && fields[0].isEmpty()) {
          continue;
        }
        if (header == null) {
          header = fields;
          if (header[0].startsWith("\uFEFF")) {
            header[0] = header[0].substring(1).strip(); // a byte-order mark, as spreadsheets write
          }
          checkHeader(line, header);
          visitor.header(header);
        } else if (fields.length != header.length) {
          throw new DataFormatException("line " + line + " has " + fields.length
              + (fields.length == 1 ? " field" : " fields") + " but the header has "
              + header.length);
        } else {
          visitor.record(fields, line);
        }
      }
    } catch (IOException | RuntimeException e) {
      Throwable cause = e instanceof RuntimeException && e.getCause() != null ? e.getCause() : e;
      String message = cause instanceof JsonProcessingException j
          ? Messages.firstLine(j.getOriginalMessage()) : Messages.firstLine(cause.getMessage());
      if (cause instanceof CharConversionException || message.contains("UTF-8")) {
        throw new DataFormatException("is not a UTF-8 text file; a CSV file is UTF-8 text", e);
      }
      if (!(cause instanceof JsonProcessingException)) {
        throw e instanceof IOException io ? io : new IOException(message, cause);
      }
      // The record that failed starts on `line` (an unclosed quote runs on to the file's end).
      throw new DataFormatException("line " + line + ": cannot read as CSV: "
          + Excerpt.of(message), e);
    }
    if (header == null) {
      throw new DataFormatException("the file is empty; expected a header row and data rows");
    }
  }

  /** Every column needs a printable name, and a name may appear only once. */
  private static void checkHeader(long line, String[] header) throws DataFormatException {
    Set<String> seen = new HashSet<>();
    for (int c = 0; c < header.length; c++) {
      if (header[c].isEmpty()) {
        throw new DataFormatException("line " + line + ": column " + (c + 1)
            + " of the header has no name");
      }
      if (!Excerpt.isPrintable(header[c])) {
        throw new DataFormatException("line " + line + ": column " + (c + 1)
            + " of the header has unprintable characters; is this a CSV text file?");
      }
      if (!seen.add(header[c])) {
        throw new DataFormatException("line " + line + ": column " + Excerpt.quoted(header[c])
            + " appears twice in the header");
      }
    }
  }

}
