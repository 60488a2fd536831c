package dev.trialbase.plugins.weka;

import dev.trialbase.api.Attribute;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The independent oracle for the ARFF tests: a deliberately naive reading of Weka's four
 * example files, which use only the simplest ARFF (one declaration or instance per line,
 * values quoted with {@code '} but never containing a comma, no sparse rows). Split each line
 * at commas, strip blanks and quotes, look nominal values up in the declared list, {@code ?}
 * is missing. Not a reader for ARFF in general; it shares no code with the plugin or Weka.
 */
final class NaiveArff {

  final List<Attribute> attributes = new ArrayList<>();
  final List<double[]> rows = new ArrayList<>();
  /** The 1-based line of each row. */
  final List<Long> lines = new ArrayList<>();

  static NaiveArff read(Path file) throws IOException {
    NaiveArff out = new NaiveArff();
    List<String> text = Files.readAllLines(file);
    boolean data = false;
    for (int i = 0; i < text.size(); i++) {
      String line = text.get(i).strip();
      String lower = line.toLowerCase(Locale.ROOT);
      if (line.isEmpty() || line.startsWith("%")) {
        continue;
      }
      if (lower.startsWith("@attribute")) {
        out.attributes.add(attribute(line.substring("@attribute".length()).strip()));
      } else if (lower.startsWith("@data")) {
        data = true;
      } else if (data) {
        out.rows.add(out.cells(line));
        out.lines.add(i + 1L);
      }
    }
    return out;
  }

  private static Attribute attribute(String declaration) {
    int brace = declaration.indexOf('{');
    if (brace < 0) {
      String[] parts = declaration.split("\\s+");
      return Attribute.numeric(unquote(parts[0]));
    }
    String name = unquote(declaration.substring(0, brace).strip());
    String inside = declaration.substring(brace + 1, declaration.lastIndexOf('}'));
    return Attribute.nominal(name, Arrays.stream(inside.split(",")).map(NaiveArff::unquote)
        .toList());
  }

  private double[] cells(String line) {
    String[] values = line.split(",");
    double[] cells = new double[attributes.size()];
    for (int j = 0; j < cells.length; j++) {
      String value = unquote(values[j]);
      Attribute attribute = attributes.get(j);
      if (value.equals("?")) {
        cells[j] = Double.NaN;
      } else if (attribute.isNominal()) {
        cells[j] = attribute.indexOf(value);
        if (cells[j] < 0) {
          throw new IllegalStateException(value + " not declared for " + attribute.name());
        }
      } else {
        cells[j] = Double.parseDouble(value);
      }
    }
    return cells;
  }

  private static String unquote(String s) {
    String t = s.strip();
    return t.length() >= 2 && t.startsWith("'") && t.endsWith("'")
        ? t.substring(1, t.length() - 1) : t;
  }
}
