package dev.trialbase.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code trialbase report} on the README's two Titanic runs: what the page's data holds,
 * checked against the other commands' answers, and the bad-input cases (unknown run, a file
 * that cannot be written).
 */
class ReportCommandTest {

  private static final JsonMapper JSON = new JsonMapper();

  @TempDir
  static Path dir;

  static Path db;

  @BeforeAll
  static void titanicRuns() {
    db = ReportFixture.titanicRuns(dir);
  }

  @Test
  void oneRunReportHoldsEveryTrialTheBestTrialFailuresAndImportance() throws Exception {
    JsonNode data = ReportFixture.data(ReportFixture.report(db, dir.resolve("r1.html"), "1"));
    JsonNode run = data.get("runs").get(0);
    JsonNode best = JSON.readTree(CliRunner.run("best", "1", "--db", db.toString(),
        "--format", "json").out());
    assertThat(run.get("history").get("y")).hasSize(140);
    assertThat(run.get("history").get("s")).hasSize(140);
    assertThat(run.get("history").get("first").asLong()).isZero();
    assertThat(run.get("history").get("n").isNull()).as("0..139: only the first is written")
        .isTrue();
    assertThat(run.get("table").get("rows")).hasSize(140);
    assertThat(run.get("table").get("sampled").asBoolean()).isFalse();
    assertThat(run.get("best").get("number").asLong()).isEqualTo(best.get("number").asLong());
    // The best-so-far curve ends at the best objective, at the last trial.
    JsonNode last = run.get("bestSoFar").get(run.get("bestSoFar").size() - 1);
    assertThat(last.get(0).asLong()).isEqualTo(139);
    assertThat(last.get(1).asDouble())
        .isCloseTo(best.get("metrics").get("accuracy").asDouble(), within(1e-5));
    // 63 of the grid's 140 points fail (as in scikit-learn), grouped by reason.
    long failed = 0;
    for (JsonNode g : run.get("failures")) {
      failed += g.get("count").asLong();
      assertThat(g.get("status").asText()).isEqualTo("failed");
    }
    assertThat(failed).isEqualTo(63);
    assertThat(run.get("importance").get("trials").asInt()).isEqualTo(77);
    List<String> params = new ArrayList<>();
    run.get("importance").get("shares").forEach(s -> params.add(s.get("param").asText()));
    assertThat(params).containsExactlyInAnyOrder("C", "penalty", "solver");
    assertThat(run.get("topFolds").get("trials")).hasSize(10);
    assertThat(run.get("topFolds").get("trials").get(0).get("folds")).hasSize(5);
    assertThat(run.get("running").asBoolean()).isFalse();
    assertThat(data.get("comparison").isNull()).isTrue();
    JsonNode header = run.get("header");
    assertThat(header.get("task").asText()).isEqualTo("classification");
    assertThat(header.get("target").asText()).isEqualTo("Survived");
    assertThat(header.get("class labels").asText()).isEqualTo("0, 1");
    assertThat(header.get("positive class").asText()).isEqualTo("1");
  }

  @Test
  void twoRunReportPairsTheBestTrialsExactlyAsCompareDoes() throws Exception {
    JsonNode data = ReportFixture.data(ReportFixture.report(db, dir.resolve("r12.html"), "1", "2"));
    JsonNode compare = JSON.readTree(CliRunner.run("compare", "1", "2", "--db", db.toString(),
        "--format", "json").out());
    JsonNode ours = data.get("comparison").get("pairedTests").get(0);
    JsonNode theirs = compare.get("pairedTests").get(0);
    for (String field : List.of("runs", "metric", "t", "df", "p", "wilcoxonP", "result")) {
      assertThat(ours.get(field)).as(field).isEqualTo(theirs.get(field));
    }
    assertThat(data.get("comparison").get("specDifferences"))
        .isEqualTo(compare.get("specDifferences"));
    assertThat(data.get("comparison").get("bestFolds")).hasSize(2);
    assertThat(data.get("runs")).hasSize(2);
  }

  @Test
  void withoutOutTheFileIsNamedAfterTheRuns() throws Exception {
    Path file = Path.of("trialbase-report-2.html");
    try {
      CliRunner.Result r = CliRunner.run("report", "2", "--db", db.toString());
      assertThat(r.exitCode()).as(r.err()).isZero();
      assertThat(r.out()).startsWith("wrote trialbase-report-2.html (");
      assertThat(ReportFixture.data(file).get("runs").get(0).get("id").asLong()).isEqualTo(2);
    } finally {
      Files.deleteIfExists(file);
    }
  }

  @Test
  void anUnknownRunIsOneLineAndExit6AndWritesNothing() {
    Path out = dir.resolve("unknown.html");
    CliRunner.Result r = CliRunner.run("report", "1", "9", "--db", db.toString(),
        "--out", out.toString());
    TinyExperiment.assertError(r, ExitCode.NOT_FOUND, "no run 9");
    assertThat(out).doesNotExist();
  }

  @Test
  void anOutputThatCannotBeWrittenIsOneLineAndExit8AndLeavesNoFile() throws Exception {
    Path missing = dir.resolve("no-such-folder").resolve("r.html");
    TinyExperiment.assertError(CliRunner.run("report", "1", "--db", db.toString(),
        "--out", missing.toString()), ExitCode.OUTPUT, "cannot write the report",
        "its folder does not exist");
    assertThat(missing.getParent()).doesNotExist();

    Path folder = Files.createDirectories(dir.resolve("a-folder"));
    TinyExperiment.assertError(CliRunner.run("report", "1", "--db", db.toString(),
        "--out", folder.toString()), ExitCode.OUTPUT, "is a directory");
    assertThat(folder).isEmptyDirectory();
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".tmp"));
    }
  }

  @Test
  void aRunStillRunningIsReportedAsItStandsAndMarked() throws Exception {
    Path running = ReportFixture.runningWithPrunedTrials(db, dir);
    JsonNode run = ReportFixture.data(ReportFixture.report(running,
        dir.resolve("running.html"), "1")).get("runs").get(0);
    assertThat(run.get("running").asBoolean()).isTrue();
    assertThat(run.get("status").asText()).isEqualTo("running");
    List<String> statuses = new ArrayList<>();
    run.get("history").get("statuses").forEach(s -> statuses.add(s.asText()));
    assertThat(statuses).contains("pruned", "failed", "complete");
    List<Long> numbers = new ArrayList<>();
    run.get("history").get("n").forEach(n -> numbers.add(n.asLong()));
    assertThat(numbers).hasSize(139).doesNotContain(30L).contains(29L, 31L);
  }
}
