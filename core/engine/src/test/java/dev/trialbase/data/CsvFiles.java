package dev.trialbase.data;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes small data files into a test's temporary folder. */
final class CsvFiles {

  private final Path dir;

  CsvFiles(Path dir) {
    this.dir = dir;
  }

  Path write(String name, String text) throws IOException {
    Path file = dir.resolve(name);
    Files.writeString(file, text, StandardCharsets.UTF_8);
    return file;
  }
}
