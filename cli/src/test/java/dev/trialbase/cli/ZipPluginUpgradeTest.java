package dev.trialbase.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trialbase.plugin.PluginRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Enumeration;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Upgrading a zip plugin (issue 17, item 24): real zips in PF4J's layout (plugin.properties,
 * classes/), made from the built grid-search jar, loaded by the real plugin manager from a
 * temporary plugins directory. PF4J unpacks again only when the zip is strictly newer than its
 * folder, and leaves a renamed zip's old folder behind; either used to load the old version.
 */
class ZipPluginUpgradeTest {

  @TempDir
  Path plugins;

  @Test
  void aNewZipCopiedWithItsOldTimeIsUnpackedAfresh() throws IOException {
    Path zip = plugins.resolve("zip-grid.zip");
    zipPlugin(zip, "1.0.0");
    assertThat(loadedVersions()).containsExactly("zip-grid 1.0.0");
    Path folder = plugins.resolve("zip-grid");
    assertThat(folder.resolve("plugin.properties")).exists();

    // `cp -p new.zip zip-grid.zip`: the new zip keeps a time older than the unpacked folder.
    zipPlugin(zip, "2.0.0");
    Files.setLastModifiedTime(zip,
        FileTime.fromMillis(Files.getLastModifiedTime(folder).toMillis() - 60_000));

    try (PluginRegistry registry = PluginRegistry.load(List.of(plugins))) {
      assertThat(registry.problems()).isEmpty();
      assertThat(versions(registry)).containsExactly("zip-grid 2.0.0");
      assertThat(registry.strategies()).containsOnlyKeys("grid");
    }
    assertThat(Files.readString(folder.resolve("plugin.properties")))
        .contains("plugin.version=2.0.0");
  }

  @Test
  void aFolderLeftFromARenamedZipIsNotLoadedAndIsNamedInAWarning() throws IOException {
    Path old = plugins.resolve("zip-grid-1.0.0.zip");
    zipPlugin(old, "1.0.0");
    assertThat(loadedVersions()).containsExactly("zip-grid 1.0.0");

    // The documented upgrade: delete the old zip, copy in the new one.
    Files.delete(old);
    zipPlugin(plugins.resolve("zip-grid-2.0.0.zip"), "2.0.0");

    try (PluginRegistry registry = PluginRegistry.load(List.of(plugins))) {
      assertThat(versions(registry)).containsExactly("zip-grid 2.0.0");
      assertThat(registry.problems()).containsExactly("ignored "
          + plugins.resolve("zip-grid-1.0.0").toAbsolutePath().normalize()
          + ": plugin 'zip-grid' 1.0.0 is left from an earlier zip; "
          + plugins.resolve("zip-grid-2.0.0.zip").toAbsolutePath().normalize()
          + " replaces it (delete the folder)");
    }
    assertThat(plugins.resolve("zip-grid-1.0.0")).isDirectory();   // set aside, not deleted
  }

  @Test
  void anUnchangedZipKeepsItsFolder() throws IOException {
    Path zip = plugins.resolve("zip-grid.zip");
    zipPlugin(zip, "1.0.0");
    assertThat(loadedVersions()).containsExactly("zip-grid 1.0.0");
    Path marker = Files.writeString(plugins.resolve("zip-grid/marker"), "kept");

    assertThat(loadedVersions()).containsExactly("zip-grid 1.0.0");
    assertThat(marker).exists();
  }

  private List<String> loadedVersions() {
    try (PluginRegistry registry = PluginRegistry.load(List.of(plugins))) {
      assertThat(registry.problems()).isEmpty();
      return versions(registry);
    }
  }

  private static List<String> versions(PluginRegistry registry) {
    return registry.plugins().stream().map(p -> p.id() + " " + p.version()).toList();
  }

  /**
   * Writes {@code zip}: the grid-search jar's classes under {@code classes/} and a
   * plugin.properties at the root saying plugin {@code zip-grid}, {@code version}.
   */
  private static void zipPlugin(Path zip, String version) throws IOException {
    Path jar = PluginRefusalTest.BUILTIN.resolve("grid-search-0.2.0.jar");
    try (JarFile in = new JarFile(jar.toFile());
        ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
      out.putNextEntry(new ZipEntry("plugin.properties"));
      out.write(("plugin.id=zip-grid\nplugin.version=" + version + "\nplugin.requires=*\n"
          + "plugin.description=grid search as a zip, version " + version + "\n")
          .getBytes(StandardCharsets.ISO_8859_1));
      for (Enumeration<JarEntry> e = in.entries(); e.hasMoreElements(); ) {
        JarEntry entry = e.nextElement();
        if (entry.isDirectory() || entry.getName().equals("plugin.properties")
            || entry.getName().startsWith("META-INF/MANIFEST")) {
          continue;
        }
        out.putNextEntry(new ZipEntry("classes/" + entry.getName()));
        try (InputStream body = in.getInputStream(entry)) {
          body.transferTo(out);
        }
      }
    }
  }
}
