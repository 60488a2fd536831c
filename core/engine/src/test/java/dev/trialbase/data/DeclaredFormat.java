package dev.trialbase.data;

import dev.trialbase.api.Attribute;
import dev.trialbase.api.DataFormat;
import dev.trialbase.api.DataFormatException;
import dev.trialbase.api.Dataset;
import dev.trialbase.api.TableReceiver;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A tiny format with declared column types, standing in for a plugin format such as ARFF: the
 * first line declares the columns ({@code name:numeric} or {@code name:v1|v2|v3}, comma
 * separated), each further line is a row, {@code ?} is missing. Cells are encoded against the
 * file's own declared values, as ARFF's are.
 */
final class DeclaredFormat implements DataFormat {

  @Override
  public String name() {
    return "declared";
  }

  @Override
  public String description() {
    return "test format with declared columns";
  }

  @Override
  public List<String> suffixes() {
    return List.of(".decl");
  }

  @Override
  public void read(Path file, TableReceiver receiver) throws DataFormatException, IOException {
    List<String> lines = Files.readAllLines(file);
    List<Attribute> columns = new ArrayList<>();
    for (String declaration : lines.get(0).split(",")) {
      String[] parts = declaration.split(":");
      columns.add(parts[1].equals("numeric") ? Attribute.numeric(parts[0])
          : Attribute.nominal(parts[0], List.of(parts[1].split("\\|"))));
    }
    receiver.columns(columns);
    for (int i = 1; i < lines.size(); i++) {
      String[] texts = lines.get(i).split(",");
      double[] cells = new double[texts.length];
      for (int c = 0; c < texts.length; c++) {
        Attribute a = columns.get(c);
        if (texts[c].equals("?")) {
          cells[c] = Dataset.MISSING;
        } else if (a.isNominal()) {
          cells[c] = a.indexOf(texts[c]);
          if (cells[c] < 0) {
            throw new DataFormatException("line " + (i + 1) + ", column '" + a.name()
                + "': undeclared value");
          }
        } else {
          cells[c] = Double.parseDouble(texts[c]);
        }
      }
      receiver.row(cells, i + 1);
    }
  }
}
