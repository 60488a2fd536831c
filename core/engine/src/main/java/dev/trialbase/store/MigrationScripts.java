package dev.trialbase.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The schema's migration scripts, {@code db/migration/V{version}__{name}.sql} next to this
 * class (in its jar or class folder), in version order. Flyway's naming, kept so that the
 * scripts of databases Flyway migrated are the very ones applied now. PostgreSQL's scripts
 * are in {@link #POSTGRESQL_LOCATION}, numbered in the same sequence: a version means the same
 * schema on both databases.
 */
final class MigrationScripts {

  /** Where the migrations live. */
  static final String LOCATION = "db/migration";
  /**
   * Where PostgreSQL's migrations live: beside {@link #LOCATION}, not in it, so that Flyway
   * (which scans its location's subfolders) never mixes them into SQLite's.
   */
  static final String POSTGRESQL_LOCATION = "db/postgresql";
  private static final Pattern NAME = Pattern.compile("V(\\d+)__([^/]*)\\.sql");

  private static final java.util.Map<String, List<Script>> ALL =
      new java.util.concurrent.ConcurrentHashMap<>();

  private MigrationScripts() {
  }

  /**
   * One script: its version, its description (the name's words), its file name and the folder
   * it is in.
   */
  record Script(int version, String description, String fileName, String folder) {

    /** The script's SQL text. */
    String sql() {
      String resource = folder + "/" + fileName;
      try (InputStream in = MigrationScripts.class.getClassLoader().getResourceAsStream(resource)) {
        if (in == null) {
          throw new StoreException("migration " + resource + " is missing from the build");
        }
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read migration " + resource, e);
      }
    }
  }

  /** Every SQLite migration, lowest version first; empty when none can be listed. */
  static List<Script> all() {
    return allIn(LOCATION);
  }

  /** Every migration in {@code folder}, lowest version first; empty when none is listed. */
  static List<Script> allIn(String folder) {
    return ALL.computeIfAbsent(folder, MigrationScripts::scan);
  }

  /** The newest SQLite version, 0 when no migration can be listed. */
  static int newest() {
    return newestIn(LOCATION);
  }

  /** The newest version in {@code folder}, 0 when no migration can be listed. */
  static int newestIn(String folder) {
    List<Script> scripts = allIn(folder);
    return scripts.isEmpty() ? 0 : scripts.get(scripts.size() - 1).version();
  }

  private static List<Script> scan(String folder) {
    List<String> names = new ArrayList<>();
    try {
      URL location = MigrationScripts.class.getProtectionDomain().getCodeSource().getLocation();
      names.addAll(namesIn(Path.of(location.toURI()), folder));
    } catch (IOException | URISyntaxException | RuntimeException unusualPackaging) {
      // Fall through to the class loader.
    }
    if (names.isEmpty()) {
      try {
        Enumeration<URL> dirs = MigrationScripts.class.getClassLoader().getResources(folder);
        while (dirs.hasMoreElements()) {
          URL url = dirs.nextElement();
          if (url.getProtocol().equals("file")) {
            Path root = Path.of(url.toURI());
            for (int i = 0; i < folder.split("/").length; i++) {
              root = root.getParent();
            }
            names.addAll(namesIn(root, folder));
          }
        }
      } catch (IOException | URISyntaxException | RuntimeException e) {
        // No scripts listed: the caller decides what that means.
      }
    }
    List<Script> scripts = new ArrayList<>();
    for (String name : names) {
      Matcher m = NAME.matcher(name);
      if (m.matches()) {
        scripts.add(new Script(Integer.parseInt(m.group(1)), m.group(2).replace('_', ' '), name,
            folder));
      }
    }
    scripts.sort(Comparator.comparingInt(Script::version));
    return List.copyOf(scripts);
  }

  /** The file names directly in {@code folder} in a class folder or jar. */
  private static List<String> namesIn(Path root, String folder) throws IOException {
    List<String> names = new ArrayList<>();
    if (Files.isDirectory(root)) {
      Path dir = root.resolve(folder);
      if (Files.isDirectory(dir)) {
        try (Stream<Path> files = Files.list(dir)) {
          files.forEach(f -> names.add(f.getFileName().toString()));
        }
      }
    } else if (Files.isRegularFile(root)) {
      try (JarFile jar = new JarFile(root.toFile())) {
        for (Enumeration<JarEntry> e = jar.entries(); e.hasMoreElements(); ) {
          String name = e.nextElement().getName();
          if (name.startsWith(folder + "/") && name.length() > folder.length() + 1) {
            names.add(name.substring(folder.length() + 1));
          }
        }
      }
    }
    return names;
  }
}
