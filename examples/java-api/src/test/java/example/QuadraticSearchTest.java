package example;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.trialbase.RunInfo;
import dev.trialbase.TrialInfo;
import dev.trialbase.Trialbase;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the example program and reads its run back through the library. */
class QuadraticSearchTest {

  @TempDir
  Path dir;

  @Test
  void theProgramStoresItsSearchAndPrintsTheBest() {
    Path database = dir.resolve("quadratic.db");
    PrintStream stdout = System.out;
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
    try {
      QuadraticSearch.main(new String[] {database.toString()});
    } finally {
      System.setOut(stdout);
    }

    try (Trialbase trialbase = Trialbase.open(database)) {
      List<RunInfo> runs = trialbase.runs();
      assertThat(runs).hasSize(1);
      RunInfo run = runs.get(0);
      assertThat(run.status()).isEqualTo("complete");
      assertThat(run.trials()).isEqualTo(60);
      assertThat(run.scorer()).isEqualTo("noisy-quadratic");
      TrialInfo best = trialbase.best(run.id()).orElseThrow();
      assertThat(best.params().getDouble("x")).isCloseTo(2, within(1.0));
      assertThat(best.params().getDouble("y")).isCloseTo(-1, within(1.0));
      assertThat(printed.toString(StandardCharsets.UTF_8))
          .startsWith("run 1: 60 trials; best trial " + best.number() + ": loss ");
      // The same query language as `trialbase trials --where`.
      assertThat(trialbase.trials(run.id(), "metrics.loss < 1", "objective", null))
          .first().isEqualTo(best);
    }
  }

  @Test
  void theSearchReproducesExactly() {
    Path database = dir.resolve("again.db");
    RunInfo run = QuadraticSearch.search(database);
    try (Trialbase trialbase = Trialbase.open(database)) {
      trialbase.objective("noisy-quadratic", "1", QuadraticSearch.NOISY_QUADRATIC);
      assertThat(trialbase.reproduce(run.id(), 1).identical()).isTrue();
    }
  }
}
