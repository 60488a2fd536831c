package dev.trialbase.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;

/**
 * A generated classification table written twice, as CSV and as ARFF, for the data-loading
 * benchmark: {@code columns} features of which every fifth is nominal (five values) and the
 * rest numeric, about 2% of feature cells missing, and a two-class target. Seeded, so every
 * run reads the same bytes.
 */
final class DataFiles {

  private static final String[] VALUES = {"red", "green", "blue", "cyan", "black"};

  private DataFiles() {
  }

  /** The CSV and ARFF files of {@code rows} x {@code columns} features, written into {@code dir}. */
  record Written(Path csv, Path arff) {
  }

  static Written write(Path dir, int rows, int columns) throws IOException {
    Path csv = dir.resolve("load.csv");
    Path arff = dir.resolve("load.arff");
    try (BufferedWriter c = Files.newBufferedWriter(csv);
        BufferedWriter a = Files.newBufferedWriter(arff)) {
      StringBuilder header = new StringBuilder();
      a.write("@relation load\n");
      for (int j = 0; j < columns; j++) {
        header.append('f').append(j).append(',');
        a.write("@attribute f" + j + (nominal(j) ? " {red,green,blue,cyan,black}\n" : " numeric\n"));
      }
      c.write(header.append("class\n").toString());
      a.write("@attribute class {no,yes}\n@data\n");
      SplittableRandom random = new SplittableRandom(20261130);
      String[] cells = new String[columns + 1];
      for (int i = 0; i < rows; i++) {
        for (int j = 0; j < columns; j++) {
          cells[j] = random.nextInt(50) == 0 ? null
              : nominal(j) ? VALUES[random.nextInt(VALUES.length)]
              : Double.toString(Math.round(random.nextDouble() * 1e6) / 1e3);
        }
        cells[columns] = random.nextBoolean() ? "yes" : "no";
        c.write(line(cells, ""));
        a.write(line(cells, "?"));
      }
    }
    return new Written(csv, arff);
  }

  /** One record, a missing cell written as {@code missing}. */
  private static String line(String[] cells, String missing) {
    StringBuilder b = new StringBuilder();
    for (int j = 0; j < cells.length; j++) {
      b.append(j == 0 ? "" : ",").append(cells[j] == null ? missing : cells[j]);
    }
    return b.append('\n').toString();
  }

  private static boolean nominal(int column) {
    return column % 5 == 4;
  }
}
