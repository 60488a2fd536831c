package dev.trialbase.data;

import dev.trialbase.api.Dataset;
import java.nio.file.Path;

/**
 * The engine's former entry for CSV files, kept only until it calls {@link DataFiles}; to be
 * deleted then.
 */
public final class CsvDatasets {

  private CsvDatasets() {
  }

  /** Reads {@code file}, taking {@code target} as the target column. */
  public static Dataset read(Path file, String target) {
    return DataFiles.readTrain(file, DataRequest.target(target), FormatLookup.builtIn());
  }

  /** Reads {@code file} as a test set aligned to {@code train}. */
  public static Dataset readLike(Path file, String target, Dataset train) {
    return DataFiles.readTest(file, train, DataRequest.target(target), FormatLookup.builtIn())
        .dataset();
  }
}
