package dev.trialbase.plugin;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Keeps PF4J from loading an old version of a zip plugin after an upgrade. PF4J unpacks
 * {@code x.zip} into the folder {@code x/} and unpacks again only when the zip's modification
 * time is strictly newer than the folder's, so a new zip copied with its old time kept
 * ({@code cp -p}, an unpacked archive) leaves the old classes in use; and a zip renamed with
 * its version ({@code p-1.0.zip} to {@code p-2.0.zip}) leaves {@code p-1.0/} behind, a second
 * copy of the plugin.
 *
 * <p>Before PF4J loads, this deletes an unpacked folder whose zip is newer or whose
 * {@code plugin.properties} (id or version) differs from the zip's, so PF4J unpacks the zip
 * afresh; and it sets aside (does not load, does not delete) a folder with no zip of its own
 * whose plugin id a zip in the same directory has: the zip wins, with a warning naming both.
 */
final class StaleUnpackedPlugins {

  /** Folders not to load, and why, as warnings (a folder re-unpacked is no warning). */
  record Result(Set<Path> skipped, List<String> warnings) {
  }

  private StaleUnpackedPlugins() {
  }

  /** Checks each zip plugin of {@code roots} against its unpacked folder; see the class. */
  static Result clean(List<Path> roots) {
    Set<Path> skipped = new HashSet<>();
    List<String> warnings = new ArrayList<>();
    for (Path root : roots) {
      Map<String, Path> zipsById = new HashMap<>();
      List<Path> folders = new ArrayList<>();
      for (Path file : entries(root, warnings)) {
        String name = file.getFileName().toString();
        if (name.startsWith(".")) {
          continue;
        }
        if (Files.isRegularFile(file) && name.toLowerCase(Locale.ROOT).endsWith(".zip")) {
          Properties zipped = zipProperties(file);
          if (zipped == null) {
            continue;   // not a readable plugin zip: PluginDiagnosis names it
          }
          zipsById.putIfAbsent(zipped.getProperty("plugin.id", ""), file);
          Path folder = file.resolveSibling(name.substring(0, name.length() - 4));
          String why = staleness(file, zipped, folder);
          if (why != null) {
            try {
              deleteTree(folder);   // PF4J unpacks the zip afresh: an upgrade, not a problem
            } catch (IOException e) {
              skipped.add(folder.toAbsolutePath().normalize());
              warnings.add("refused " + folder.toAbsolutePath().normalize() + ": the unpacked "
                  + "folder of " + PluginDiagnosis.shown(file) + " " + why + " but cannot be "
                  + "deleted (" + e.getMessage() + "); delete it by hand");
            }
          }
        } else if (Files.isDirectory(file)) {
          folders.add(file);
        }
      }
      for (Path folder : folders) {
        String name = folder.getFileName().toString();
        if (Files.isRegularFile(folder.resolveSibling(name + ".zip"))) {
          continue;
        }
        Properties own = folderProperties(folder);
        Path zip = own == null ? null : zipsById.get(own.getProperty("plugin.id", ""));
        if (zip != null) {
          skipped.add(folder.toAbsolutePath().normalize());
          warnings.add("ignored " + PluginDiagnosis.shown(folder) + ": plugin '"
              + own.getProperty("plugin.id") + "' " + own.getProperty("plugin.version", "")
              + " is left from an earlier zip; " + PluginDiagnosis.shown(zip)
              + " replaces it (delete the folder)");
        }
      }
    }
    return new Result(Set.copyOf(skipped), List.copyOf(warnings));
  }

  /** Why {@code folder} no longer matches {@code zip}, or {@code null} when it does or is absent. */
  private static String staleness(Path zip, Properties zipped, Path folder) {
    if (!Files.isDirectory(folder)) {
      return null;
    }
    Properties unpacked = folderProperties(folder);
    if (unpacked == null) {
      return "has no plugin.properties";
    }
    for (String key : List.of("plugin.id", "plugin.version")) {
      String was = unpacked.getProperty(key, "");
      String is = zipped.getProperty(key, "");
      if (!was.equals(is)) {
        return "holds " + key + " " + was + " but the zip " + is;
      }
    }
    try {
      if (Files.getLastModifiedTime(zip).compareTo(Files.getLastModifiedTime(folder)) > 0) {
        return "is older than the zip";
      }
    } catch (IOException e) {
      return null;   // PF4J makes the same comparison and will report the file
    }
    return null;
  }

  private static List<Path> entries(Path root, List<String> warnings) {
    List<Path> out = new ArrayList<>();
    try (DirectoryStream<Path> files = Files.newDirectoryStream(root)) {
      files.forEach(out::add);
    } catch (IOException e) {
      warnings.add("cannot list plugins directory " + PluginDiagnosis.shown(root) + ": "
          + e.getMessage());
    }
    return out;
  }

  /** The zip's root {@code plugin.properties}, or {@code null} when there is none to read. */
  private static Properties zipProperties(Path zip) {
    try (ZipFile file = new ZipFile(zip.toFile())) {
      ZipEntry entry = file.getEntry("plugin.properties");
      if (entry == null) {
        return null;
      }
      try (InputStream in = file.getInputStream(entry)) {
        Properties p = new Properties();
        p.load(in);
        return p;
      }
    } catch (IOException | IllegalArgumentException e) {
      return null;
    }
  }

  private static Properties folderProperties(Path folder) {
    Path file = folder.resolve("plugin.properties");
    if (!Files.isRegularFile(file)) {
      return null;
    }
    try (InputStream in = Files.newInputStream(file)) {
      Properties p = new Properties();
      p.load(in);
      return p;
    } catch (IOException | IllegalArgumentException e) {
      return null;
    }
  }

  private static void deleteTree(Path folder) throws IOException {
    try (Stream<Path> all = Files.walk(folder)) {
      for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
