package dev.trialbase.spark;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The jars the driver gives its executors ({@code SparkContext.addJar}): every entry of its
 * class path that Spark itself does not provide, i.e. Trialbase's own classes and libraries
 * (core, API, Jackson's CSV and YAML formats, PF4J ...). Spark's jars are those in the folder
 * named by the system property {@code trialbase.spark.jars} (the launcher's
 * {@code spark/distribution/target/jars}); without it nothing is shipped, for a driver started by
 * {@code spark-submit --jars}. A class-path folder (a build's {@code target/classes}) is
 * shipped as a jar of its files.
 */
final class ShippedJars {

  static final String SPARK_JARS = "trialbase.spark.jars";

  private ShippedJars() {
  }

  /** The files to add with {@code addJar}; folders are packed into {@code scratch}. */
  static List<Path> forExecutors(Path scratch) {
    String sparkJars = System.getProperty(SPARK_JARS);
    if (sparkJars == null || sparkJars.isBlank()) {
      return List.of();
    }
    Set<String> spark = names(Path.of(sparkJars));
    List<Path> shipped = new ArrayList<>();
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      if (entry.isBlank()) {
        continue;
      }
      Path path = Path.of(entry).toAbsolutePath();
      if (Files.isDirectory(path)) {
        shipped.add(packed(path, scratch.resolve("classes-" + shipped.size() + ".jar")));
      } else if (Files.isRegularFile(path) && path.toString().endsWith(".jar")
          && !spark.contains(path.getFileName().toString())) {
        shipped.add(path);
      }
    }
    return shipped;
  }

  private static Set<String> names(Path folder) {
    try (Stream<Path> files = Files.list(folder)) {
      return files.map(p -> p.getFileName().toString()).collect(Collectors.toSet());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list Spark's jars in " + folder
          + " (the system property " + SPARK_JARS + ")", e);
    }
  }

  private static Path packed(Path folder, Path jar) {
    try (OutputStream file = Files.newOutputStream(jar);
        JarOutputStream out = new JarOutputStream(file);
        Stream<Path> tree = Files.walk(folder)) {
      for (Path p : (Iterable<Path>) tree.sorted()::iterator) {
        if (Files.isRegularFile(p)) {
          out.putNextEntry(new JarEntry(folder.relativize(p).toString().replace('\\', '/')));
          Files.copy(p, out);
          out.closeEntry();
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot pack " + folder + " for the executors", e);
    }
    return jar;
  }
}
