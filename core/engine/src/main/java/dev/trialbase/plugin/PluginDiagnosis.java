package dev.trialbase.plugin;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.zip.ZipFile;
import org.pf4j.DefaultPluginManager;
import org.pf4j.PluginDescriptor;
import org.pf4j.PluginManager;
import org.pf4j.PluginState;
import org.pf4j.PluginWrapper;

/**
 * Says, in the user's words and naming the file, why a plugin was refused: a corrupt jar, no
 * descriptor, an API version it does not accept, a failed start. PF4J 3.15 only logs most of
 * these, so they are found by watching each file load and by reading plugin states.
 */
final class PluginDiagnosis {

  private PluginDiagnosis() {
  }

  /** PF4J's manager, watching each file it loads so that a refused file can be named. */
  static final class CheckingPluginManager extends DefaultPluginManager {

    final List<String> failures = new ArrayList<>();
    final Set<Path> attempted = new HashSet<>();
    private final Set<Path> skipped;

    /** A manager for {@code roots} that does not load the folders in {@code skipped}. */
    CheckingPluginManager(List<Path> roots, Set<Path> skipped) {
      super(roots);
      this.skipped = Set.copyOf(skipped);
    }

    @Override
    protected PluginWrapper loadPluginFromPath(Path pluginPath) {
      attempted.add(normal(pluginPath));
      if (skipped.contains(normal(pluginPath))) {
        return null;   // StaleUnpackedPlugins said why
      }
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
  static String refusal(PluginManager manager, PluginWrapper wrapper) {
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
  static List<String> unreadFiles(List<Path> roots, Set<Path> attempted) {
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
  static String shown(Path path) {
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
  static String causes(Throwable t) {
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
}
