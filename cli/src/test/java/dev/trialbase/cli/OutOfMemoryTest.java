package dev.trialbase.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Data too large for the JVM's heap is one {@code error:} line that says how much memory the
 * JVM had and how to give it more, exit code 9, and no database (issue 17, item 8): before,
 * it was a JVM stack trace and exit 1, which means "a run was stored".
 */
class OutOfMemoryTest {

  @TempDir
  Path dir;

  @Test
  void dataTooLargeForTheHeapIsOneLineThatSaysHowToGiveMore() throws Exception {
    // 400,000 rows of 10 numbers: about 35 MB as a dataset, against a 32 MB heap.
    Path train = dir.resolve("big.csv");
    try (BufferedWriter w = Files.newBufferedWriter(train)) {
      w.write("a,b,c,d,e,f,g,h,i,j,y\n");
      for (int r = 0; r < 400_000; r++) {
        for (int c = 0; c < 10; c++) {
          w.write(Integer.toString((r * 31 + c * 17) % 1000));
          w.write(',');
        }
        w.write(r % 2 == 0 ? "no\n" : "yes\n");
      }
    }
    Path spec = Files.writeString(dir.resolve("spec.json"), """
        {"data": {"train": "big.csv"}, "estimator": {"name": "noop"},
         "strategy": {"name": "grid"}, "space": {"x": [1]}, "folds": 2, "seed": 1}
        """);
    Path db = dir.resolve("t.db");
    Path log = dir.resolve("log.txt");
    Process p = ChildProcess.start(log, List.of("-Xmx32m"), "run", spec.toString(), "--db",
        db.toString(), "--plugins", TinyExperiment.TEST_PLUGINS.toString(), "--no-progress");
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
    List<String> lines = Files.readAllLines(log).stream().filter(l -> !l.isBlank()).toList();
    assertThat(p.exitValue()).as(String.join("\n", lines)).isEqualTo(ExitCode.OUT_OF_MEMORY);
    assertThat(lines).hasSize(1);
    assertThat(lines.get(0)).startsWith("error: out of memory (the JVM may use at most ")
        .contains("TRIALBASE_JAVA_OPTS=-Xmx8g").doesNotContain("\tat ");
    assertThat(db).doesNotExist();
  }
}
