package dev.trialbase.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code show}, {@code best}, {@code trials --where/--sort/--limit/--folds}, {@code compare}
 * and {@code export}, in every format, on a database made by real runs of both examples.
 */
class AnalysisCommandsTest {

  private static final JsonMapper JSON = new JsonMapper();

  @TempDir
  static Path dir;

  static Path db;

  @BeforeAll
  static void runBothExamples() {
    db = dir.resolve("analysis.db");
    for (String spec : List.of("grid.json", "random.json")) {
      CliRunner.Result r = CliRunner.run("run",
          CliRunner.EXAMPLES.resolve("titanic").resolve(spec).toString(), "--db", db.toString());
      assertThat(r.exitCode()).as(r.err()).isZero();
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"table", "json", "csv"})
  void everyCommandPrintsEveryFormat(String format) {
    for (String[] command : List.of(
        new String[] {"runs"}, new String[] {"show", "1"}, new String[] {"best", "2"},
        new String[] {"trials", "1", "--folds", "--limit", "3"},
        new String[] {"compare", "1", "2"})) {
      List<String> args = new ArrayList<>(List.of(command));
      args.addAll(List.of("--db", db.toString(), "--format", format));
      CliRunner.Result r = CliRunner.run(args.toArray(String[]::new));
      assertThat(r.exitCode()).as(args + ": " + r.err()).isZero();
      assertThat(r.out()).as(String.join(" ", args)).isNotBlank();
      if (format.equals("json")) {
        assertThat(parses(r.out())).as(String.join(" ", args)).isTrue();
      }
    }
  }

  @Test
  void showGivesProvenanceCountsBestAndTestScores() throws Exception {
    JsonNode show = json("show", "1");
    assertThat(show.get("seed").asLong()).isEqualTo(42);
    assertThat(show.get("data").get("trainSha256").asText())
        .isEqualTo("61b3cb4777e4544dcb06688895661dec89c3e6117ccae939597da98f568cc18c");
    assertThat(show.get("plugins").get("estimator").asText())
        .isEqualTo("weka-logistic (plugin weka 0.2.0)");
    assertThat(show.get("trials").get("complete").asInt() + show.get("trials").get("failed")
        .asInt()).isEqualTo(140);
    assertThat(show.get("best").get("folds").size()).isEqualTo(6 * 5);
    assertThat(show.get("test").get("accuracy").asDouble()).isBetween(0.5, 1.0);
  }

  @Test
  void bestAgreesWithTheStoredBestAndWithTheTrialsSortedByHand() throws Exception {
    JsonNode best = json("best", "1");
    assertThat(best.get("number").asLong()).isEqualTo(single("select best_trial from runs where id = 1"));
    // Independently: the highest mean accuracy, lowest number first.
    assertThat(best.get("number").asLong()).isEqualTo(single("""
        select trial_number from trial_metrics where run_id = 1 and metric = 'accuracy'
        order by mean desc, trial_number asc limit 1
        """));
    JsonNode byLogLoss = json("best", "1", "--metric", "log_loss");
    assertThat(byLogLoss.get("number").asLong()).isEqualTo(single("""
        select trial_number from trial_metrics where run_id = 1 and metric = 'log_loss'
        order by mean asc, trial_number asc limit 1
        """));
  }

  @Test
  void whereSortAndLimitSelectWhatSqlSelects() throws Exception {
    JsonNode trials = json("trials", "2", "--where",
        "metrics.accuracy > 0.85 and (params.penalty = 'l2' or params.C >= 10)",
        "--sort", "accuracy", "--limit", "5");
    List<Long> expected = longs("""
        select m.trial_number from trial_metrics m where m.run_id = 2 and m.metric = 'accuracy'
          and m.mean > 0.85 and m.trial_number in (select trial_number from params p
            where p.run_id = 2 and ((p.name = 'penalty' and p.value_text = 'l2')
              or (p.name = 'C' and p.value_num >= 10)))
        order by m.mean desc, m.trial_number asc limit 5
        """);
    List<Long> actual = new ArrayList<>();
    trials.forEach(t -> actual.add(t.get("number").asLong()));
    assertThat(actual).isNotEmpty().isEqualTo(expected);
  }

  @Test
  void foldsShowEachFoldValue() throws Exception {
    JsonNode trial = json("trials", "1", "--folds", "--status", "complete", "--limit", "1")
        .get(0);
    double sum = 0;
    for (int k = 0; k < 5; k++) {
      sum += trial.get("folds").get("accuracy." + k).asDouble();
    }
    assertThat(sum / 5).isCloseTo(trial.get("metrics").get("accuracy").asDouble(),
        org.assertj.core.data.Offset.offset(1e-12));
  }

  @Test
  void compareShowsSpecDifferencesBestTrialsAndAPairedTest() throws Exception {
    CliRunner.Result table = CliRunner.run("compare", "1", "2", "--db", db.toString());
    assertThat(table.out()).contains("spec differences:").contains("strategy.name")
        .contains("best trials").contains("paired tests").containsPattern("significant at");
    JsonNode compare = json("compare", "1", "2");
    JsonNode test = compare.get("pairedTests").get(0);
    assertThat(test.get("df").asInt()).isEqualTo(4);
    assertThat(test.get("p").asDouble()).isBetween(0.0, 1.0);
    assertThat(test.get("wilcoxonP").asDouble()).isBetween(0.0, 1.0);
    assertThat(compare.get("runs")).hasSize(2);
  }

  @Test
  void compareAsCsvKeepsSpecDifferencesAndPairedTestsInASectionColumn() throws Exception {
    CliRunner.Result r = CliRunner.run("compare", "1", "2", "--db", db.toString(), "--format",
        "csv");
    assertThat(r.exitCode()).as(r.err()).isZero();
    List<Map<String, String>> rows = new ArrayList<>();
    new CsvMapper().readerFor(Map.class).with(CsvSchema.emptySchema().withHeader())
        .<Map<String, String>>readValues(r.out()).forEachRemaining(rows::add);
    JsonNode compare = json("compare", "1", "2");
    assertThat(rows.stream().filter(row -> row.get("section").equals("spec_difference")))
        .hasSize(compare.get("specDifferences").size())
        .anySatisfy(row -> assertThat(row.get("key")).isEqualTo("strategy.name"));
    assertThat(rows.stream().filter(row -> row.get("section").equals("best_trial")))
        .hasSize(2);
    List<Map<String, String>> tests = rows.stream()
        .filter(row -> row.get("section").equals("paired_test")).toList();
    assertThat(tests).hasSize(1);
    assertThat(Double.parseDouble(tests.get(0).get("p")))
        .isEqualTo(compare.get("pairedTests").get(0).get("p").asDouble());
    assertThat(tests.get(0).get("wilcoxonP")).isNotBlank();
  }

  @Test
  void exportWritesOneRowPerTrialLikeCvResults() throws Exception {
    Path out = dir.resolve("export.csv");
    CliRunner.Result r = CliRunner.run("export", "1", "--db", db.toString(), "--out",
        out.toString());
    assertThat(r.exitCode()).as(r.err()).isZero();
    CsvSchema header = CsvSchema.emptySchema().withHeader();
    List<Map<String, String>> rows = new ArrayList<>();
    new CsvMapper().readerFor(Map.class).with(header).<Map<String, String>>readValues(out.toFile())
        .forEachRemaining(rows::add);
    assertThat(rows).hasSize(140);
    Map<String, String> first = rows.get(0);
    assertThat(first).containsKeys("param_C", "param_penalty", "param_solver",
        "mean_test_accuracy", "std_test_accuracy", "rank_test_accuracy",
        "split0_test_accuracy", "split4_test_accuracy");
    long rankOnes = rows.stream().filter(row -> "1".equals(row.get("rank_test_accuracy")))
        .count();
    assertThat(rankOnes).isGreaterThanOrEqualTo(1);
    for (Map<String, String> row : rows) {
      // The params column is the trial's parameters as JSON, agreeing with the param_ columns.
      JsonNode params = JSON.readTree(row.get("params"));
      JsonNode penalty = params.get("penalty");
      assertThat(penalty.isNull() ? "" : penalty.asText()).isEqualTo(row.get("param_penalty"));
      assertThat(params.get("solver").asText()).isEqualTo(row.get("param_solver"));
      assertThat(params.get("C").asDouble()).isEqualTo(Double.parseDouble(row.get("param_C")));
    }
    JsonNode asJson = JSON.readTree(CliRunner.run("export", "1", "--db", db.toString(),
        "--format", "json").out());
    assertThat(asJson).hasSize(140);
    assertThat(asJson.get(0).get("params").isObject()).isTrue();
  }

  @Test
  void anInjectionAttemptIsRejectedAndTheDatabaseIsUnchanged() throws Exception {
    long before = single("select count(*) from trials");
    byte[] bytes = Files.readAllBytes(db);
    CliRunner.Result r = CliRunner.run("trials", "1", "--db", db.toString(), "--where",
        "metrics.accuracy > 0; drop table trials");
    assertThat(r.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(r.err()).contains("column 21").contains("^");
    assertThat(single("select count(*) from trials")).isEqualTo(before);
    assertThat(Files.readAllBytes(db)).isEqualTo(bytes);
  }

  private static boolean parses(String text) {
    try {
      JSON.readTree(text);
      return true;
    } catch (Exception e) {
      return false;
    }
  }

  private static JsonNode json(String... args) throws Exception {
    List<String> all = new ArrayList<>(List.of(args));
    all.addAll(List.of("--db", db.toString(), "--format", "json"));
    CliRunner.Result r = CliRunner.run(all.toArray(String[]::new));
    assertThat(r.exitCode()).as(r.err()).isZero();
    return JSON.readTree(r.out());
  }

  private static long single(String sql) throws Exception {
    return longs(sql).get(0);
  }

  private static List<Long> longs(String sql) throws Exception {
    List<Long> out = new ArrayList<>();
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      while (rs.next()) {
        out.add(rs.getLong(1));
      }
    }
    return out;
  }
}
