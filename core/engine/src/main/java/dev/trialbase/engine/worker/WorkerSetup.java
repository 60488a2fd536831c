package dev.trialbase.engine.worker;

import dev.trialbase.spec.LoadedSpec;
import dev.trialbase.spec.SpecReader;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What a worker process needs to evaluate a run's trials: the run's spec as stored (canonical
 * JSON, seed filled in), its file and data paths, and the plugin directories the run loaded.
 * The same inputs as {@code resume}, so the worker prepares the very same run.
 */
record WorkerSetup(String specJson, Path specFile, Path trainFile, Path testFile,
    List<Path> pluginRoots) {

  /** The setup of {@code spec}'s run; a function run has no data files (both null). */
  static WorkerSetup of(LoadedSpec spec, List<Path> pluginRoots) {
    boolean data = spec.spec().data() != null;
    return new WorkerSetup(spec.toJson(), spec.file().toAbsolutePath(),
        data ? spec.trainFile().toAbsolutePath() : null,
        data && spec.testFile() != null ? spec.testFile().toAbsolutePath() : null, pluginRoots);
  }

  /** The spec again, as the run has it. */
  LoadedSpec spec() {
    return SpecReader.fromStored(specJson, specFile, trainFile, testFile);
  }

  void write(DataOutput out) throws IOException {
    Wire.writeText(out, specJson);
    Wire.writeText(out, specFile.toString());
    Wire.writeText(out, text(trainFile));
    Wire.writeText(out, text(testFile));
    out.writeInt(pluginRoots.size());
    for (Path root : pluginRoots) {
      Wire.writeText(out, root.toAbsolutePath().toString());
    }
  }

  static WorkerSetup read(DataInput in) throws IOException {
    String json = Wire.readText(in);
    Path spec = Path.of(Wire.readText(in));
    Path train = path(Wire.readText(in));
    Path test = path(Wire.readText(in));
    List<Path> roots = new ArrayList<>();
    for (int i = in.readInt(); i > 0; i--) {
      roots.add(Path.of(Wire.readText(in)));
    }
    return new WorkerSetup(json, spec, train, test, roots);
  }

  private static String text(Path path) {
    return path == null ? null : path.toString();
  }

  private static Path path(String text) {
    return text == null ? null : Path.of(text);
  }
}
