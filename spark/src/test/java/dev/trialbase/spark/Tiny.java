package dev.trialbase.spark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** A 20-row experiment over the test estimators, for fault and timing tests. */
final class Tiny {

  static final String SPEC = """
      {
        "experiment": "tiny",
        "data": {"train": "train.csv", "test": "test.csv", "target": "y"},
        "estimator": {"name": "noop"},
        "strategy": {"name": "grid"},
        "space": {"x": [1, 2, 3]},
        "folds": 2,
        "seed": 7
      }
      """;

  private Tiny() {
  }

  /** Writes train.csv, test.csv and spec.json ({@code spec}) into {@code dir}. */
  static Path write(Path dir, String spec) {
    try {
      List<String> rows = new ArrayList<>();
      rows.add("a,b,y");
      for (int i = 0; i < 20; i++) {
        rows.add((i * 0.05) + "," + (i % 7) + "," + (i % 2));
      }
      Files.write(dir.resolve("train.csv"), rows);
      Files.write(dir.resolve("test.csv"), rows.subList(0, 7));
      return Files.writeString(dir.resolve("spec.json"), spec);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
