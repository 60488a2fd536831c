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
 * scripts of databases Flyway migrated are the very ones applied now.
 */
final class MigrationScripts {

  /** Where the migrations live. */
  static final String LOCATION = "db/migration";
  private static final Pattern NAME = Pattern.compile("V(\\d+)__([^/]*)\\.sql");

  private static volatile List<Script> all;

  private MigrationScripts() {
  }

  /** One script: its version, its description (the name's words) and its file name. */
  record Script(int version, String description, String fileName) {

    /** The script's SQL text. */
    String sql() {
      String resource = LOCATION + "/" + fileName;
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

  /** Every migration, lowest version first; empty when none can be listed. */
  static List<Script> all() {
    List<Script> scripts = all;
    if (scripts == null) {
      scripts = scan();
      all = scripts;
    }
    return scripts;
  }

  /** The newest version, 0 when no migration can be listed. */
  static int newest() {
    List<Script> scripts = all();
    return scripts.isEmpty() ? 0 : scripts.get(scripts.size() - 1).version();
  }

  private static List<Script> scan() {
    List<String> names = new ArrayList<>();
    try {
      URL location = MigrationScripts.class.getProtectionDomain().getCodeSource().getLocation();
      names.addAll(namesIn(Path.of(location.toURI())));
    } catch (IOException | URISyntaxException | RuntimeException unusualPackaging) {
      // Fall through to the class loader.
    }
    if (names.isEmpty()) {
      try {
        Enumeration<URL> dirs = MigrationScripts.class.getClassLoader().getResources(LOCATION);
        while (dirs.hasMoreElements()) {
          URL url = dirs.nextElement();
          if (url.getProtocol().equals("file")) {
            names.addAll(namesIn(Path.of(url.toURI()).getParent().getParent()));
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
        scripts.add(new Script(Integer.parseInt(m.group(1)), m.group(2).replace('_', ' '), name));
      }
    }
    scripts.sort(Comparator.comparingInt(Script::version));
    return List.copyOf(scripts);
  }

  /** The file names under {@link #LOCATION} in a class folder or jar. */
  private static List<String> namesIn(Path root) throws IOException {
    List<String> names = new ArrayList<>();
    if (Files.isDirectory(root)) {
      Path dir = root.resolve(LOCATION);
      if (Files.isDirectory(dir)) {
        try (Stream<Path> files = Files.list(dir)) {
          files.forEach(f -> names.add(f.getFileName().toString()));
        }
      }
    } else if (Files.isRegularFile(root)) {
      try (JarFile jar = new JarFile(root.toFile())) {
        for (Enumeration<JarEntry> e = jar.entries(); e.hasMoreElements(); ) {
          String name = e.nextElement().getName();
          if (name.startsWith(LOCATION + "/") && name.length() > LOCATION.length() + 1) {
            names.add(name.substring(LOCATION.length() + 1));
          }
        }
      }
    }
    return names;
  }
}
