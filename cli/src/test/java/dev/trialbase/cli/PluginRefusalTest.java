package dev.trialbase.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trialbase.plugin.PluginRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A user plugins directory holding a plugin built for another API version, a corrupt jar, a
 * corrupt zip, a jar that is no plugin, one whose plugin.properties has no id and a second
 * copy of a built-in plugin: each is refused with a message naming the file, and the built-in
 * plugins still load and run.
 */
class PluginRefusalTest {

  /** The plugins the build staged (the launcher's built-in plugin root). */
  static final Path BUILTIN = Path.of(System.getProperty("trialbase.builtin.plugins"));

  @TempDir
  static Path user;

  static Path future;
  static Path corruptJar;
  static Path corruptZip;
  static Path notAPlugin;
  static Path noId;
  static Path duplicate;

  @BeforeAll
  static void fillTheUserPluginsDirectory() throws IOException {
    Path grid = BUILTIN.resolve("grid-search-0.2.0.jar");
    future = user.resolve("future-grid-9.0.0.jar");
    rewrite(grid, future, Map.of("plugin.id", "future-grid", "plugin.version", "9.0.0",
        "plugin.requires", ">=9.0.0"));
    Random random = new Random(5);
    byte[] junk = new byte[4096];
    random.nextBytes(junk);
    corruptJar = Files.write(user.resolve("corrupt.jar"), junk);
    random.nextBytes(junk);
    corruptZip = Files.write(user.resolve("corrupt.zip"), junk);
    notAPlugin = user.resolve("not-a-plugin.jar");
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(notAPlugin))) {
      out.putNextEntry(new JarEntry("readme.txt"));
      out.write("just a jar".getBytes(StandardCharsets.UTF_8));
    }
    noId = user.resolve("no-id.jar");
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(noId))) {
      out.putNextEntry(new JarEntry("plugin.properties"));
      out.write("plugin.version=1.0.0\n".getBytes(StandardCharsets.ISO_8859_1));
    }
    duplicate = Files.copy(BUILTIN.resolve("random-search-0.2.0.jar"),
        user.resolve("random-search-copy.jar"));
  }

  /** Copies jar {@code from} to {@code to}, replacing keys of its plugin.properties. */
  private static void rewrite(Path from, Path to, Map<String, String> replace) throws IOException {
    try (JarFile in = new JarFile(from.toFile());
        JarOutputStream out = new JarOutputStream(Files.newOutputStream(to))) {
      for (Enumeration<JarEntry> e = in.entries(); e.hasMoreElements(); ) {
        JarEntry entry = e.nextElement();
        out.putNextEntry(new JarEntry(entry.getName()));
        try (InputStream body = in.getInputStream(entry)) {
          if (entry.getName().equals("plugin.properties")) {
            StringBuilder text = new StringBuilder();
            for (String line : new String(body.readAllBytes(), StandardCharsets.ISO_8859_1)
                .split("\n")) {
              String key = line.contains("=") ? line.substring(0, line.indexOf('=')) : "";
              text.append(replace.containsKey(key) ? key + "=" + replace.get(key) : line)
                  .append('\n');
            }
            out.write(text.toString().getBytes(StandardCharsets.ISO_8859_1));
          } else {
            body.transferTo(out);
          }
        }
      }
    }
  }

  @Test
  void eachBadFileIsRefusedByNameAndTheOthersStillLoad() {
    try (PluginRegistry registry = PluginRegistry.load(List.of(BUILTIN, user))) {
      List<String> problems = registry.problems();

      assertThat(problems).hasSize(6);
      assertThat(problems).anySatisfy(p -> assertThat(p)
          .isEqualTo("refused " + future + ": plugin 'future-grid' 9.0.0 requires Trialbase API "
              + ">=9.0.0 but this is " + dev.trialbase.api.ApiVersion.current()));
      assertThat(problems).anySatisfy(p -> assertThat(p)
          .startsWith("refused " + corruptJar + ": not a valid plugin (not a readable jar or zip"));
      assertThat(problems).anySatisfy(p -> assertThat(p)
          .startsWith("refused " + corruptZip + ": not a valid plugin (not a readable jar or zip"));
      assertThat(problems).anySatisfy(p -> assertThat(p)
          .isEqualTo("refused " + notAPlugin
              + ": not a valid plugin (no plugin.properties or manifest)"));
      assertThat(problems).anySatisfy(p -> assertThat(p)
          .isEqualTo("refused " + noId
              + ": not a valid plugin (no plugin.id in plugin.properties or the manifest)"));
      assertThat(problems).anySatisfy(p -> assertThat(p)
          .isEqualTo("refused " + duplicate + ": plugin 'random-search' is already loaded from "
              + BUILTIN.resolve("random-search-0.2.0.jar").toAbsolutePath().normalize()));

      assertThat(registry.plugins()).extracting(p -> p.id())
          .containsExactlyInAnyOrder("grid-search", "random-search", "weka");
      assertThat(registry.strategies()).containsOnlyKeys("grid", "random");
      assertThat(registry.estimators()).containsOnlyKeys("weka-logistic", "weka");
    }
  }

  @Test
  void pluginsCommandWarnsAboutEachRefusedFileAndListsTheRest() {
    CliRunner.Result r = CliRunner.run("plugins", "--plugins", user.toString());

    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out()).contains("grid-search").contains("random-search")
        .contains("weka-logistic").doesNotContain("future-grid");
    List<String> warnings = r.err().lines().filter(l -> l.startsWith("warning: ")).toList();
    assertThat(warnings).hasSize(6);
    assertThat(String.join("\n", warnings))
        .contains("warning: refused " + future + ": plugin 'future-grid' 9.0.0 requires "
            + "Trialbase API >=9.0.0 but this is")
        .contains("warning: refused " + corruptJar + ": not a valid plugin")
        .contains("warning: refused " + corruptZip + ": not a valid plugin")
        .contains("warning: refused " + notAPlugin + ": not a valid plugin")
        .contains("warning: refused " + noId + ": not a valid plugin")
        .contains("warning: refused " + duplicate + ": plugin 'random-search' is already loaded");
  }

  @Test
  void aRunStillWorksBesideTheRefusedFiles(@TempDir Path dir) throws IOException {
    Path titanic = CliRunner.EXAMPLES.resolve("titanic");
    Path spec = Files.writeString(dir.resolve("one.json"), """
        {
          "data": { "train": "%s", "target": "Survived" },
          "estimator": { "name": "weka-logistic" },
          "strategy": { "name": "grid" },
          "space": { "C": [1.0], "penalty": ["l2"], "solver": ["lbfgs"] },
          "folds": 3,
          "seed": 1
        }
        """.formatted(titanic.resolve("train.csv").toString().replace("\\", "\\\\")));

    CliRunner.Result r = CliRunner.run("run", spec.toString(), "--no-progress",
        "--plugins", user.toString(), "--db", dir.resolve("one.db").toString());

    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out()).contains("1 trials");
  }
}
