package dev.trialbase.store.filter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.trialbase.store.filter.Sort.Direction;
import dev.trialbase.store.filter.Sort.Key;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --sort} parsing, default directions, and ordering on {@link TrialFixture}. */
class SortTest {

  @TempDir
  static Path dir;

  static TrialFixture db;

  @BeforeAll
  static void createDatabase() {
    db = TrialFixture.create(dir);
  }

  private static List<Long> sorted(String where, String sort, Integer limit, String status) {
    return TrialFilterQuery.numbers(db.database, db.run,
        where == null ? null : Filter.parse(where), sort == null ? null : Sort.parse(sort), limit,
        status);
  }

  @Test
  void parses() {
    assertThat(Sort.parse("accuracy")).isEqualTo(new Sort(Key.METRIC, "accuracy", null));
    assertThat(Sort.parse("accuracy:DESC")).isEqualTo(new Sort(Key.METRIC, "accuracy", Direction.DESC));
    assertThat(Sort.parse("metrics.my-metric:asc"))
        .isEqualTo(new Sort(Key.METRIC, "my-metric", Direction.ASC));
    assertThat(Sort.parse("metrics.number")).isEqualTo(new Sort(Key.METRIC, "number", null));
    assertThat(Sort.parse("Number")).isEqualTo(new Sort(Key.NUMBER, null, null));
    assertThat(Sort.parse("duration:desc")).isEqualTo(new Sort(Key.DURATION, null, Direction.DESC));
    assertThat(Sort.parse("objective")).isEqualTo(new Sort(Key.OBJECTIVE, null, null));
    assertThat(Sort.parse("metrics.number:asc").toString()).isEqualTo("metrics.number:asc");
    assertThat(Sort.parse("f1").toString()).isEqualTo("f1");
  }

  @Test
  void defaultDirections() {
    assertThat(Sort.parse("accuracy").resolvedDirection(true)).isEqualTo(Direction.DESC);
    assertThat(Sort.parse("roc_auc").resolvedDirection(false)).isEqualTo(Direction.DESC);
    assertThat(Sort.parse("log_loss").resolvedDirection(true)).isEqualTo(Direction.ASC);
    assertThat(Sort.parse("custom_score").resolvedDirection(true)).isEqualTo(Direction.DESC);
    assertThat(Sort.parse("objective").resolvedDirection(true)).isEqualTo(Direction.DESC);
    assertThat(Sort.parse("objective").resolvedDirection(false)).isEqualTo(Direction.ASC);
    assertThat(Sort.parse("number").resolvedDirection(true)).isEqualTo(Direction.ASC);
    assertThat(Sort.parse("duration").resolvedDirection(true)).isEqualTo(Direction.ASC);
    assertThat(Sort.parse("log_loss:desc").resolvedDirection(true)).isEqualTo(Direction.DESC);
  }

  @Test
  void errors() {
    FilterException e = catchThrowableOfType(FilterException.class, () -> Sort.parse("accuracy:up"));
    assertThat(e.position()).isEqualTo(9);
    assertThat(e).hasMessage("at column 10: expected asc or desc after ':', found 'up'");
    e = catchThrowableOfType(FilterException.class, () -> Sort.parse("acc;drop table trials"));
    assertThat(e.position()).isEqualTo(3);
    assertThat(catchThrowableOfType(FilterException.class, () -> Sort.parse("metrics.")).getMessage())
        .contains("expected a metric name");
    assertThat(catchThrowableOfType(FilterException.class, () -> Sort.parse(" ")).position()).isZero();
  }

  @Test
  void byMetricBestFirstMissingLast() {
    // accuracy: 7 .92, 2 .90, 3 .88, 5 .86, 1 .85, 0 .80, 8 .75, 4 .70, 9 .60; 6 has none.
    assertThat(sorted(null, "accuracy", null, null))
        .containsExactly(7L, 2L, 3L, 5L, 1L, 0L, 8L, 4L, 9L, 6L);
    assertThat(sorted(null, "accuracy:asc", null, null))
        .containsExactly(9L, 4L, 8L, 0L, 1L, 5L, 3L, 2L, 7L, 6L);
    // log_loss = 1 - accuracy, smaller is better: the same order.
    assertThat(sorted(null, "log_loss", null, null))
        .containsExactly(7L, 2L, 3L, 5L, 1L, 0L, 8L, 4L, 9L, 6L);
    // unknown metric: nobody has it, all by number
    assertThat(sorted(null, "nope", null, null)).containsExactly(0L, 1L, 2L, 3L, 4L, 5L, 6L, 7L,
        8L, 9L);
  }

  @Test
  void limitAndFilter() {
    assertThat(sorted(null, "accuracy", 3, null)).containsExactly(7L, 2L, 3L);
    assertThat(sorted("params.penalty = 'l2'", "accuracy", 2, null)).containsExactly(2L, 3L);
    // the limit reaches into trials without the metric
    assertThat(sorted("status = 'failed' or number = 0", "accuracy", 5, null))
        .containsExactly(0L, 6L);
    assertThat(sorted(null, "accuracy", 0, null)).isEmpty();
    assertThat(sorted(null, "accuracy", 9, null)).hasSize(9).doesNotContain(6L);
    assertThat(sorted(null, "accuracy", 10, null)).endsWith(6L);
  }

  @Test
  void status() {
    assertThat(sorted(null, "accuracy", null, "complete")).doesNotContain(6L).hasSize(9);
    assertThat(sorted(null, null, null, "failed")).containsExactly(6L);
    assertThatThrownBy(() -> sorted(null, null, null, "done"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unknown trial status");
    assertThatThrownBy(() -> sorted(null, null, -1, null))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void byColumns() {
    // The run maximizes its objective (accuracy): best first; trial 6 has none.
    assertThat(sorted(null, "objective", null, null))
        .containsExactly(7L, 2L, 3L, 5L, 1L, 0L, 8L, 4L, 9L, 6L);
    assertThat(sorted(null, "objective", 2, "complete")).containsExactly(7L, 2L);
    assertThat(sorted(null, "duration", null, null)).containsExactly(0L, 1L, 2L, 3L, 4L, 5L, 6L,
        7L, 8L, 9L);
    assertThat(sorted(null, "duration:desc", 3, null)).containsExactly(9L, 8L, 7L);
    assertThat(sorted(null, "number:desc", 3, null)).containsExactly(9L, 8L, 7L);
    assertThat(sorted("number < 3", null, null, null)).containsExactly(0L, 1L, 2L);
  }
}
