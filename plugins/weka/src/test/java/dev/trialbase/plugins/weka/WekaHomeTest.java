package dev.trialbase.plugins.weka;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WekaHomeTest {

  @Test
  void unsetWekaHomeGoesToTheTemporaryDirectory() {
    assertThat(WekaHome.defaultFor(null, null, "/var/tmp", "ada"))
        .isEqualTo(Path.of("/var/tmp", "trialbase-wekafiles-ada").toString());
    assertThat(WekaHome.defaultFor(" ", "", "/var/tmp", "ada")).isNotNull();
  }

  @Test
  void eachUserGetsTheirOwnWekaHome() {
    assertThat(WekaHome.defaultFor(null, null, "/tmp", "ada"))
        .isNotEqualTo(WekaHome.defaultFor(null, null, "/tmp", "bob"));
    assertThat(WekaHome.defaultFor(null, null, "/tmp", "../x y"))
        .isEqualTo(Path.of("/tmp", "trialbase-wekafiles-.._x_y").toString());
  }

  @Test
  void wekaHomeChosenByPropertyOrEnvironmentIsKept() {
    assertThat(WekaHome.defaultFor("/mine", null, "/var/tmp", "ada")).isNull();
    assertThat(WekaHome.defaultFor(null, "/mine", "/var/tmp", "ada")).isNull();
  }

  @Test
  void loadingTheExtensionsLeavesAChosenWekaHomeAlone() {
    String before = System.getProperty(WekaHome.KEY);

    new WekaLogistic().name();
    new ArffFormat().name();

    assertThat(before).as("surefire sets WEKA_HOME").isNotBlank();
    assertThat(System.getProperty(WekaHome.KEY)).isEqualTo(before);
  }

  @Test
  void fitInAJvmWithoutWekaHomeWritesToTmpNotToTheHomeDirectory(@TempDir Path dir)
      throws Exception {
    runInFreshJvm(dir, FitInFreshJvm.class);
    assertThat(dir.resolve("tmp/trialbase-wekafiles-" + System.getProperty("user.name")))
        .isDirectory();
  }

  @Test
  void readingArffFirstSetsWekaHomeToo(@TempDir Path dir) throws Exception {
    runInFreshJvm(dir, ReadArffInFreshJvm.class,
        Collected.EXAMPLES.resolve("iris.arff").toAbsolutePath().toString());
  }

  /** Runs {@code main} without WEKA_HOME; it prints the WEKA_HOME it ended up with. */
  private static void runInFreshJvm(Path dir, Class<?> main, String... args) throws Exception {
    Path home = Files.createDirectories(dir.resolve("home"));
    Path tmp = Files.createDirectories(dir.resolve("tmp"));
    String classPath = System.getProperty("surefire.test.class.path",
        System.getProperty("java.class.path"));
    ProcessBuilder child = new ProcessBuilder(
        Stream.concat(Stream.of(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-Duser.home=" + home, "-Djava.io.tmpdir=" + tmp, "-cp", classPath, main.getName()),
            Arrays.stream(args)).toList())
        .redirectError(dir.resolve("stderr.txt").toFile())
        .redirectOutput(dir.resolve("stdout.txt").toFile());
    child.environment().remove(WekaHome.KEY);

    Process process = child.start();

    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).as(Files.readString(dir.resolve("stderr.txt"))).isZero();
    Path expected = tmp.resolve("trialbase-wekafiles-" + System.getProperty("user.name"));
    List<String> out = Files.readAllLines(dir.resolve("stdout.txt"), StandardCharsets.UTF_8);
    assertThat(out).containsExactly(expected.toString());
    assertThat(home.resolve("wekafiles")).doesNotExist();
  }
}
