package dev.trialbase.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trialbase.api.ParamSet;
import dev.trialbase.store.filter.Filter;
import dev.trialbase.store.filter.Sort;
import dev.trialbase.store.filter.TrialFilterQuery;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run and the query commands' reads never make JDBI: its first statement in a process costs
 * about 150 ms, which every {@code trialbase run}, {@code best} and {@code trials} would pay
 * again (docs/benchmarks.md, "Fourth session"). Each read is also checked for what it returns,
 * so the plain JDBC path is exercised, not only left alone.
 */
class PlainJdbcPathTest {

  @TempDir
  Path dir;

  @Test
  void runningAndQueryingAStoreNeverMakesJdbi() {
    Path file = dir.resolve("plain.db");
    Database writer = Database.open(file);
    long run;
    try (RunRecorder recorder = new RunRecorder(writer)) {
      run = recorder.beginRun(StoreTestData.newRun("plain"));
      recorder.recordTrial(run, StoreTestData.complete(0, ParamSet.of(Map.of("C", 0.5)),
          List.of("accuracy"), new double[][] {{0.75, 0.85}}, 0.8));
      recorder.recordTrial(run, StoreTestData.failed(1, ParamSet.of(Map.of("C", 2.0))));
      recorder.heartbeat(run);
      recorder.finishRun(run, RunStatus.COMPLETE, 0L, Map.of("accuracy", 0.7), null);
    }
    Database reopened = Database.open(file);
    Database reader = Database.openReadOnly(file);
    RunQueries queries = new RunQueries(reader);

    assertThat(queries.runs()).singleElement().satisfies(r -> {
      assertThat(r.status()).isEqualTo("complete");
      assertThat(r.bestObjective()).isEqualTo(0.8);
    });
    assertThat(queries.header(run)).hasValueSatisfying(h -> assertThat(h.maximize()).isTrue());
    assertThat(queries.run(run)).hasValueSatisfying(d ->
        assertThat(d.positiveClass()).isEqualTo("yes"));
    assertThat(queries.trials(run, List.of(1L, 0L))).extracting(TrialView::number)
        .containsExactly(1L, 0L);
    assertThat(queries.foldMetrics(run, 0L)).isEqualTo(Map.of("accuracy", List.of(0.75, 0.85)));
    assertThat(queries.statusCounts(run)).isEqualTo(Map.of("complete", 1L, "failed", 1L));
    assertThat(queries.testMetrics(run)).isEqualTo(Map.of("accuracy", 0.7));
    assertThat(TrialFilterQuery.numbers(reader, run, Filter.parse("params.C < 1"),
        Sort.parse("accuracy"), 10, "complete")).containsExactly(0L);
    assertThat(reopened.markAborted(run)).isFalse(); // complete, so not marked

    assertThat(List.of(writer.jdbiMade(), reopened.jdbiMade(), reader.jdbiMade()))
        .containsOnly(false);
  }
}
