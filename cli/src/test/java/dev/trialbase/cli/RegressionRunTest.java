package dev.trialbase.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A regression run end to end on the repository's Friedman #1 ARFF files: shuffled folds, the
 * regression metrics per fold, the task in {@code show}, and {@code best}, {@code compare} and
 * {@code export} over a minimised metric. The noop estimator predicts the training mean, so the
 * test scores can be computed here independently from the files' last column.
 */
class RegressionRunTest {

  private static final Path EXAMPLES = Path.of("..", "examples", "regression");
  private static final JsonMapper JSON = new JsonMapper();

  @TempDir
  static Path dir;

  static Path db;

  @BeforeAll
  static void runTwice() throws IOException {
    Files.copy(EXAMPLES.resolve("friedman1.arff"), dir.resolve("friedman1.arff"));
    Files.copy(EXAMPLES.resolve("friedman1-test.arff"), dir.resolve("friedman1-test.arff"));
    Path spec = Files.writeString(dir.resolve("spec.json"), """
        {
          "experiment": "friedman",
          "data": {"train": "friedman1.arff", "test": "friedman1-test.arff"},
          "estimator": {"name": "noop"},
          "strategy": {"name": "grid"},
          "space": {"x": [1, 2]},
          "folds": 5,
          "seed": 3
        }
        """);
    db = dir.resolve("r.db");
    for (int i = 0; i < 2; i++) {
      CliRunner.Result r = TinyExperiment.cli("run", spec.toString(), "--db", db.toString(),
          "--no-progress");
      assertThat(r.exitCode()).as(r.err()).isZero();
    }
  }

  @Test
  void theRunIsARegressionWithItsDefaultMetricsPerFold() throws IOException {
    JsonNode show = json("show", "1");
    assertThat(show.get("task").asText()).isEqualTo("regression");
    assertThat(show.get("target").asText()).isEqualTo("y");
    assertThat(show.has("classes")).isFalse();
    assertThat(show.get("objective").asText()).isEqualTo("r2 (maximised)");

    JsonNode trials = json("trials", "1", "--folds");
    JsonNode folds = trials.get(0).get("folds");
    // Folds are listed as metric.fold: five of each regression metric, nothing else.
    assertThat(folds.size()).isEqualTo(15);
    for (int k = 0; k < 5; k++) {
      // A constant prediction (the training mean) explains nothing: r2 <= 0 on every fold.
      assertThat(folds.get("r2." + k).asDouble()).isLessThanOrEqualTo(0.0);
      assertThat(folds.get("rmse." + k).asDouble())
          .isGreaterThanOrEqualTo(folds.get("mae." + k).asDouble());
    }
  }

  @Test
  void testScoresMatchTheTrainingMeanScoredByHand() throws IOException {
    double[] train = lastColumn(dir.resolve("friedman1.arff"));
    double[] test = lastColumn(dir.resolve("friedman1-test.arff"));
    double mean = 0;
    for (double v : train) {
      mean += v / train.length;
    }
    double testMean = 0;
    for (double v : test) {
      testMean += v / test.length;
    }
    double sse = 0;
    double sae = 0;
    double sst = 0;
    for (double v : test) {
      sse += (v - mean) * (v - mean);
      sae += Math.abs(v - mean);
      sst += (v - testMean) * (v - testMean);
    }
    JsonNode scores = json("show", "1").get("test");
    assertThat(scores.get("rmse").asDouble()).isCloseTo(Math.sqrt(sse / test.length),
        within(1e-9));
    assertThat(scores.get("mae").asDouble()).isCloseTo(sae / test.length, within(1e-9));
    assertThat(scores.get("r2").asDouble()).isCloseTo(1 - sse / sst, within(1e-9));
  }

  @Test
  void bestCompareAndExportWorkOnAMinimisedMetric() throws IOException {
    JsonNode best = json("best", "1", "--metric", "rmse");
    assertThat(best.isArray() ? best.get(0) : best).isNotNull();
    CliRunner.Result compare = TinyExperiment.cli("compare", "1", "2", "--db", db.toString());
    assertThat(compare.exitCode()).as(compare.err()).isZero();
    assertThat(compare.out()).contains("r2");
    CliRunner.Result export = TinyExperiment.cli("export", "1", "--format", "csv", "--db",
        db.toString());
    assertThat(export.exitCode()).as(export.err()).isZero();
    assertThat(export.out().lines().findFirst().orElse("")).contains("rmse").contains("mae");
  }

  private static JsonNode json(String... args) throws IOException {
    String[] all = new String[args.length + 4];
    System.arraycopy(args, 0, all, 0, args.length);
    all[args.length] = "--format";
    all[args.length + 1] = "json";
    all[args.length + 2] = "--db";
    all[args.length + 3] = db.toString();
    CliRunner.Result r = TinyExperiment.cli(all);
    assertThat(r.exitCode()).as(r.err()).isZero();
    return JSON.readTree(r.out());
  }

  /** The last field of every data line of an ARFF file: its numeric target. */
  private static double[] lastColumn(Path arff) throws IOException {
    List<String> lines = Files.readAllLines(arff);
    int data = lines.indexOf("@data") + 1;
    return lines.subList(data, lines.size()).stream().filter(l -> !l.isBlank())
        .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(',') + 1))).toArray();
  }
}
