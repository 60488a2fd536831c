package dev.trialbase.data;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * By hand, not a unit test: writes a CSV of ROWS x 20 columns (13 numeric, 1 integer, 5
 * nominal, a 3-class target; about 2 % missing cells in five columns, under several markers)
 * unless the file exists, then reads it with {@link LoadMeasurement} and prints time and heap.
 *
 * <pre>
 * java -Xmx320m -cp CLASSPATH dev.trialbase.data.LargeCsvMain /tmp/large.csv [rows]
 * </pre>
 */
public final class LargeCsvMain {

  private LargeCsvMain() {
  }

  public static void main(String[] args) throws IOException {
    Path file = Path.of(args[0]);
    int rows = args.length > 1 ? Integer.parseInt(args[1]) : 1_000_000;
    if (!Files.exists(file)) {
      write(file, rows, 42);
    }
    System.out.println(file + ": " + Files.size(file) / 1_000_000 + " MB; "
        + LoadMeasurement.of(file, DataRequest.target("class"), FormatLookup.builtIn())
        + "; max heap " + Runtime.getRuntime().maxMemory() / 1_000_000 + " MB");
  }

  static void write(Path file, int rows, long seed) throws IOException {
    SplittableRandom random = new SplittableRandom(seed);
    String[] markers = {"", "?", "NA", "nan", "NULL"};
    try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      StringBuilder header = new StringBuilder();
      for (int c = 0; c < 13; c++) {
        header.append("x").append(c).append(',');
      }
      header.append("count,");
      for (int c = 0; c < 5; c++) {
        header.append("cat").append(c).append(',');
      }
      out.write(header.append("class\n").toString());
      StringBuilder line = new StringBuilder();
      for (int r = 0; r < rows; r++) {
        line.setLength(0);
        for (int c = 0; c < 13; c++) {
          if (c < 3 && random.nextInt(50) == 0) {
            line.append(markers[random.nextInt(markers.length)]);
          } else {
            line.append(String.format(Locale.ROOT, "%.5f", random.nextGaussian() * (c + 1)));
          }
          line.append(',');
        }
        line.append(random.nextInt(100)).append(',');
        for (int c = 0; c < 5; c++) {
          if (c >= 3 && random.nextInt(50) == 0) {
            line.append(markers[random.nextInt(markers.length)]);
          } else {
            line.append("level-").append(random.nextInt(3 + 4 * c));
          }
          line.append(',');
        }
        line.append((char) ('a' + random.nextInt(3))).append('\n');
        out.write(line.toString());
      }
    }
  }
}
