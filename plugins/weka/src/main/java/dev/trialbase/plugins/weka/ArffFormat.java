package dev.trialbase.plugins.weka;

import dev.trialbase.api.DataFormat;
import dev.trialbase.api.DataFormatException;
import dev.trialbase.api.TableReceiver;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.pf4j.Extension;
import weka.core.Instance;
import weka.core.Instances;

/**
 * ARFF, Weka's attribute-relation file format, read by Weka's own reader
 * ({@code weka.core.converters.ArffLoader.ArffReader}): the header first, which becomes the
 * columns ({@link ArffAttributes} says how each ARFF type maps), then one instance at a time,
 * so the file is never held twice. Cells are handed on exactly as Weka encodes them (nominal
 * value index, NaN for {@code ?}); sparse instances are made dense, their absent values being
 * 0 as in Weka. Files are read as UTF-8.
 *
 * <p>What Weka refuses (a malformed header, a value not declared for its nominal attribute,
 * a short line, a bad number or date) becomes a {@link DataFormatException} naming the line,
 * with Weka's own words for the fault. Instance weights ({@code {w}} after an instance) other
 * than 1 are refused: Trialbase weighs every row the same. Stateless and thread-safe.
 */
@Extension
public class ArffFormat implements DataFormat {

  static {
    // Before any Weka class initialises: Weka reads WEKA_HOME once.
    WekaHome.redirectIfUnset();
  }

  @Override
  public String name() {
    return "arff";
  }

  @Override
  public String description() {
    return "Weka's ARFF files (numeric, nominal and date attributes; dense or sparse), "
        + "read by Weka's own loader";
  }

  @Override
  public List<String> suffixes() {
    return List.of(".arff");
  }

  @Override
  public void read(Path file, TableReceiver receiver) throws DataFormatException, IOException {
    try (Reader in = new BufferedReader(
        new InputStreamReader(Files.newInputStream(file), StandardCharsets.UTF_8))) {
      ArffLineReader arff = header(in);
      Instances structure = arff.getStructure();
      receiver.columns(ArffAttributes.of(structure));
      Instance instance;
      while ((instance = next(arff, structure)) != null) {
        int line = arff.instanceLine();
        if (instance.weight() != 1.0) {
          throw new DataFormatException("line " + line + ": instance weight "
              + instance.weight() + " is not supported: Trialbase weighs every row the same");
        }
        receiver.row(instance.toDoubleArray(), line);
      }
    }
  }

  private static ArffLineReader header(Reader in) throws DataFormatException, IOException {
    try {
      return new ArffLineReader(in);
    } catch (IOException e) {
      throw WekaParseError.of(e, -1);
    } catch (IllegalArgumentException e) {
      // Weka's Instances refuses a header with two attributes of the same name this way.
      throw new DataFormatException("header: " + e.getMessage().strip(), e);
    }
  }

  private static Instance next(ArffLineReader arff, Instances structure)
      throws DataFormatException, IOException {
    try {
      return arff.readInstance(structure);
    } catch (IOException e) {
      throw WekaParseError.of(e, arff.getLineNo());
    } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
      throw new DataFormatException("line " + arff.instanceLine() + ": " + e.getMessage(), e);
    }
  }
}
