package dev.trialbase.plugin;

import dev.trialbase.api.ApiVersion;
import dev.trialbase.api.Estimator;
import dev.trialbase.api.SearchStrategy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.pf4j.DefaultPluginManager;
import org.pf4j.PluginManager;
import org.pf4j.PluginWrapper;

/**
 * The strategies and estimators of the PF4J plugins found in some directories. Plugins are
 * loaded once; each extension is looked up by name once per run, never per trial.
 * The host's API version ({@link ApiVersion}) is PF4J's system version, so a plugin whose
 * {@code plugin.requires} excludes it is not started.
 */
public final class PluginRegistry implements AutoCloseable {

  private final PluginManager manager;
  private final Map<String, SearchStrategy> strategies;
  private final Map<String, Estimator> estimators;

  private PluginRegistry(PluginManager manager) {
    this.manager = manager;
    this.strategies = byName(manager.getExtensions(SearchStrategy.class), SearchStrategy::name);
    this.estimators = byName(manager.getExtensions(Estimator.class), Estimator::name);
  }

  /** Loads and starts every plugin in the existing directories among {@code roots}. */
  public static PluginRegistry load(List<Path> roots) {
    List<Path> existing = roots.stream().filter(Files::isDirectory).distinct().toList();
    DefaultPluginManager manager = new DefaultPluginManager(existing);
    manager.setSystemVersion(ApiVersion.current());
    if (!existing.isEmpty()) {
      manager.loadPlugins();
      manager.startPlugins();
    }
    return new PluginRegistry(manager);
  }

  private static <T> Map<String, T> byName(List<T> extensions, Function<T, String> name) {
    Map<String, T> out = new LinkedHashMap<>();
    for (T extension : extensions) {
      T previous = out.putIfAbsent(name.apply(extension), extension);
      if (previous != null) {
        throw new IllegalStateException("two plugins provide '" + name.apply(extension) + "': "
            + extension.getClass().getName() + " and " + previous.getClass().getName());
      }
    }
    return out;
  }

  /** The strategy named {@code name}; the error lists the available ones. */
  public SearchStrategy strategy(String name) {
    SearchStrategy s = strategies.get(name);
    if (s == null) {
      throw new UnknownComponentException("no strategy '" + name + "'; available: "
          + available(strategies));
    }
    return s;
  }

  /** The estimator named {@code name}; the error lists the available ones. */
  public Estimator estimator(String name) {
    Estimator e = estimators.get(name);
    if (e == null) {
      throw new UnknownComponentException("no estimator '" + name + "'; available: "
          + available(estimators));
    }
    return e;
  }

  private static String available(Map<String, ?> byName) {
    return byName.isEmpty() ? "none (is the plugins directory right?)"
        : String.join(", ", byName.keySet());
  }

  /** The plugin providing {@code extension}, or {@code null} for one on the host's classpath. */
  public PluginInfo pluginOf(Object extension) {
    PluginWrapper wrapper = manager.whichPlugin(extension.getClass());
    return wrapper == null ? null : info(wrapper);
  }

  /** Every started plugin, in load order. */
  public List<PluginInfo> plugins() {
    return manager.getStartedPlugins().stream().map(this::info).toList();
  }

  private PluginInfo info(PluginWrapper wrapper) {
    List<String> provides = new ArrayList<>();
    strategies.forEach((name, s) -> {
      if (manager.whichPlugin(s.getClass()) == wrapper) {
        provides.add("strategy " + name);
      }
    });
    estimators.forEach((name, e) -> {
      if (manager.whichPlugin(e.getClass()) == wrapper) {
        provides.add("estimator " + name);
      }
    });
    return new PluginInfo(wrapper.getPluginId(), wrapper.getDescriptor().getVersion(),
        wrapper.getDescriptor().getPluginDescription(), wrapper.getPluginPath(),
        List.copyOf(provides));
  }

  public Map<String, SearchStrategy> strategies() {
    return strategies;
  }

  public Map<String, Estimator> estimators() {
    return estimators;
  }

  /**
   * Stops and unloads every plugin, closing their class loaders. (PF4J 3.15's
   * {@code stopPlugins()} fails with a ConcurrentModificationException; {@code unloadPlugins()}
   * stops each plugin itself.)
   */
  @Override
  public void close() {
    manager.unloadPlugins();
  }
}
