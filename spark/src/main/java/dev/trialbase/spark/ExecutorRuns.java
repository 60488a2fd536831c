package dev.trialbase.spark;

import dev.trialbase.engine.TrialFunction;
import dev.trialbase.plugin.PluginRegistry;
import dev.trialbase.spec.LoadedSpec;
import dev.trialbase.spec.SpecReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import org.apache.spark.SparkFiles;

/**
 * The executor JVM's side: the run it is preparing trials for, prepared once per JVM per run
 * (plugins loaded, data read, folds made) and kept for the run's later tasks. One run at a
 * time: a task of another run replaces it. Thread-safe: the executor's task threads share it.
 */
final class ExecutorRuns {

  private static String key;
  private static TrialFunction current;
  private static PluginRegistry plugins;

  private ExecutorRuns() {
  }

  /** The prepared run of {@code payload}, preparing it on the first call in this JVM. */
  static synchronized TrialFunction of(RunPayload payload) {
    if (!payload.runKey().equals(key)) {
      if (plugins != null) {
        plugins.close();
      }
      current = null;
      key = null;
      Path dir = scratch(payload.runKey());
      plugins = PluginRegistry.load(List.of(pluginsIn(payload, dir.resolve("plugins"))));
      current = TrialFunction.prepare(spec(payload, dir.resolve("data")), plugins);
      key = payload.runKey();
    }
    return current;
  }

  /** The distributed plugin files copied into a folder of their own, where zips may unpack. */
  private static Path pluginsIn(RunPayload payload, Path dir) {
    try {
      Files.createDirectories(dir);
      for (String name : payload.pluginFiles()) {
        Files.copy(Path.of(SparkFiles.get(name)), dir.resolve(name),
            StandardCopyOption.REPLACE_EXISTING);
      }
      return dir;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot put the plugins in place in " + dir, e);
    }
  }

  /** The spec as stored, its data files written out under their own names. */
  private static LoadedSpec spec(RunPayload payload, Path dir) {
    try {
      Files.createDirectories(dir);
      Path train = write(dir.resolve("train"), payload.train());
      Path test = write(dir.resolve("test"), payload.test());
      return SpecReader.fromStored(payload.specJson(), dir.resolve(payload.specName()), train,
          test);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the run's data in " + dir, e);
    }
  }

  private static Path write(Path dir, RunPayload.DataFile file) throws IOException {
    if (file == null) {
      return null;
    }
    return Files.write(Files.createDirectories(dir).resolve(file.name()), file.bytes());
  }

  private static Path scratch(String runKey) {
    try {
      Path dir = Path.of(SparkFiles.getRootDirectory()).resolve("trialbase-" + runKey);
      return Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
