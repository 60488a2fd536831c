package dev.trialbase.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole job end to end: the real launcher's plugins (grid, random, Weka logistic) loaded by
 * PF4J from the build's plugin directory, the Titanic examples, and a real SQLite file.
 */
class RunCommandTest {

  @TempDir
  static Path dir;

  static Path db;
  static CliRunner.Result gridRun;

  @BeforeAll
  static void runTheGridExample() {
    db = dir.resolve("grid.db");
    gridRun = CliRunner.run("run", CliRunner.EXAMPLES.resolve("titanic/grid.json").toString(),
        "--db", db.toString());
  }

  @Test
  void gridRunSucceedsAndPrintsTheBestParametersAndScores() {
    assertThat(gridRun.exitCode()).as(gridRun.err()).isZero();
    assertThat(gridRun.out()).contains("run 1 complete: 140 trials")
        .contains("best trial").contains("best CV accuracy:").contains("test accuracy:");
  }

  @Test
  void gridRunStoresOneTrialPerGridPointInOrder() throws SQLException {
    assertThat(longs("select number from trials where run_id = 1 order by number"))
        .hasSize(7 * 4 * 5)
        .isEqualTo(java.util.stream.LongStream.range(0, 140).boxed().toList());
    // Each trial's parameters form a distinct grid point.
    assertThat(longs("select count(distinct group_concat_params) from (select group_concat("
        + "name || '=' || coalesce(value_text, 'null'), ',') as group_concat_params from params "
        + "where run_id = 1 group by trial_number)")).containsExactly(140L);
  }

  @Test
  void everyCompleteTrialHasFiveFoldScoresPerMetricAndTheirMean() throws SQLException {
    assertThat(longs("select count(*) from trials where run_id = 1 and status = 'complete'"))
        .allMatch(n -> n > 0);
    assertThat(longs("""
        select count(*) from trials t where t.run_id = 1 and t.status = 'complete'
          and (select count(*) from fold_metrics f where f.run_id = 1
               and f.trial_number = t.number and f.metric = 'accuracy') <> 5
        """)).containsExactly(0L);
    // The stored objective is the mean of the five stored fold accuracies.
    assertThat(doubles("""
        select max(abs(t.objective - (select avg(value) from fold_metrics f where f.run_id = 1
               and f.trial_number = t.number and f.metric = 'accuracy')))
        from trials t where t.run_id = 1 and t.status = 'complete'
        """).get(0)).isLessThan(1e-12);
  }

  @Test
  void failedCombinationsAreStoredWithTheirReason() throws SQLException {
    List<String> reasons = strings("""
        select error_message from trials where run_id = 1 and status = 'failed'
          and number in (select trial_number from params where run_id = 1
                         and name = 'penalty' and value_text = 'l1')
        """);
    // l1 fails with newton-cg, lbfgs and sag (as in scikit-learn); liblinear and saga run it.
    assertThat(reasons).hasSize(7 * 3).allMatch(r -> r.contains("l1"));
    assertThat(longs("""
        select count(*) from trials t where t.run_id = 1 and t.status = 'complete'
          and t.number in (select trial_number from params where run_id = 1
                           and name = 'penalty' and value_text = 'l1')
        """)).containsExactly(14L);
    assertThat(longs("select count(*) from trials where run_id = 1 and status = 'failed'"))
        .containsExactly(63L);
    assertThat(longs("select count(*) from fold_metrics f join trials t on t.run_id = f.run_id "
        + "and t.number = f.trial_number where t.status = 'failed'")).containsExactly(0L);
  }

  @Test
  void theRunKeepsItsProvenanceAndTestScores() throws SQLException {
    assertThat(strings("select status || ' ' || seed || ' ' || train_sha256 from runs"))
        .containsExactly("complete 42 "
            + "61b3cb4777e4544dcb06688895661dec89c3e6117ccae939597da98f568cc18c");
    assertThat(strings("select plugins_json from runs").get(0))
        .contains("grid-search").contains("weka-logistic").contains("0.2.0");
    assertThat(longs("select count(*) from test_metrics where run_id = 1")).containsExactly(6L);
    // The best trial is the first of those with the highest mean accuracy.
    assertThat(longs("select best_trial from runs")).isEqualTo(longs("""
        select number from trials where run_id = 1 and status = 'complete'
        order by objective desc, number asc limit 1
        """));
  }

  @Test
  void aBadSpecExitsThreeAndWritesNoDatabase() throws Exception {
    Path spec = dir.resolve("bad.json");
    Files.writeString(spec, "{\"experiment\": \"x\", \"fold\": 3}");
    Path fresh = dir.resolve("untouched.db");
    CliRunner.Result r = CliRunner.run("run", spec.toString(), "--db", fresh.toString());
    assertThat(r.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
    assertThat(r.err()).startsWith("error: ").contains("did you mean 'folds'")
        .doesNotContain("Exception");
    assertThat(fresh).doesNotExist();
  }

  @Test
  void anUnknownEstimatorListsTheAvailableOnes() throws Exception {
    Path spec = dir.resolve("unknown-estimator.json");
    Files.writeString(spec, Files.readString(CliRunner.EXAMPLES.resolve("titanic/grid.json"))
        .replace("weka-logistic", "svm"));
    Files.copy(CliRunner.EXAMPLES.resolve("titanic/train.csv"), dir.resolve("train.csv"));
    Files.copy(CliRunner.EXAMPLES.resolve("titanic/test.csv"), dir.resolve("test.csv"));
    CliRunner.Result r = CliRunner.run("run", spec.toString(), "--db", db.toString());
    assertThat(r.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
    assertThat(r.err()).contains("no estimator 'svm'").contains("weka-logistic");
  }

  private static List<Long> longs(String sql) throws SQLException {
    List<Long> out = new ArrayList<>();
    query(sql, rs -> out.add(rs.getLong(1)));
    return out;
  }

  private static List<Double> doubles(String sql) throws SQLException {
    List<Double> out = new ArrayList<>();
    query(sql, rs -> out.add(rs.getDouble(1)));
    return out;
  }

  private static List<String> strings(String sql) throws SQLException {
    List<String> out = new ArrayList<>();
    query(sql, rs -> out.add(rs.getString(1)));
    return out;
  }

  interface RowReader {
    void read(ResultSet rs) throws SQLException;
  }

  private static void query(String sql, RowReader reader) throws SQLException {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      while (rs.next()) {
        reader.read(rs);
      }
    }
  }
}
