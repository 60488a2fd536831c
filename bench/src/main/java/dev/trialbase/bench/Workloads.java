package dev.trialbase.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/** The generated data and specs the benchmarks run. */
final class Workloads {

  private Workloads() {
  }

  /**
   * Writes a binary-classification CSV: {@code rows} rows, {@code features} numeric features
   * {@code f0..}, class column {@code label} (0/1, about 40% positive). Deterministic.
   */
  static Path csv(Path dir, String name, int rows, int features) {
    Path file = dir.resolve(name);
    SplittableRandom random = new SplittableRandom(20_240_601L);
    try (Writer w = Files.newBufferedWriter(file)) {
      for (int f = 0; f < features; f++) {
        w.write("f" + f + ",");
      }
      w.write("label\n");
      for (int r = 0; r < rows; r++) {
        int label = random.nextDouble() < 0.4 ? 1 : 0;
        for (int f = 0; f < features; f++) {
          double x = random.nextGaussian() + (f == 0 ? label : 0);
          w.write(String.format(Locale.ROOT, "%.5f,", x));
        }
        w.write(label + "\n");
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return file;
  }

  /**
   * A random search of {@code trials} trials over the noop estimator's four parameters (a log
   * float, an int, a float and a string), 5 folds, every metric: nothing but framework work.
   */
  static Path noopSpec(Path dir, String name, Path csv, long trials, long seed) {
    return noopSpec(dir, name, csv, trials, seed, List.of());
  }

  /** The same with only {@code metrics} scored (every metric when empty). */
  static Path noopSpec(Path dir, String name, Path csv, long trials, long seed,
      List<String> metrics) {
    String metricsLine = metrics.isEmpty() ? "" : "\"metrics\": [" + metrics.stream()
        .map(m -> "\"" + m + "\"").collect(java.util.stream.Collectors.joining(", ")) + "],";
    return write(dir.resolve(name), """
        {
          "experiment": "bench-noop",
          "data": { "train": "%s", "target": "label" },
          "estimator": { "name": "noop" },
          "strategy": { "name": "random" },
          "space": {
            "x": { "type": "float", "low": 0.0001, "high": 10000, "log": true },
            "y": { "type": "int", "low": 1, "high": 500 },
            "z": { "type": "float", "low": 0, "high": 1 },
            "c": ["lbfgs", "newton-cg", "sag", null]
          },
          "trials": %d,
          "folds": 5,
          %s
          "seed": %d
        }
        """.formatted(csv.getFileName(), trials, metricsLine, seed));
  }

  /** {@code trials} CPU-bound trials, each fold burning {@code work} million steps. */
  static Path cpuSpec(Path dir, String name, Path csv, long trials, long work) {
    return write(dir.resolve(name), """
        {
          "experiment": "bench-cpu",
          "data": { "train": "%s", "target": "label" },
          "estimator": { "name": "cpu", "params": { "work": %d } },
          "strategy": { "name": "random" },
          "space": { "x": { "type": "float", "low": 0, "high": 1 } },
          "trials": %d,
          "folds": 5,
          "metrics": ["accuracy"],
          "seed": 7
        }
        """.formatted(csv.getFileName(), work, trials));
  }

  static Path write(Path file, String text) {
    try {
      Files.writeString(file, text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return file;
  }
}
