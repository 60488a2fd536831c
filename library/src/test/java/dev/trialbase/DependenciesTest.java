package dev.trialbase;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/**
 * The library artifact brings no command-line parts: a program that depends on it gets no
 * picocli and no progress bar (the test class path is the artifact's dependencies plus JUnit).
 */
class DependenciesTest {

  @Test
  void neitherPicocliNorTheProgressBarIsADependency() {
    assertThatThrownBy(() -> Class.forName("picocli.CommandLine"))
        .isInstanceOf(ClassNotFoundException.class);
    assertThatThrownBy(() -> Class.forName("me.tongfei.progressbar.ProgressBar"))
        .isInstanceOf(ClassNotFoundException.class);
    assertThatThrownBy(() -> Class.forName("dev.trialbase.cli.Main"))
        .isInstanceOf(ClassNotFoundException.class);
  }
}
