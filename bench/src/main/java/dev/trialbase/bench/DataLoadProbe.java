package dev.trialbase.bench;

import dev.trialbase.data.DataRequest;
import dev.trialbase.data.FormatLookup;
import dev.trialbase.data.LoadMeasurement;
import dev.trialbase.plugin.PluginRegistry;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads one data file as a training set in a JVM of its own (so its heap and -Xmx are the
 * file's alone) and prints {@code load rows=.. cells=.. millis=.. retained=..}. ARFF is read
 * through the Weka plugin, loaded from the build's plugins folder as the CLI loads it.
 */
public final class DataLoadProbe {

  private DataLoadProbe() {
  }

  public static void main(String[] args) {
    try (PluginRegistry plugins = PluginRegistry.load(Env.pluginRoots())) {
      FormatLookup formats = () -> List.copyOf(plugins.formats().values());
      LoadMeasurement m = LoadMeasurement.of(Path.of(args[0]), DataRequest.defaults(), formats);
      System.out.println("load rows=" + m.rows() + " cells=" + m.cells() + " millis="
          + m.millis() + " retained=" + m.retainedBytes());
    }
  }
}
