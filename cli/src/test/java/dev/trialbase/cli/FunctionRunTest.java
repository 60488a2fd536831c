package dev.trialbase.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run of an objective function from a plugin (the test plugin's {@code quadratic}), end to
 * end through the command line: with 1 and with 2 parallel trials it stores the same trials,
 * {@code reproduce} says identical, and the query commands show it like any run.
 */
class FunctionRunTest {

  private static final JsonMapper JSON = new JsonMapper();

  @TempDir
  static Path dir;

  static Path db;
  static Path spec;

  @BeforeAll
  static void runWithOneAndTwoJobs() throws IOException {
    spec = TinyExperiment.quadraticSpec(dir, 30);
    db = dir.resolve("f.db");
    for (String jobs : new String[] {"1", "2"}) {
      CliRunner.Result r = TinyExperiment.cli("run", spec.toString(), "--db", db.toString(),
          "--no-progress", "--jobs", jobs);
      assertThat(r.exitCode()).as(r.err()).isZero();
    }
  }

  private static JsonNode json(String... args) throws IOException {
    String[] all = new String[args.length + 4];
    System.arraycopy(args, 0, all, 0, args.length);
    all[args.length] = "--db";
    all[args.length + 1] = db.toString();
    all[args.length + 2] = "--format";
    all[args.length + 3] = "json";
    CliRunner.Result r = TinyExperiment.cli(all);
    assertThat(r.exitCode()).as(r.err()).isZero();
    return JSON.readTree(r.out());
  }

  @Test
  void oneAndTwoParallelTrialsStoreTheSameTrials() throws IOException {
    JsonNode one = json("trials", "1");
    JsonNode two = json("trials", "2");
    assertThat(one.size()).isEqualTo(30);
    assertThat(two).isEqualTo(one);
  }

  @Test
  void reproduceSaysIdentical() {
    CliRunner.Result r = TinyExperiment.cli("reproduce", "1", "--db", db.toString(),
        "--no-progress", "--jobs", "2");
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out()).startsWith("identical: run ");
  }

  @Test
  void queriesShowTheRunLikeAnyOther() throws IOException {
    JsonNode runs = json("runs");
    assertThat(runs.get(0).get("estimator").asText()).isEqualTo("quadratic");
    double lowest = Double.MAX_VALUE;
    for (JsonNode t : json("trials", "1", "--status", "complete")) {
      lowest = Math.min(lowest, t.get("metrics").get("loss").asDouble());
    }
    assertThat(json("best", "1").get("metrics").get("loss").asDouble()).isEqualTo(lowest);
    assertThat(json("trials", "1", "--sort", "loss", "--limit", "1").get(0).get("metrics")
        .get("loss").asDouble()).isEqualTo(lowest);
    JsonNode show = json("show", "1");
    assertThat(show.get("task").asText()).isEqualTo("function");
    assertThat(show.get("plugins").get("objective").asText())
        .isEqualTo("quadratic (plugin test-estimators 0.2.0)");
    assertThat(show.has("data")).isFalse();
    CliRunner.Result compare = TinyExperiment.cli("compare", "1", "2", "--db", db.toString());
    assertThat(compare.exitCode()).as(compare.err()).isZero();
    CliRunner.Result export = TinyExperiment.cli("export", "1", "--db", db.toString());
    assertThat(export.exitCode()).as(export.err()).isZero();
    assertThat(export.out().lines().count()).isEqualTo(31);
    CliRunner.Result report = TinyExperiment.cli("report", "1", "--db", db.toString(),
        "--out", dir.resolve("r.html").toString());
    assertThat(report.exitCode()).as(report.err()).isZero();
  }

  @Test
  void aThrowingTrialFailsAloneWithItsReason() throws IOException {
    JsonNode failed = json("trials", "1", "--status", "failed");
    assertThat(failed.size()).isPositive().isLessThan(30);
    for (JsonNode t : failed) {
      assertThat(t.get("params").get("x").asDouble()).isGreaterThan(4.5);
      assertThat(t.get("error").asText()).contains("is above fail_above");
    }
  }
}
