package dev.trialbase.plugin;

import dev.trialbase.api.ApiVersion;
import dev.trialbase.api.Estimator;
import dev.trialbase.api.SearchStrategy;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.zip.ZipFile;
import org.pf4j.DefaultPluginManager;
import org.pf4j.PluginDescriptor;
import org.pf4j.PluginManager;
import org.pf4j.PluginState;
import org.pf4j.PluginWrapper;

/**
 * The strategies and estimators of the PF4J plugins found in some directories. Plugins are
 * loaded once; each extension is looked up by name once per run, never per trial.
 * The host's API version ({@link ApiVersion}) is PF4J's system version, so a plugin whose
 * {@code plugin.requires} excludes it is not started.
 *
 * <p>A file that cannot be used (a corrupt jar, a jar without a plugin descriptor, a plugin
 * requiring another API version, one that fails to start or whose extensions cannot be
 * created) is refused on its own: the others still load, and {@link #problems()} says what
 * was refused and why, naming the file. PF4J 3.15 only logs most of these, so they are found
 * here from the plugin states and by watching each file being loaded.
 */
public final class PluginRegistry implements AutoCloseable {

  private final PluginManager manager;
  private final List<String> problems;
  private final Map<String, SearchStrategy> strategies;
  private final Map<String, Estimator> estimators;

  private PluginRegistry(PluginManager manager, List<String> problems) {
    this.manager = manager;
    this.problems = problems;
    this.strategies = byName(SearchStrategy.class, SearchStrategy::name, "strategy");
    this.estimators = byName(Estimator.class, Estimator::name, "estimator");
    for (PluginWrapper wrapper : manager.getStartedPlugins()) {
      if (info(wrapper).provides().isEmpty()) {
        problems.add("plugin '" + wrapper.getPluginId() + "' (" + shown(wrapper.getPluginPath())
            + ") provides no strategy or estimator: is it built against trialbase-api "
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
    CheckingPluginManager manager = new CheckingPluginManager(existing);
    manager.setSystemVersion(ApiVersion.current());
    List<String> problems = new ArrayList<>();
    if (!existing.isEmpty()) {
      try {
        manager.loadPlugins();
      } catch (RuntimeException e) {
        problems.add("cannot load every plugin in " + existing + ": " + causes(e));
      }
      try {
        manager.startPlugins();   // marks a plugin that fails to start FAILED, and goes on
      } catch (RuntimeException e) {
        problems.add("cannot start every plugin in " + existing + ": " + causes(e));
      }
    }
    problems.addAll(manager.failures);
    problems.addAll(unreadFiles(existing, manager.attempted));
    for (PluginWrapper wrapper : manager.getPlugins()) {
      if (wrapper.getPluginState() != PluginState.STARTED) {
        problems.add(refusal(manager, wrapper));
      }
    }
    return new PluginRegistry(manager, problems);
  }

  /**
   * What was refused and why, one message per file (or per extension), such as
   * {@code refused /p/x.jar: plugin 'x' 1.0 requires Trialbase API >=0.2.0 but this is 0.1.0}.
   * Empty when every plugin loaded.
   */
  public List<String> problems() {
    return List.copyOf(problems);
  }

  /** PF4J's manager, watching each file it loads so that a refused file can be named. */
  private static final class CheckingPluginManager extends DefaultPluginManager {

    final List<String> failures = new ArrayList<>();
    final Set<Path> attempted = new HashSet<>();

    CheckingPluginManager(List<Path> roots) {
      super(roots);
    }

    @Override
    protected PluginWrapper loadPluginFromPath(Path pluginPath) {
      attempted.add(normal(pluginPath));
      try {
        return super.loadPluginFromPath(pluginPath);
      } catch (RuntimeException e) {
        failures.add("refused " + shown(pluginPath) + ": " + loadFailure(pluginPath, e));
        throw e;
      }
    }

    /** Why {@code path} could not be loaded, in the user's words rather than PF4J's. */
    private String loadFailure(Path path, RuntimeException e) {
      if (Files.isRegularFile(path)) {
        try (ZipFile zip = new ZipFile(path.toFile())) {
          zip.size();
        } catch (IOException unreadable) {
          return "not a valid plugin (not a readable jar or zip: " + unreadable.getMessage() + ")";
        }
      }
      PluginDescriptor descriptor;
      try {
        descriptor = getPluginDescriptorFinder().find(path);
      } catch (RuntimeException noDescriptor) {
        // PF4J's own message here only repeats the path ("No PluginDescriptorFinder for ...").
        String why = causes(noDescriptor);
        return "not a valid plugin (no plugin.properties or manifest)"
            + (why.startsWith("No PluginDescriptorFinder") ? "" : ": " + why);
      }
      String id = descriptor.getPluginId();
      if (id == null || id.isBlank()) {
        return "not a valid plugin (no plugin.id in plugin.properties or the manifest)";
      }
      if (descriptor.getVersion() == null || descriptor.getVersion().isBlank()) {
        return "not a valid plugin (plugin '" + id + "' has no plugin.version)";
      }
      PluginWrapper loaded = getPlugin(id);
      if (loaded != null) {
        return "plugin '" + id + "' is already loaded from " + shown(loaded.getPluginPath());
      }
      return "cannot load plugin '" + id + "': " + causes(e);
    }
  }

  /** Why a loaded plugin was not started. */
  private static String refusal(PluginManager manager, PluginWrapper wrapper) {
    PluginDescriptor d = wrapper.getDescriptor();
    String head = "refused " + shown(wrapper.getPluginPath()) + ": plugin '" + d.getPluginId()
        + "' " + d.getVersion();
    String requires = d.getRequires() == null ? "*" : d.getRequires().trim();
    if (!requires.isEmpty() && !requires.equals("*") && !satisfied(manager, requires)) {
      return head + " requires Trialbase API " + requires + " but this is "
          + manager.getSystemVersion();
    }
    Throwable failed = wrapper.getFailedException();
    if (wrapper.getPluginState() == PluginState.FAILED) {
      return head + " failed to start" + (failed == null ? "" : ": " + causes(failed));
    }
    if (wrapper.getPluginState() == PluginState.DISABLED) {
      return head + " is disabled (enabled.txt or disabled.txt in its plugins directory)";
    }
    return head + " was not started (state " + wrapper.getPluginState() + ")"
        + (failed == null ? "" : ": " + causes(failed));
  }

  /** PF4J's own reading of {@code requires}: a bare version {@code x.y.z} means {@code >=x.y.z}. */
  private static boolean satisfied(PluginManager manager, String requires) {
    String expression = requires.matches("^\\d+\\.\\d+\\.\\d+$") ? ">=" + requires : requires;
    try {
      return manager.getVersionManager().checkVersionConstraint(manager.getSystemVersion(),
          expression);
    } catch (RuntimeException unparsable) {
      return false;
    }
  }

  /**
   * Jars and zips in {@code roots} that PF4J never tried to load: it skips a zip it cannot
   * unpack, saying nothing.
   */
  private static List<String> unreadFiles(List<Path> roots, Set<Path> attempted) {
    List<String> out = new ArrayList<>();
    for (Path root : roots) {
      try (DirectoryStream<Path> files = Files.newDirectoryStream(root)) {
        for (Path file : files) {
          String name = file.getFileName().toString();
          String lower = name.toLowerCase(Locale.ROOT);
          if (name.startsWith(".") || !Files.isRegularFile(file)
              || !(lower.endsWith(".jar") || lower.endsWith(".zip"))) {
            continue;
          }
          Path unpacked = file.resolveSibling(name.substring(0, name.length() - 4));
          if (attempted.contains(normal(file)) || attempted.contains(normal(unpacked))) {
            continue;
          }
          String why;
          try (ZipFile zip = new ZipFile(file.toFile())) {
            why = "not loaded (PF4J did not unpack it; " + zip.size() + " entries)";
          } catch (IOException e) {
            why = "not a valid plugin (not a readable jar or zip: " + e.getMessage() + ")";
          }
          out.add("refused " + shown(file) + ": " + why);
        }
      } catch (IOException e) {
        out.add("cannot list plugins directory " + shown(root) + ": " + e.getMessage());
      }
    }
    return out;
  }

  private static Path normal(Path path) {
    return path.toAbsolutePath().normalize();
  }

  /** A plugin's file as the user knows it: the zip, for a zip plugin PF4J unpacked. */
  private static String shown(Path path) {
    Path p = normal(path);
    if (Files.isDirectory(p)) {
      for (String ext : new String[] {".zip", ".ZIP", ".Zip"}) {
        Path zip = p.resolveSibling(p.getFileName() + ext);
        if (Files.isRegularFile(zip)) {
          return zip.toString();
        }
      }
    }
    return p.toString();
  }

  /** The messages of {@code t} and its causes, without repeats. */
  private static String causes(Throwable t) {
    StringBuilder out = new StringBuilder();
    Set<String> seen = new HashSet<>();
    for (Throwable c = t; c != null && seen.size() < 5; c = c.getCause()) {
      String m = c.getMessage() == null ? c.getClass().getSimpleName() : c.getMessage();
      if (seen.add(m)) {
        out.append(out.length() == 0 ? "" : ": ").append(m);
      }
    }
    return out.toString();
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
            + ": cannot create it: " + causes(e));
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
        : "plugin '" + w.getPluginId() + "' (" + shown(w.getPluginPath()) + ")";
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
