package dev.trialbase.data;

import dev.trialbase.api.Attribute;
import dev.trialbase.api.DataFormat;
import dev.trialbase.api.DataFormatException;
import dev.trialbase.api.Dataset;
import dev.trialbase.api.TableReceiver;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

/**
 * Where the engine reads data files: picks the format, refuses anything but a regular file,
 * reads the file into a {@link DatasetAssembler} (training) or a {@link TestSetAssembler} (test),
 * and turns every failure into a {@link DataException} whose message starts with the file.
 */
public final class DataFiles {

  private DataFiles() {
  }

  /** Reads a training file as {@code request} asks. */
  public static Dataset readTrain(Path file, DataRequest request, FormatLookup formats) {
    DataFormat format = format(file, request, formats,
        CsvTyping.train(request.target(), request.task()));
    DatasetAssembler assembler = new DatasetAssembler(request);
    read(file, format, assembler);
    try {
      return assembler.build();
    } catch (DataFormatException e) {
      throw new DataException(file + ": " + e.getMessage(), e);
    }
  }

  /** Reads a test file aligned by column name to {@code train}. */
  public static TestSet readTest(Path file, Dataset train, DataRequest request,
      FormatLookup formats) {
    Set<String> nominal = new HashSet<>();
    train.attributes().stream().filter(Attribute::isNominal).forEach(a -> nominal.add(a.name()));
    if (train.target().isNominal()) {
      nominal.add(train.target().name());
    }
    DataFormat format = format(file, request, formats,
        CsvTyping.test(train.target().name(), nominal));
    TestSetAssembler assembler = new TestSetAssembler(train);
    read(file, format, assembler);
    try {
      return assembler.build();
    } catch (DataFormatException e) {
      throw new DataException(file + ": " + e.getMessage(), e);
    }
  }

  /** The format to read {@code file} with; the built-in CSV one told about the run. */
  private static DataFormat format(Path file, DataRequest request, FormatLookup formats,
      CsvTyping typing) {
    checkRegularFile(file);
    DataFormat format = formats.forFile(file, request.format());
    return format instanceof CsvFormat ? new CsvFormat(typing) : format;
  }

  /** Refuses a path that is missing or is not a regular file (a directory, a device, a pipe). */
  static void checkRegularFile(Path file) {
    if (Files.isRegularFile(file)) {
      return;
    }
    if (!Files.exists(file)) {
      throw new DataException(file + ": no such file");
    }
    throw new DataException(file + (Files.isDirectory(file)
        ? ": is a directory, not a data file" : ": is not a regular file"));
  }

  private static void read(Path file, DataFormat format, TableReceiver receiver) {
    try {
      format.read(file, receiver);
    } catch (DataFormatException e) {
      throw new DataException(file + ": " + e.getMessage(), e);
    } catch (IOException e) {
      throw new DataException(file + ": cannot read: "
          + Excerpt.of(String.valueOf(e.getMessage())), e);
    }
  }
}
