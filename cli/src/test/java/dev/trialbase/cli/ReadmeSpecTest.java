package dev.trialbase.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The spec shown in the README runs as shown, so the documentation cannot drift. */
class ReadmeSpecTest {

  @Test
  void theReadmeSpecRuns(@TempDir Path dir) throws Exception {
    String readme = Files.readString(Path.of("..", "README.md"));
    Matcher json = Pattern.compile("```json\\n(.*?)```", Pattern.DOTALL).matcher(readme);
    assertThat(json.find()).as("a json block in README.md").isTrue();
    // The README's example runs 100 trials; 10 show that it works.
    String spec = json.group(1).replace("\"trials\": 100", "\"trials\": 10");
    Files.writeString(dir.resolve("spec.json"), spec);
    Files.copy(CliRunner.EXAMPLES.resolve("titanic/train.csv"), dir.resolve("train.csv"));
    Files.copy(CliRunner.EXAMPLES.resolve("titanic/test.csv"), dir.resolve("test.csv"));

    CliRunner.Result r = CliRunner.run("run", dir.resolve("spec.json").toString(),
        "--db", dir.resolve("readme.db").toString(), "--format", "json");

    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out()).contains("\"trials\" : 10").contains("\"failed\" : 0");
  }
}
