package dev.trialbase.report;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Writes a file all or nothing: the text goes to a temporary file in the target's folder, which
 * is then moved over the target. A failed write deletes the temporary file, so no half-written
 * report is ever left behind, and an existing file of that name is only replaced when the new
 * one is whole.
 */
public final class AtomicFile {

  private AtomicFile() {
  }

  /** Writes {@code text} as UTF-8 to {@code target}, replacing it atomically where possible. */
  public static void write(Path target, String text) throws IOException {
    write(target, w -> w.write(text));
  }

  /** What writes a file's text, as it goes. */
  @FunctionalInterface
  public interface Body {
    void writeTo(Writer out) throws IOException;
  }

  /**
   * Writes what {@code body} writes as UTF-8 to {@code target}, replacing it atomically where
   * possible: a body that fails, however far it got, leaves {@code target} as it was.
   */
  public static void write(Path target, Body body) throws IOException {
    Path absolute = target.toAbsolutePath();
    if (Files.isDirectory(absolute)) {
      throw new FileSystemException(target.toString(), null, "is a directory");
    }
    Path folder = absolute.getParent();
    // Not Files.createTempFile: that makes the file private (0600); this one gets the same
    // permissions as any new file the user writes.
    Path temporary = folder.resolve("." + absolute.getFileName() + "."
        + Long.toHexString(ThreadLocalRandom.current().nextLong()) + ".tmp");
    try {
      try (Writer out = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8,
          StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
        body.writeTo(out);
      }
      try {
        Files.move(temporary, absolute, StandardCopyOption.ATOMIC_MOVE,
            StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temporary, absolute, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(temporary);
    }
  }
}
