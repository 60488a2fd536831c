package dev.trialbase.engine;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.trialbase.data.Sha256;
import dev.trialbase.plugin.PluginInfo;
import dev.trialbase.plugin.PluginRegistry;
import dev.trialbase.spec.LoadedSpec;
import dev.trialbase.spec.SpecReader;
import dev.trialbase.store.RunDetail;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a stored run back into something to execute — its spec with its seed and data paths —
 * and says where today's data or plugins differ from the run's provenance.
 */
public final class StoredRuns {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private StoredRuns() {
  }

  /** The run's spec as it ran: same seed, same data files. */
  public static LoadedSpec spec(RunDetail run) {
    if (run.trainSha256().isEmpty()) {   // a function run: no data files
      return SpecReader.fromStored(run.specJson(), Path.of(run.specPath()), null, null);
    }
    return SpecReader.fromStored(run.specJson(), Path.of(run.specPath()),
        Path.of(run.trainPath()), run.testPath() == null ? null : Path.of(run.testPath()));
  }

  /**
   * One line per difference between the run's provenance and now: a data file whose SHA-256
   * changed or that is gone, a plugin whose version changed or that is missing.
   */
  public static List<String> provenanceChanges(RunDetail run, PluginRegistry plugins) {
    return provenanceChanges(run, plugins, new Objectives(plugins, java.util.Map.of()));
  }

  /**
   * As above, with objective functions looked up in {@code objectives} (those given in code
   * too); an objective given in code compares by the version given with it.
   */
  public static List<String> provenanceChanges(RunDetail run, PluginRegistry plugins,
      Objectives objectives) {
    List<String> changes = new ArrayList<>();
    if (!run.trainSha256().isEmpty()) {   // a function run reads no data
      checkFile(changes, "training data", run.trainPath(), run.trainSha256());
    }
    if (run.testPath() != null) {
      checkFile(changes, "test data", run.testPath(), run.testSha256());
    }
    for (JsonNode used : usedPlugins(run)) {
      String role = used.path("role").asText();
      String name = used.path("name").asText();
      String version = used.path("version").asText();
      try {
        String nowVersion;
        if (role.equals("objective")) {
          nowVersion = objectives.originOf(objectives.find(name)).version();
        } else {
          Object extension = role.equals("strategy") ? plugins.strategy(name)
              : role.equals("pruner") ? plugins.pruner(name) : plugins.estimator(name);
          PluginInfo now = plugins.pluginOf(extension);
          nowVersion = now == null ? null : now.version();
        }
        if (nowVersion != null && !nowVersion.equals(version)) {
          changes.add(role + " '" + name + "' was version " + version + " (plugin "
              + used.path("plugin").asText() + "), now " + nowVersion);
        }
      } catch (RuntimeException missing) {
        changes.add(role + " '" + name + "' (version " + version + ") is not loaded now");
      }
    }
    return changes;
  }

  private static void checkFile(List<String> changes, String what, String path, String sha) {
    Path file = Path.of(path);
    if (!Files.isRegularFile(file)) {
      changes.add(what + " " + path + " is gone");
      return;
    }
    String now = Sha256.of(file);
    if (!now.equals(sha)) {
      changes.add(what + " " + path + " changed: SHA-256 was " + sha + ", now " + now);
    }
  }

  private static JsonNode usedPlugins(RunDetail run) {
    try {
      return JSON.readTree(run.pluginsJson());
    } catch (JsonProcessingException e) {
      return JSON.createArrayNode();
    }
  }
}
