package dev.trialbase.plugin;

import dev.trialbase.api.ApiVersion;
import dev.trialbase.api.DataFormat;
import dev.trialbase.api.Estimator;
import dev.trialbase.api.ObjectiveFunction;
import dev.trialbase.api.Pruner;
import dev.trialbase.api.SearchStrategy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.pf4j.PluginManager;
import org.pf4j.PluginState;
import org.pf4j.PluginWrapper;

/**
 * The strategies, estimators and pruners of the PF4J plugins found in some directories. Plugins are
 * loaded once; each extension is looked up by name once per run, never per trial.
 * The host's API version ({@link ApiVersion}) is PF4J's system version, so a plugin whose
 * {@code plugin.requires} excludes it is not started.
 *
 * <p>A file that cannot be used (a corrupt jar, a jar without a plugin descriptor, a plugin
 * requiring another API version, one that fails to start or whose extensions cannot be
 * created) is refused on its own: the others still load, and {@link #problems()} says what
 * was refused and why, naming the file. PF4J 3.15 only logs most of these, so they are found
 * here from the plugin states and by watching each file being loaded.
 *
 * <p>Before loading, a zip plugin's unpacked folder that no longer matches its zip is deleted
 * so that PF4J unpacks the new version, and a folder left from an earlier zip of the same
 * plugin is not loaded ({@link StaleUnpackedPlugins}).
 */
public final class PluginRegistry implements AutoCloseable {

  private final PluginManager manager;
  private final List<Path> roots;
  private final List<String> problems;
  private final Map<String, SearchStrategy> strategies;
  private final Map<String, Estimator> estimators;
  private final Map<String, DataFormat> formats;
  private final Map<String, Pruner> pruners;
  private final Map<String, ObjectiveFunction> objectives;

  private PluginRegistry(PluginManager manager, List<Path> roots, List<String> problems) {
    this.manager = manager;
    this.roots = roots;
    this.problems = problems;
    this.strategies = byName(SearchStrategy.class, SearchStrategy::name, "strategy");
    this.estimators = byName(Estimator.class, Estimator::name, "estimator");
    this.formats = byName(DataFormat.class, DataFormat::name, "data format");
    this.pruners = byName(Pruner.class, Pruner::name, "pruner");
    this.objectives = byName(ObjectiveFunction.class, ObjectiveFunction::name, "objective");
    for (PluginWrapper wrapper : manager.getStartedPlugins()) {
      if (info(wrapper).provides().isEmpty()) {
        problems.add("plugin '" + wrapper.getPluginId() + "' (" + PluginDiagnosis.shown(wrapper.getPluginPath())
            + ") provides no strategy, estimator, data format or pruner: is it built against trialbase-api "
            + ApiVersion.current() + " with trialbase-api and pf4j in 'provided' scope, and "
            + "does it contain META-INF/extensions.idx?");
      }
    }
  }

  /**
   * Loads and starts every plugin in the existing directories among {@code roots}. Never fails
   * because of one plugin: see {@link #problems()}.
   */
  public static PluginRegistry load(List<Path> roots) {
    List<Path> existing = roots.stream().filter(Files::isDirectory).distinct().toList();
    StaleUnpackedPlugins.Result stale = StaleUnpackedPlugins.clean(existing);
    PluginDiagnosis.CheckingPluginManager manager =
        new PluginDiagnosis.CheckingPluginManager(existing, stale.skipped());
    manager.setSystemVersion(ApiVersion.current());
    List<String> problems = new ArrayList<>(stale.warnings());
    if (!existing.isEmpty()) {
      try {
        manager.loadPlugins();
      } catch (RuntimeException e) {
        problems.add("cannot load every plugin in " + existing + ": " + PluginDiagnosis.causes(e));
      }
      try {
        manager.startPlugins();   // marks a plugin that fails to start FAILED, and goes on
      } catch (RuntimeException e) {
        problems.add("cannot start every plugin in " + existing + ": " + PluginDiagnosis.causes(e));
      }
    }
    problems.addAll(manager.failures);
    problems.addAll(PluginDiagnosis.unreadFiles(existing, manager.attempted));
    for (PluginWrapper wrapper : manager.getPlugins()) {
      if (wrapper.getPluginState() != PluginState.STARTED) {
        problems.add(PluginDiagnosis.refusal(manager, wrapper));
      }
    }
    return new PluginRegistry(manager, existing, problems);
  }

  /** The plugin directories this registry loaded from, for a worker process to load the same. */
  public List<Path> roots() {
    return roots;
  }

  /**
   * What was refused and why, one message per file (or per extension), such as
   * {@code refused /p/x.jar: plugin 'x' 1.0 requires Trialbase API >=0.2.0 but this is 0.1.0}.
   * Empty when every plugin loaded.
   */
  public List<String> problems() {
    return List.copyOf(problems);
  }

  /**
   * One instance of each extension of {@code type}, by name. An extension that cannot be
   * created, or whose name another extension already has, is left out and reported.
   */
  private <T> Map<String, T> byName(Class<T> type, Function<T, String> name, String kind) {
    Map<String, T> out = new LinkedHashMap<>();
    for (Class<? extends T> c : manager.getExtensionClasses(type)) {
      T extension;
      String n;
      try {
        extension = manager.getExtensionFactory().create(c);
        n = name.apply(extension);
      } catch (RuntimeException | LinkageError e) {
        problems.add("ignored " + kind + " " + c.getName() + " of " + origin(c)
            + ": cannot create it: " + PluginDiagnosis.causes(e));
        continue;
      }
      T previous = out.putIfAbsent(n, extension);
      if (previous != null) {
        problems.add("ignored " + kind + " '" + n + "' of " + origin(c) + ": "
            + origin(previous.getClass()) + " already provides it");
      }
    }
    return out;
  }

  /** Where an extension class comes from, for messages. */
  private String origin(Class<?> c) {
    PluginWrapper w = manager.whichPlugin(c);
    return w == null ? "the host's class path"
        : "plugin '" + w.getPluginId() + "' (" + PluginDiagnosis.shown(w.getPluginPath()) + ")";
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

  /** The pruner named {@code name}; the error lists the available ones. */
  public Pruner pruner(String name) {
    Pruner p = pruners.get(name);
    if (p == null) {
      throw new UnknownComponentException("no pruner '" + name + "'; available: "
          + available(pruners));
    }
    return p;
  }

  private static String available(Map<String, ?> byName) {
    return byName.isEmpty() ? "none (is the plugins directory right?)"
        : String.join(", ", byName.keySet());
  }

  /** The objective function named {@code name}; the error lists the available ones. */
  public ObjectiveFunction objective(String name) {
    ObjectiveFunction o = objectives.get(name);
    if (o == null) {
      throw new UnknownComponentException("no objective function '" + name + "'; available: "
          + available(objectives));
    }
    return o;
  }

  /** The objective functions plugins provide, by name. */
  public Map<String, ObjectiveFunction> objectives() {
    return objectives;
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
    List<PluginInfo.Extension> extensions = new ArrayList<>();
    addExtensions(wrapper, "strategy", strategies, SearchStrategy::description, extensions);
    addExtensions(wrapper, "estimator", estimators, Estimator::description, extensions);
    addExtensions(wrapper, "format", formats, DataFormat::description, extensions);
    addExtensions(wrapper, "pruner", pruners, Pruner::description, extensions);
    addExtensions(wrapper, "objective", objectives, ObjectiveFunction::description, extensions);
    return new PluginInfo(wrapper.getPluginId(), wrapper.getDescriptor().getVersion(),
        wrapper.getDescriptor().getPluginDescription(), wrapper.getPluginPath(),
        List.copyOf(extensions));
  }

  /** The extensions of {@code byName} that {@code wrapper} provides, with their descriptions. */
  private <T> void addExtensions(PluginWrapper wrapper, String kind, Map<String, T> byName,
      Function<T, String> description, List<PluginInfo.Extension> into) {
    byName.forEach((name, extension) -> {
      if (manager.whichPlugin(extension.getClass()) == wrapper) {
        into.add(new PluginInfo.Extension(kind, name, describe(extension, description)));
      }
    });
  }

  /** An extension's description; a plugin whose {@code description()} throws shows none. */
  private static <T> String describe(T extension, Function<T, String> description) {
    try {
      String d = description.apply(extension);
      return d == null ? "" : d;
    } catch (RuntimeException | LinkageError e) {
      return "";
    }
  }

  public Map<String, SearchStrategy> strategies() {
    return strategies;
  }

  public Map<String, Estimator> estimators() {
    return estimators;
  }

  /** The data formats plugins provide (ARFF from the Weka plugin), by name. */
  public Map<String, DataFormat> formats() {
    return formats;
  }

  /** The pruners plugins provide, by name. */
  public Map<String, Pruner> pruners() {
    return pruners;
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
