package dev.trialbase.testkit;

import dev.trialbase.api.ApiVersion;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.pf4j.DefaultPluginManager;
import org.pf4j.PluginManager;
import org.pf4j.PluginWrapper;

/**
 * A plugin's packaged artifact loaded from a folder of its own by a real PF4J plugin manager,
 * under this build's API version, exactly as the host loads it: what a plugin's {@code *IT}
 * test needs before it uses an extension through the plugin's class loader. Close it to unload.
 */
public final class PackagedPlugin implements AutoCloseable {

  private final PluginManager manager;
  private final String pluginId;

  private PackagedPlugin(PluginManager manager, String pluginId) {
    this.manager = manager;
    this.pluginId = pluginId;
  }

  /**
   * Copies the artifact the build made (the {@code plugin.artifact} system property, set by the
   * plugins' parent pom for failsafe) into {@code folder}, then loads and starts it.
   */
  public static PackagedPlugin load(Path folder, String pluginId) throws IOException {
    Path artifact = Path.of(System.getProperty("plugin.artifact"));
    Files.copy(artifact, folder.resolve(artifact.getFileName()));
    PluginManager manager = new DefaultPluginManager(folder);
    manager.setSystemVersion(ApiVersion.current());
    manager.loadPlugins();
    manager.startPlugins();
    return new PackagedPlugin(manager, pluginId);
  }

  /** The plugin as PF4J sees it (its state, its descriptor). */
  public PluginWrapper plugin() {
    return manager.getPlugin(pluginId);
  }

  /** The plugin's extensions of {@code type}. */
  public <T> List<T> extensions(Class<T> type) {
    return manager.getExtensions(type, pluginId);
  }

  /**
   * Unloads the plugin. {@code unloadPlugins()} stops each plugin first; PF4J 3.15.0's
   * {@code stopPlugins()} throws a ConcurrentModificationException (pf4j/pf4j#656).
   */
  @Override
  public void close() {
    manager.unloadPlugins();
  }
}
