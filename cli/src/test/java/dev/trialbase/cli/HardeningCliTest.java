package dev.trialbase.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 17's command-line rough edges, on a real run whose experiment name and string
 * parameters hold control characters and runs of spaces: terminal safety (item 9), empty CSV
 * output (16), export's params column (17) and a missing plugins folder (25).
 */
class HardeningCliTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final char ESC = '\u001b';

  @TempDir
  static Path dir;

  static Path db;

  @BeforeAll
  static void runWithHostileText() {
    // JSON escapes: an OSC title change, a clear-screen CSI, a bell, a tab and two spaces.
    String spec = """
        {
          "experiment": "tiny\\u001b]0;pwned\\u0007\\u001b[2J",
          "data": {"train": "train.csv", "test": "test.csv", "target": "y"},
          "estimator": {"name": "noop"},
          "strategy": {"name": "grid"},
          "space": {"c": ["two  words", "tab\\there", "red\\u001b[31m"]},
          "folds": 2,
          "seed": 7
        }
        """;
    Path specFile = TinyExperiment.write(dir.resolve("hostile"), spec);
    db = dir.resolve("hostile.db");
    CliRunner.Result r = TinyExperiment.cli("run", specFile.toString(), "--db", db.toString(),
        "--no-progress");
    assertThat(r.exitCode()).as(r.err()).isZero();
  }

  @Test
  void tablesEscapeControlCharacters() {
    for (List<String> command : List.of(List.of("runs"), List.of("trials", "1"),
        List.of("show", "1"), List.of("best", "1"))) {
      String[] args = new String[command.size() + 2];
      for (int i = 0; i < command.size(); i++) {
        args[i] = command.get(i);
      }
      args[command.size()] = "--db";
      args[command.size() + 1] = db.toString();
      CliRunner.Result r = CliRunner.run(args);
      assertThat(r.exitCode()).as(command + ": " + r.err()).isZero();
      assertThat(r.out()).as(String.join(" ", command))
          .doesNotContain(String.valueOf(ESC)).doesNotContain("\u0007").doesNotContain("\t");
    }
    String runs = CliRunner.run("runs", "--db", db.toString()).out();
    assertThat(runs).contains("tiny\\e]0;pwned\\a\\e[2J");
    String trials = CliRunner.run("trials", "1", "--db", db.toString()).out();
    assertThat(trials).contains("tab\\there").contains("red\\e[31m");
  }

  @Test
  void theRunSummaryEscapesTheBestParameters() {
    String spec = """
        {
          "experiment": "tiny",
          "data": {"train": "train.csv", "test": "test.csv", "target": "y"},
          "estimator": {"name": "noop"},
          "strategy": {"name": "grid"},
          "space": {"c": ["red\\u001b[31m"]},
          "folds": 2,
          "seed": 7
        }
        """;
    Path specFile = TinyExperiment.write(dir.resolve("summary"), spec);
    CliRunner.Result r = TinyExperiment.cli("run", specFile.toString(), "--db",
        dir.resolve("summary.db").toString(), "--no-progress");
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out()).contains("best trial 0: {c=red\\e[31m}")
        .doesNotContain(String.valueOf(ESC));
  }

  @Test
  void jsonAndCsvKeepTheExactText() throws Exception {
    JsonNode runs = JSON.readTree(CliRunner.run("runs", "--db", db.toString(), "--format",
        "json").out());
    assertThat(runs.get(0).get("experiment").asText())
        .isEqualTo("tiny" + ESC + "]0;pwned\u0007" + ESC + "[2J");
  }

  @Test
  void theRunStoresTheBuildVersionNotTheApiVersion() throws Exception {
    JsonNode show = JSON.readTree(CliRunner.run("show", "1", "--db", db.toString(), "--format",
        "json").out());
    assertThat(show.get("trialbase").asText())
        .isEqualTo(dev.trialbase.engine.BuildVersion.current());
  }

  @Test
  void emptyCsvOutputIsTheHeaderOnly() {
    String dbFile = db.toString();
    CliRunner.Result noMatch = CliRunner.run("trials", "1", "--db", dbFile, "--format", "csv",
        "--where", "number > 99");
    assertThat(noMatch.exitCode()).as(noMatch.err()).isZero();
    assertThat(noMatch.out().lines().toList()).containsExactly("number,status");

    CliRunner.Result limitZero = CliRunner.run("trials", "1", "--db", dbFile, "--format", "csv",
        "--limit", "0");
    assertThat(limitZero.exitCode()).as(limitZero.err()).isZero();
    assertThat(limitZero.out().lines().toList()).containsExactly("number,status");

    CliRunner.Result noRuns = CliRunner.run("runs", "--db", dbFile, "--experiment", "nope",
        "--format", "csv");
    assertThat(noRuns.exitCode()).as(noRuns.err()).isZero();
    assertThat(noRuns.out().lines().toList()).containsExactly(
        "id,experiment,strategy,estimator,seed,status,trials,ok,failed,objective,best,"
            + "bestTrial,started,seconds");

    CliRunner.Result emptyJson = CliRunner.run("runs", "--db", dbFile, "--experiment", "nope",
        "--format", "json");
    assertThat(emptyJson.out().strip()).isEqualTo("[ ]");
  }

  @Test
  void exportKeepsStringParametersExactly() throws Exception {
    Path out = dir.resolve("export.csv");
    CliRunner.Result r = CliRunner.run("export", "1", "--db", db.toString(), "--out",
        out.toString());
    assertThat(r.exitCode()).as(r.err()).isZero();
    // The params column holds compact JSON: every string exactly as stored.
    List<Map<String, String>> rows = new ArrayList<>();
    new CsvMapper().readerFor(Map.class).with(CsvSchema.emptySchema().withHeader())
        .<Map<String, String>>readValues(out.toFile()).forEachRemaining(rows::add);
    assertThat(rows).extracting(row -> row.get("params")).containsExactly(
        "{\"c\":\"two  words\"}", "{\"c\":\"tab\\there\"}", "{\"c\":\"red\\u001B[31m\"}");
    for (Map<String, String> row : rows) {
      assertThat(JSON.readTree(row.get("params")).get("c").asText()).isEqualTo(row.get("param_c"));
    }
    assertThat(rows.get(0).get("param_c")).isEqualTo("two  words");
    JsonNode asJson = JSON.readTree(CliRunner.run("export", "1", "--db", db.toString(),
        "--format", "json").out());
    assertThat(asJson.get(0).get("params").get("c").asText()).isEqualTo("two  words");
    assertThat(asJson.get(0).get("param_c").asText()).isEqualTo("two  words");
  }

  @Test
  void aMissingPluginsFolderIsNamedInOneWarning() {
    Path missing = dir.resolve("no-such-plugins");
    // In this JVM the build's own plugins are not configured, so 'plugins' finds none
    // (exit 5); the point is the one warning naming the missing folder.
    CliRunner.Result r = CliRunner.run("plugins", "--plugins", missing.toString());
    assertThat(r.err().lines().filter(l -> l.startsWith("warning: ")).toList())
        .singleElement().asString().contains(missing.toString()).contains("does not exist");
  }
}
