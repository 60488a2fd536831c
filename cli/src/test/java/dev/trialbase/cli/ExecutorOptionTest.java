package dev.trialbase.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --executor} and {@code --master} without the optional Spark module on the class path
 * (the CLI's own tests never have it): one error line and exit 11, or a usage error, and
 * nothing stored. The Spark executor itself is tested in the spark module.
 */
class ExecutorOptionTest {

  @TempDir
  Path dir;

  @Test
  void sparkWithoutTheModuleIsOneErrorLineAndExit11AndStoresNothing() {
    Path db = dir.resolve("none.db");
    CliRunner.Result r = CliRunner.run("run",
        CliRunner.EXAMPLES.resolve("titanic/grid.json").toString(), "--db", db.toString(),
        "--executor", "spark", "--master", "local[2]");

    assertThat(r.exitCode()).isEqualTo(ExitCode.EXECUTOR);
    assertThat(r.err().lines().toList()).singleElement().asString()
        .startsWith("error: --executor spark needs the trialbase-spark module on the class path");
    assertThat(db).doesNotExist();
  }

  @Test
  void masterWithoutSparkAndIsolationWithSparkAreUsageErrors() {
    String spec = CliRunner.EXAMPLES.resolve("titanic/grid.json").toString();
    Path db = dir.resolve("none.db");
    CliRunner.Result master = CliRunner.run("run", spec, "--db", db.toString(), "--master",
        "local[2]");
    assertThat(master.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(master.err()).startsWith("error: --master needs --executor spark");

    CliRunner.Result isolation = CliRunner.run("run", spec, "--db", db.toString(),
        "--executor", "spark", "--isolation", "process");
    assertThat(isolation.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(isolation.err()).startsWith("error: --isolation is for --executor local");
    assertThat(db).doesNotExist();
  }
}
