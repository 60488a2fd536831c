package dev.trialbase.data;

import dev.trialbase.api.DataFormat;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The data formats a run may use: CSV, built in, and those plugins provide. The engine passes
 * its plugins' {@link DataFormat} extensions as a lambda, {@code () -> formats}; a plugin format
 * named {@code csv} does not replace the built-in one.
 */
@FunctionalInterface
public interface FormatLookup {

  /** The formats plugins provide. */
  List<DataFormat> pluginFormats();

  /** CSV alone. */
  static FormatLookup builtIn() {
    return List::of;
  }

  /** CSV, then the plugin formats, each name once (the first wins). */
  default List<DataFormat> all() {
    List<DataFormat> all = new ArrayList<>();
    all.add(new CsvFormat());
    for (DataFormat f : pluginFormats()) {
      if (all.stream().noneMatch(known -> known.name().equals(f.name()))) {
        all.add(f);
      }
    }
    return all;
  }

  /**
   * The format for {@code file}: the one named {@code name} when given, else the one claiming
   * the file name's suffix (the longest claim wins, so {@code .arff.gz} beats {@code .gz}).
   *
   * @throws DataException naming the file and the known formats when there is none
   */
  default DataFormat forFile(Path file, String name) {
    List<DataFormat> all = all();
    if (name != null) {
      return all.stream().filter(f -> f.name().equals(name)).findFirst()
          .orElseThrow(() -> new DataException(file + ": no data format "
              + Excerpt.quoted(name) + "; known formats: " + names(all)));
    }
    String fileName = file.getFileName() == null ? ""
        : file.getFileName().toString().toLowerCase(Locale.ROOT);
    Optional<DataFormat> bySuffix = all.stream()
        .filter(f -> longestSuffix(f, fileName) > 0)
        .max(Comparator.comparingInt(f -> longestSuffix(f, fileName)));
    return bySuffix.orElseThrow(() -> {
      int dot = fileName.lastIndexOf('.');
      String suffix = dot < 0 ? "a file name without a suffix"
          : Excerpt.quoted(fileName.substring(dot));
      return new DataException(file + ": no data format for " + suffix + "; known formats: "
          + names(all) + " (set data.format to choose one)");
    });
  }

  private static int longestSuffix(DataFormat format, String fileName) {
    return format.suffixes().stream()
        .filter(s -> fileName.endsWith(s.toLowerCase(Locale.ROOT)) && fileName.length() > s.length())
        .mapToInt(String::length).max().orElse(0);
  }

  private static String names(List<DataFormat> formats) {
    return formats.stream().map(f -> f.name() + " (" + String.join(", ", f.suffixes()) + ")")
        .collect(Collectors.joining(", "));
  }
}
