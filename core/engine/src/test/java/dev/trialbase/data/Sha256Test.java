package dev.trialbase.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class Sha256Test {

  // FIPS 180-2 test vectors.
  private static final String ABC =
      "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";
  private static final String EMPTY =
      "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
  private static final String MILLION_A =
      "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0";

  @TempDir
  Path dir;

  @Test
  void bytesOfAbcMatchTheKnownDigest() {
    assertThat(Sha256.of("abc".getBytes(StandardCharsets.US_ASCII))).isEqualTo(ABC);
    assertThat(Sha256.of(new byte[0])).isEqualTo(EMPTY);
  }

  @Test
  void fileOfAbcMatchesTheKnownDigest() throws IOException {
    Path file = Files.write(dir.resolve("abc.txt"), "abc".getBytes(StandardCharsets.US_ASCII));
    assertThat(Sha256.of(file)).isEqualTo(ABC);
    assertThat(Sha256.of(Files.write(dir.resolve("empty"), new byte[0]))).isEqualTo(EMPTY);
  }

  @Test
  void fileLargerThanTheReadBufferMatchesTheKnownDigest() throws IOException {
    // One million 'a' bytes: more than 15 reads of the 64 KiB buffer.
    byte[] bytes = new byte[1_000_000];
    Arrays.fill(bytes, (byte) 'a');
    Path file = Files.write(dir.resolve("a.bin"), bytes);
    assertThat(Sha256.of(file)).isEqualTo(MILLION_A);
  }

  @Test
  void missingFileIsADataException() {
    Path missing = dir.resolve("missing.csv");
    assertThatThrownBy(() -> Sha256.of(missing))
        .isInstanceOf(DataException.class)
        .hasMessageContaining(missing.toString());
  }
}
