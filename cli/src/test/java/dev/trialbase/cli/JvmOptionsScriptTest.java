package dev.trialbase.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * scripts/jvm.sh, which ./trialbase and bench/run source: it picks JAVA_HOME's java and passes
 * {@code --enable-native-access=ALL-UNNAMED} exactly on Java 22 and later (so JDK 25 prints no
 * "restricted method" warnings for sqlite-jdbc, and Java 17 is not given an option it refuses).
 * Fake JDKs (a release file and a java stub) stand in for real ones, so the test runs anywhere.
 */
class JvmOptionsScriptTest {

  private static final Path SCRIPT = Path.of("..", "scripts", "jvm.sh").toAbsolutePath()
      .normalize();

  @TempDir
  Path dir;

  @Test
  void java25GetsNativeAccess() throws Exception {
    Path jdk = fakeJdk("jdk25", "JAVA_VERSION=\"25\"", "openjdk version \"25\" 2025-09-16");
    assertThat(source(jdk)).isEqualTo(jdk.resolve("bin/java") + " "
        + "--enable-native-access=ALL-UNNAMED");
  }

  @Test
  void java17GetsNothing() throws Exception {
    Path jdk = fakeJdk("jdk17", "JAVA_VERSION=\"17.0.17\"", "openjdk version \"17.0.17\"");
    assertThat(source(jdk)).isEqualTo(jdk.resolve("bin/java").toString());
  }

  @Test
  void withoutAReleaseFileTheVersionComesFromJavaVersion() throws Exception {
    Path jdk = fakeJdk("jdk22", null, "openjdk version \"22.0.2\" 2024-07-16");
    assertThat(source(jdk)).endsWith(" --enable-native-access=ALL-UNNAMED");
  }

  private Path fakeJdk(String name, String release, String versionLine) throws Exception {
    Path jdk = Files.createDirectories(dir.resolve(name).resolve("bin")).getParent();
    if (release != null) {
      Files.writeString(jdk.resolve("release"), release + "\n");
    }
    Path java = jdk.resolve("bin/java");
    Files.writeString(java, "#!/bin/sh\necho '" + versionLine + "' >&2\n");
    Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
    return jdk;
  }

  /** What the script chose for JAVA_HOME={@code jdk}: the java, then the options. */
  private String source(Path jdk) throws Exception {
    ProcessBuilder bash = new ProcessBuilder("bash", "-c",
        "set -euo pipefail; . \"$1\"; echo \"$JAVA\" ${NATIVE_ACCESS_OPTS[@]+\"${NATIVE_ACCESS_OPTS[@]}\"}",
        "bash", SCRIPT.toString()).redirectErrorStream(true);
    bash.environment().put("JAVA_HOME", jdk.toString());
    Process p = bash.start();
    assertThat(p.waitFor(20, TimeUnit.SECONDS)).isTrue();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    assertThat(p.exitValue()).as(out).isZero();
    return out;
  }
}
