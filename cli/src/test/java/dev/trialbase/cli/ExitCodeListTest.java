package dev.trialbase.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every exit code the CLI defines is explained where users look: in {@code trialbase --help}
 * and in the README's table. A code added in {@link ExitCode} alone fails here.
 */
class ExitCodeListTest {

  private static List<Integer> codes() throws IllegalAccessException {
    List<Integer> codes = new ArrayList<>();
    for (Field f : ExitCode.class.getDeclaredFields()) {
      if (Modifier.isStatic(f.getModifiers()) && f.getType() == int.class) {
        codes.add(f.getInt(null));
      }
    }
    return codes;
  }

  @Test
  void helpAndReadmeExplainEveryExitCode() throws Exception {
    String help = CliRunner.run("--help").out();
    String readme = Files.readString(Path.of("..", "README.md"));
    List<Integer> codes = codes();
    assertThat(codes).contains(ExitCode.OK, ExitCode.EXECUTOR, ExitCode.INTERNAL);
    for (int code : codes) {
      assertThat(help).as("--help explains exit code " + code)
          .containsPattern("(?m)^\\s+" + code + "\\s+\\S");
      assertThat(readme).as("README explains exit code " + code)
          .containsPattern("(?m)^\\| " + code + "\\b");
    }
  }
}
