package dev.trialbase.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code plugins}, {@code runs} and {@code trials} on a database made by real random runs. */
class QueryCommandsTest {

  private static final JsonMapper JSON = new JsonMapper();

  @TempDir
  static Path dir;

  static Path db;

  @BeforeAll
  static void runTheRandomExampleTwice() {
    db = dir.resolve("random.db");
    String spec = CliRunner.EXAMPLES.resolve("titanic/random.json").toString();
    assertThat(CliRunner.run("run", spec, "--db", db.toString()).exitCode()).isZero();
    assertThat(CliRunner.run("run", spec, "--db", db.toString()).exitCode()).isZero();
  }

  @Test
  void pluginsListsGridRandomAndWekaLogisticWithVersions() throws Exception {
    CliRunner.Result r = CliRunner.run("plugins", "--format", "json");
    assertThat(r.exitCode()).as(r.err()).isZero();
    List<String> provides = new ArrayList<>();
    for (JsonNode p : JSON.readTree(r.out())) {
      assertThat(p.get("version").asText()).isEqualTo("0.2.0");
      provides.add(p.get("provides").asText());
    }
    assertThat(provides).contains("strategy grid", "strategy random",
        "estimator weka-logistic, estimator weka, format arff");
  }

  @Test
  void runsPrintsEachRunAsJson() throws Exception {
    CliRunner.Result r = CliRunner.run("runs", "--db", db.toString(), "--format", "json");
    assertThat(r.exitCode()).as(r.err()).isZero();
    JsonNode runs = JSON.readTree(r.out());
    assertThat(runs).hasSize(2);
    for (JsonNode run : runs) {
      assertThat(run.get("experiment").asText()).isEqualTo("titanic-logistic");
      assertThat(run.get("strategy").asText()).isEqualTo("random");
      assertThat(run.get("estimator").asText()).isEqualTo("weka-logistic");
      assertThat(run.get("seed").asLong()).isEqualTo(42);
      assertThat(run.get("status").asText()).isEqualTo("complete");
      assertThat(run.get("trials").asInt()).isEqualTo(100);
    }
  }

  @Test
  void sameSeedGivesIdenticalParameterSetsAndScores() throws Exception {
    JsonNode first = trials(1);
    JsonNode second = trials(2);
    assertThat(first).hasSize(100);
    for (int i = 0; i < 100; i++) {
      assertThat(second.get(i).get("params")).isEqualTo(first.get(i).get("params"));
      assertThat(second.get(i).get("metrics")).isEqualTo(first.get(i).get("metrics"));
    }
  }

  @Test
  void trialsJsonHasNumberStatusParamsMetricsAndErrorForFailures() throws Exception {
    JsonNode trials = trials(1);
    boolean sawFailure = false;
    for (JsonNode t : trials) {
      assertThat(t.has("number") && t.has("status") && t.has("params") && t.has("metrics")).isTrue();
      assertThat(t.get("params").get("C").asDouble()).isBetween(1e-4, 1e4);
      if (t.get("status").asText().equals("failed")) {
        sawFailure = true;
        assertThat(t.get("error").asText()).isNotBlank();
      } else {
        assertThat(t.get("metrics").get("accuracy").asDouble()).isBetween(0.5, 1.0);
        assertThat(t.has("error")).isFalse();
      }
    }
    assertThat(sawFailure).isTrue();
  }

  @Test
  void trialsCsvHasOneRowPerTrialAndFlatColumns() {
    CliRunner.Result r = CliRunner.run("trials", "1", "--db", db.toString(), "--format", "csv");
    assertThat(r.exitCode()).isZero();
    String[] lines = r.out().split("\n");
    assertThat(lines).hasSize(101);
    assertThat(lines[0]).startsWith("number,status,params.C,params.penalty,params.solver,metrics.");
  }

  @Test
  void anUnknownRunIsNotFound() {
    CliRunner.Result r = CliRunner.run("trials", "99", "--db", db.toString());
    assertThat(r.exitCode()).isEqualTo(ExitCode.NOT_FOUND);
    assertThat(r.err()).contains("no run 99");
  }

  @Test
  void anUnknownFormatIsAUsageError() {
    CliRunner.Result r = CliRunner.run("runs", "--db", db.toString(), "--format", "xml");
    assertThat(r.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(r.err()).contains("xml");
  }

  private static JsonNode trials(long run) throws Exception {
    CliRunner.Result r = CliRunner.run("trials", Long.toString(run), "--db", db.toString(),
        "--format", "json");
    assertThat(r.exitCode()).as(r.err()).isZero();
    return JSON.readTree(r.out());
  }
}
