package dev.trialbase.store.filter;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trialbase.store.Dialect;
import dev.trialbase.store.Rows;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The queries {@link TrialFilterQuery} runs are answered from the schema's indexes, so that
 * {@code --sort accuracy --limit 10} reads ten-odd index entries rather than sorting the run.
 * Without {@code ANALYZE} statistics SQLite's plan does not depend on the table sizes, so the
 * small fixture shows the plan a large database gets.
 */
class QueryPlanTest {

  @TempDir
  static Path dir;

  static TrialFixture db;

  @BeforeAll
  static void createDatabase() {
    db = TrialFixture.create(dir);
  }

  private static String plan(String where, String sort, String status, int phase) {
    return db.database.read(c -> {
      TrialFilterQuery.Phase p = TrialFilterQuery.plan(c, Dialect.SQLITE, db.run,
          where == null ? null : Filter.parse(where), Sort.parse(sort), status).get(phase);
      return String.join("\n", Rows.list(c, "explain query plan " + p.sql(10),
          rs -> rs.getString("detail"), p.values(10)));
    });
  }

  @Test
  void sortByMetricWalksTheMetricIndex() {
    String plan = plan(null, "accuracy", null, 0);
    assertThat(plan)
        .contains("SEARCH s USING COVERING INDEX trial_metrics_by_value"
            + " (run_id=? AND metric=? AND mean>?)")
        .contains("SEARCH t USING PRIMARY KEY (run_id=? AND number=?)")
        // Only ties of equal mean are sorted (by trial number), group by group, so LIMIT
        // still stops early; a full sort would read "USE TEMP B-TREE FOR ORDER BY".
        .doesNotContain("TEMP B-TREE FOR ORDER BY");
  }

  @Test
  void ascendingSortByMetricWalksTheMetricIndex() {
    assertThat(plan(null, "accuracy:asc", null, 0))
        .contains("USING COVERING INDEX trial_metrics_by_value")
        .doesNotContain("TEMP B-TREE");
  }

  @Test
  void filtersProbeParamsAndMetricsByPrimaryKey() {
    String plan = plan("params.C >= 10 and metrics.f1 > 0.5", "accuracy", "complete", 0);
    assertThat(plan)
        .contains("USING COVERING INDEX trial_metrics_by_value")
        .contains("SEARCH p EXISTS USING PRIMARY KEY (run_id=? AND trial_number=? AND name=?)")
        .contains("SEARCH m EXISTS USING PRIMARY KEY (run_id=? AND trial_number=? AND metric=?)")
        .doesNotContain("SCAN");
  }

  @Test
  void trialsWithoutTheMetricAreFoundByKey() {
    assertThat(plan(null, "accuracy", null, 1))
        .contains("SEARCH t USING PRIMARY KEY (run_id=?)")
        .contains("USING PRIMARY KEY (run_id=? AND trial_number=? AND metric=?)")
        .doesNotContain("TEMP B-TREE");
  }

  @Test
  void objectiveWithStatusWalksTheObjectiveIndex() {
    assertThat(plan(null, "objective", "complete", 0))
        .contains("USING COVERING INDEX trials_by_objective (run_id=? AND status=? AND objective>?)")
        .doesNotContain("TEMP B-TREE FOR ORDER BY");
  }

  @Test
  void planStatementsAreTheOnesRun() {
    List<TrialFilterQuery.Phase> phases = db.database.read(c -> TrialFilterQuery.plan(c,
        Dialect.SQLITE, db.run, null, Sort.parse("accuracy"), null));
    assertThat(phases).hasSize(2);
    assertThat(phases.get(0).sql(10)).endsWith("order by s.mean desc, s.trial_number limit ?");
    assertThat(phases.get(0).values(10)).containsExactly(db.run, "accuracy", db.run, 10);
  }
}
