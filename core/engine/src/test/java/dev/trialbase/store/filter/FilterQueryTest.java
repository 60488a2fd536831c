package dev.trialbase.store.filter;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Filters evaluated against a real database; expected numbers follow {@link TrialFixture}. */
class FilterQueryTest {

  @TempDir
  static Path dir;

  static TrialFixture db;

  @BeforeAll
  static void createDatabase() {
    db = TrialFixture.create(dir);
  }

  @Test
  void theExampleFromTheManual() {
    // accuracy > 0.85: 2, 3, 5, 7; of those l2 (case-sensitive =): 2, 3; C >= 10: 3, 5.
    assertThat(db.where("metrics.accuracy > 0.85 and (params.penalty = 'l2' or params.C >= 10)"))
        .containsExactly(2L, 3L, 5L);
  }

  @Test
  void numericParametersCompareAsNumbers() {
    // 9.0 < 10 numerically although "9" > "10" as text; 10 stored as int matches too; the
    // string '10' of trial 8 is not a number and does not match.
    assertThat(db.where("params.C >= 10")).containsExactly(3L, 4L, 5L);
    assertThat(db.where("params.C < 10")).containsExactly(0L, 1L, 2L, 6L, 7L);
    assertThat(db.where("params.C = 10")).containsExactly(3L, 5L);
    assertThat(db.where("params.C > 1e1")).containsExactly(4L);
    assertThat(db.where("params.C >= -5 and params.C <= .5")).containsExactly(0L, 6L);
  }

  @Test
  void stringParametersCompareAsStrings() {
    assertThat(db.where("params.C = '10'")).containsExactly(8L);
    assertThat(db.where("params.penalty = 'l2'")).containsExactly(0L, 2L, 3L, 6L, 8L);
    assertThat(db.where("params.penalty <> 'l2'")).containsExactly(1L, 4L, 5L, 7L, 9L);
    assertThat(db.where("params.penalty = 10")).isEmpty();
  }

  @Test
  void mixedTypeParameter() {
    // max_depth: 3, null, 'auto', 5, 7, 3 for trials 0-5; absent elsewhere.
    assertThat(db.where("params.max_depth > 2")).containsExactly(0L, 3L, 4L, 5L);
    assertThat(db.where("params.max_depth = 'auto'")).containsExactly(2L);
    assertThat(db.where("params.max_depth in (3, 'auto')")).containsExactly(0L, 2L, 5L);
    assertThat(db.where("params.max_depth not in (3, 'auto')")).containsExactly(3L, 4L);
    assertThat(db.where("params.max_depth not in (3)")).containsExactly(3L, 4L);
  }

  @Test
  void booleans() {
    assertThat(db.where("params.fit_intercept = true")).containsExactly(0L, 2L, 4L, 5L);
    assertThat(db.where("params.fit_intercept != TRUE")).containsExactly(1L, 3L);
    assertThat(db.where("params.fit_intercept = 1")).isEmpty();
  }

  @Test
  void quotedBooleansMatchBooleanParametersByTheirText() {
    assertThat(db.where("params.fit_intercept = 'true'")).containsExactly(0L, 2L, 4L, 5L);
    assertThat(db.where("params.fit_intercept != 'true'")).containsExactly(1L, 3L);
    assertThat(db.where("params.fit_intercept in ('false')")).containsExactly(1L, 3L);
    assertThat(db.where("params.fit_intercept = 'TRUE'")).isEmpty();
  }

  @Test
  void inAndNotIn() {
    assertThat(db.where("params.penalty in ('l1', 'elasticnet')")).containsExactly(1L, 4L, 5L);
    assertThat(db.where("params.penalty not in ('l1', 'elasticnet')"))
        .containsExactly(0L, 2L, 3L, 6L, 7L, 8L, 9L);
    assertThat(db.where("number in (1, 3, 99)")).containsExactly(1L, 3L);
    assertThat(db.where("number not in (1, 3, 99) and number < 4")).containsExactly(0L, 2L);
    assertThat(db.where("status in ('failed', 'timeout')")).containsExactly(6L);
  }

  @Test
  void like() {
    // SQLite's LIKE ignores ASCII case: 'L2' matches 'l2'.
    assertThat(db.where("params.penalty like 'l2'")).containsExactly(0L, 2L, 3L, 6L, 7L, 8L);
    assertThat(db.where("params.penalty like 'l%'")).containsExactly(0L, 1L, 2L, 3L, 5L, 6L, 7L, 8L);
    assertThat(db.where("params.penalty not like '%l_'")).containsExactly(4L, 9L);
    assertThat(db.where("error like '%zero%'")).containsExactly(6L);
    assertThat(db.where("params.C like '1%'")).containsExactly(8L);
  }

  @Test
  void nullsAndMissingValues() {
    assertThat(db.where("params.max_depth is null")).containsExactly(1L, 6L, 7L, 8L, 9L);
    assertThat(db.where("params.max_depth is not null")).containsExactly(0L, 2L, 3L, 4L, 5L);
    assertThat(db.where("params.max_depth = null")).containsExactly(1L, 6L, 7L, 8L, 9L);
    assertThat(db.where("metrics.accuracy is null")).containsExactly(6L);
    assertThat(db.where("metrics.nonexistent is null")).hasSize(10);
    assertThat(db.where("metrics.nonexistent > 0")).isEmpty();
    assertThat(db.where("error is not null")).containsExactly(6L);
    assertThat(db.where("objective is null")).containsExactly(6L);
  }

  @Test
  void notIsComplement() {
    assertThat(db.where("not params.C >= 10")).containsExactly(0L, 1L, 2L, 6L, 7L, 8L, 9L);
    // Trial 6 has no accuracy: the comparison is false, so its negation holds.
    assertThat(db.where("not metrics.accuracy >= 0.8")).containsExactly(4L, 6L, 8L, 9L);
    assertThat(db.where("not not metrics.accuracy >= 0.8"))
        .containsExactly(0L, 1L, 2L, 3L, 5L, 7L);
  }

  @Test
  void nestedAndOrNot() {
    // l2: 0 2 3 6 8; accuracy < 0.8: 4 8 9; neither: 1 5 7; and number < 9 keeps all three.
    assertThat(db.where("not (params.penalty = 'l2' or metrics.accuracy < 0.8) and number < 9"))
        .containsExactly(1L, 5L, 7L);
    // and binds tighter than or: 9, plus (l1 and C = 10) = 5.
    assertThat(db.where("number = 9 or params.penalty = 'l1' and params.C = 10"))
        .containsExactly(5L, 9L);
    assertThat(db.where("(number = 9 or params.penalty = 'l1') and params.C = 10"))
        .containsExactly(5L);
    assertThat(db.where("NOT (number >= 2 AND (number <= 7 OR status = 'complete'))"))
        .containsExactly(0L, 1L);
  }

  @Test
  void trialColumns() {
    assertThat(db.where("status = 'failed'")).containsExactly(6L);
    assertThat(db.where("status != 'complete'")).containsExactly(6L);
    assertThat(db.where("objective >= 0.9")).containsExactly(2L, 7L);
    assertThat(db.where("duration > 500")).containsExactly(5L, 6L, 7L, 8L, 9L);
    assertThat(db.where("std.accuracy > 0")).containsExactly(4L, 5L);
    assertThat(db.where("metrics.accuracy >= 0.85")).containsExactly(1L, 2L, 3L, 5L, 7L);
    assertThat(db.where("metrics.log_loss < 0.1")).containsExactly(2L, 7L);
  }

  @Test
  void quotedNames() {
    assertThat(db.where("params.\"class weight\" = 'balanced'")).containsExactly(0L, 9L);
    assertThat(db.where("params.\"C\" = 10")).containsExactly(3L, 5L);
  }

  @Test
  void otherRunsAreInvisible() {
    // The other run has trials 0-2 with C = 1000.
    assertThat(db.where("params.C > 500")).isEmpty();
    assertThat(TrialFilterQuery.numbers(db.database, db.otherRun,
        Filter.parse("params.C > 500"), null, null, null)).containsExactly(0L, 1L, 2L);
  }

  @Test
  void injectionLookingValuesAreJustValues() {
    assertThat(db.where("params.penalty = 'l2''; drop table trials; --'")).isEmpty();
    assertThat(db.where("params.\"penalty\"\"; drop table trials; --\" is null")).hasSize(10);
    assertThat(db.where("number >= 0")).hasSize(10);
  }
}
