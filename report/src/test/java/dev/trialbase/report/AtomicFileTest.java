package dev.trialbase.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFileTest {

  @TempDir
  Path dir;

  @Test
  void writesTheWholeTextAndReplacesAnOldFileLeavingNoTemporaryFile() throws IOException {
    Path file = dir.resolve("r.html");
    Files.writeString(file, "old");
    AtomicFile.write(file, "new text");
    assertThat(Files.readString(file)).isEqualTo("new text");
    Path plain = Files.writeString(dir.resolve("plain.txt"), "x");
    assertThat(Files.getPosixFilePermissions(file)).as("like any new file")
        .isEqualTo(Files.getPosixFilePermissions(plain));
    Files.delete(plain);
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files).containsExactly(file);
    }
  }

  @Test
  void aFolderThatCannotBeWrittenLeavesNothingBehind() throws IOException {
    Path locked = Files.createDirectory(dir.resolve("locked"));
    Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("r-xr-xr-x"));
    try {
      // Root may write anywhere; the check only means something for other users.
      if (!Files.isWritable(locked)) {
        assertThatThrownBy(() -> AtomicFile.write(locked.resolve("r.html"), "text"))
            .isInstanceOf(IOException.class);
        try (Stream<Path> files = Files.list(locked)) {
          assertThat(files).isEmpty();
        }
      }
    } finally {
      Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
  }

  @Test
  void aMissingFolderOrADirectoryAsTargetIsAnError() throws IOException {
    assertThatThrownBy(() -> AtomicFile.write(dir.resolve("no/such/r.html"), "x"))
        .isInstanceOf(IOException.class);
    Path folder = Files.createDirectory(dir.resolve("folder"));
    assertThatThrownBy(() -> AtomicFile.write(folder, "x")).isInstanceOf(IOException.class)
        .hasMessageContaining("is a directory");
    assertThat(folder).isEmptyDirectory();
  }
}
