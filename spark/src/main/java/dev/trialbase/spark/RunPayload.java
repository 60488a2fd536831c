package dev.trialbase.spark;

import dev.trialbase.spec.LoadedSpec;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * What an executor needs to prepare a run, broadcast once per run: the stored spec (canonical
 * JSON, seed filled in), the train and test files' bytes under their own names (the format is
 * told by the file name), and the names of the plugin files Spark distributes
 * ({@code SparkContext.addFile}). The same inputs as {@code resume}, so every executor
 * prepares the very run the driver did. Immutable.
 *
 * @param runKey unique per run started by this driver: the executors' cache key
 */
record RunPayload(String runKey, String specJson, String specName, DataFile train,
    DataFile test, List<String> pluginFiles) implements Serializable {

  /** One data file: its name and bytes. */
  record DataFile(String name, byte[] bytes) implements Serializable {

    static DataFile read(Path path) {
      if (path == null) {
        return null;
      }
      try {
        return new DataFile(path.getFileName().toString(), Files.readAllBytes(path));
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + path + " to send it to Spark", e);
      }
    }
  }

  static RunPayload of(String runKey, LoadedSpec spec, List<String> pluginFiles) {
    boolean data = spec.spec().data() != null;
    return new RunPayload(runKey, spec.toJson(), spec.file().getFileName().toString(),
        data ? DataFile.read(spec.trainFile()) : null,
        data ? DataFile.read(spec.testFile()) : null, List.copyOf(pluginFiles));
  }
}
