package dev.trialbase.spec;

import dev.trialbase.api.Suggestions;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.trialbase.api.Distribution;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpecReaderTest {

  @TempDir
  Path dir;

  private static final String FULL_JSON = """
      {
        "experiment": "titanic-logistic",
        "description": "a small search",
        "data": {"train": "data/train.csv", "test": "data/test.csv", "target": "survived"},
        "estimator": {"name": "weka-logistic", "params": {"maxIts": 100, "tol": 0.001}},
        "strategy": {"name": "random", "options": {"batch": 2}},
        "space": {
          "ridge": {"type": "float", "low": 1e-4, "high": 1e4, "log": true, "points": 9},
          "depth": {"type": "int", "low": 1, "high": 10, "step": 3},
          "penalty": ["l2", null],
          "C": [0.1, 1, 10]
        },
        "trials": 20,
        "folds": 3,
        "metrics": ["accuracy", "roc_auc"],
        "objective": "roc_auc",
        "seed": 7,
        "trialTimeoutSeconds": 30.5
      }
      """;

  private static final String FULL_YAML = """
      experiment: titanic-logistic
      description: a small search
      data:
        train: data/train.csv
        test: data/test.csv
        target: survived
      estimator:
        name: weka-logistic
        params:
          maxIts: 100
          tol: 0.001
      strategy:
        name: random
        options:
          batch: 2
      space:
        ridge: {type: float, low: 1.0e-4, high: 1.0e+4, log: true, points: 9}
        depth:
          type: int
          low: 1
          high: 10
          step: 3
        penalty: [l2, null]
        C: [0.1, 1, 10]
      trials: 20
      folds: 3
      metrics: [accuracy, roc_auc]
      objective: roc_auc
      seed: 7
      trialTimeoutSeconds: 30.5
      """;

  private static final String MINIMAL_JSON = """
      {
        "data": {"train": "train.csv", "target": "y"},
        "estimator": {"name": "weka-logistic"},
        "strategy": {"name": "grid"},
        "space": {"C": [1, 2]}
      }
      """;

  private Path write(String name, String text) throws IOException {
    Path file = dir.resolve(name);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text, StandardCharsets.UTF_8);
    return file;
  }

  /** A minimal valid JSON spec with {@code extra} members added at the top level. */
  private Path minimalWith(String extra) throws IOException {
    return write("spec.json", MINIMAL_JSON.replaceFirst("\\{", "{" + extra + ","));
  }

  @Test
  void jsonAndYamlOfTheSameSpecAreEqual() throws IOException {
    LoadedSpec json = SpecReader.read(write("json/spec.json", FULL_JSON));
    LoadedSpec yaml = SpecReader.read(write("yaml/spec.yaml", FULL_YAML));
    assertThat(yaml.spec()).isEqualTo(json.spec());
    assertThat(yaml.space()).isEqualTo(json.space());
    assertThat(yaml.toJson()).isEqualTo(json.toJson());
  }

  @Test
  void fullSpecIsReadAsWritten() throws IOException {
    LoadedSpec loaded = SpecReader.read(write("spec.json", FULL_JSON));
    ExperimentSpec s = loaded.spec();
    assertThat(s.experiment()).isEqualTo("titanic-logistic");
    assertThat(s.data()).isEqualTo(
        new ExperimentSpec.Data("data/train.csv", "data/test.csv", "survived", null, null, null));
    assertThat(s.estimator().name()).isEqualTo("weka-logistic");
    assertThat(s.strategy().options()).containsEntry("batch", 2);
    assertThat(s.trials()).isEqualTo(20L);
    assertThat(s.folds()).isEqualTo(3);
    assertThat(s.metrics()).containsExactly("accuracy", "roc_auc");
    assertThat(s.objective()).isEqualTo("roc_auc");
    assertThat(s.seed()).isEqualTo(7L);
    assertThat(s.trialTimeoutSeconds()).isEqualTo(30.5);
    // Space keeps declaration order.
    assertThat(loaded.space().parameters().keySet())
        .containsExactly("ridge", "depth", "penalty", "C");
    assertThat(loaded.space().parameters().get("ridge"))
        .isEqualTo(new Distribution.FloatRange(1e-4, 1e4, true, 9));
    assertThat(loaded.space().parameters().get("depth"))
        .isEqualTo(new Distribution.IntRange(1, 10, 3));
    // Data paths resolve against the spec's folder.
    assertThat(loaded.trainFile()).isEqualTo(dir.resolve("data/train.csv").toAbsolutePath());
    assertThat(loaded.testFile()).isEqualTo(dir.resolve("data/test.csv").toAbsolutePath());
  }

  @Test
  void defaultsAreFilledIn() throws IOException {
    LoadedSpec loaded = SpecReader.read(write("my-experiment.json", MINIMAL_JSON));
    ExperimentSpec s = loaded.spec();
    assertThat(s.folds()).isEqualTo(5);
    // Metrics and objective depend on the task: the engine fills them once the data is read.
    assertThat(s.objective()).isNull();
    assertThat(s.metrics()).isNull();
    assertThat(s.experiment()).isEqualTo("my-experiment");
    assertThat(s.trials()).isNull();
    assertThat(s.seed()).isNull();
    assertThat(loaded.testFile()).isNull();
  }

  @Test
  void experimentDefaultsToTheYamlFileStem() throws IOException {
    LoadedSpec loaded = SpecReader.read(write("sweep.v2.yml", """
        data: {train: train.csv, target: y}
        estimator: {name: weka-logistic}
        strategy: {name: grid}
        """));
    // Only the last extension is dropped.
    assertThat(loaded.spec().experiment()).isEqualTo("sweep.v2");
  }

  @Test
  void objectiveMissingFromMetricsIsAddedFirst() throws IOException {
    LoadedSpec loaded = SpecReader.read(
        minimalWith("\"metrics\": [\"accuracy\", \"f1\"], \"objective\": \"log_loss\""));
    assertThat(loaded.spec().metrics()).containsExactly("log_loss", "accuracy", "f1");
  }

  @Test
  void malformedJsonReportsLineAndColumn() throws IOException {
    Path file = write("bad.json", "{\n  \"folds\": 3,\n  \"trials\": ,\n}\n");
    assertThatThrownBy(() -> SpecReader.read(file))
        .isInstanceOf(SpecException.class)
        .hasMessageStartingWith(file + ":3:")
        .hasMessageContaining("not valid JSON");
  }

  @Test
  void malformedYamlReportsLine() throws IOException {
    Path file = write("bad.yaml", "data:\n  train: a.csv\n   target: [y\n");
    assertThatThrownBy(() -> SpecReader.read(file))
        .isInstanceOf(SpecException.class)
        .hasMessageStartingWith(file + ":")
        .hasMessageContaining("not valid YAML");
  }

  @Test
  void trailingGarbageAfterJsonIsRejected() throws IOException {
    Path file = write("trailing.json", MINIMAL_JSON + "\n{}");
    assertThatThrownBy(() -> SpecReader.read(file))
        .isInstanceOf(SpecException.class)
        .hasMessageContaining("not valid JSON");
  }

  @Test
  void unknownKeySuggestsTheNearestKnownKey() throws IOException {
    Path file = minimalWith("\"fold\": 3");
    assertThatThrownBy(() -> SpecReader.read(file))
        .isInstanceOf(SpecException.class)
        .hasMessageStartingWith(file + ":")
        .hasMessageContaining("unknown key 'fold'")
        .hasMessageContaining("did you mean 'folds'?")
        .hasMessageContaining("known keys here:");
  }

  @Test
  void unknownNestedKeyNamesItsPathAndSuggestion() throws IOException {
    Path file = write("nested.yaml", """
        data:
          trian: train.csv
          target: y
        estimator: {name: weka-logistic}
        strategy: {name: grid}
        """);
    // The key is on line 2; a position, when given, must be that line (not the end of the
    // enclosing object, where the parser is when it reports the key).
    assertThatThrownBy(() -> SpecReader.read(file))
        .isInstanceOf(SpecException.class)
        .message()
        .matches(Pattern.quote(file.toString()) + "(:2:\\d+)?: unknown key 'data.trian'.*")
        .contains("did you mean 'train'?");
  }

  @Test
  void unknownTopLevelKeyIsReportedAtItsLine() throws IOException {
    Path file = write("top.yaml", """
        folds: 3
        fold: 3
        data: {train: a.csv, target: y}
        estimator: {name: e}
        strategy: {name: grid}
        """);
    assertThatThrownBy(() -> SpecReader.read(file))
        .isInstanceOf(SpecException.class)
        .message()
        .matches(Pattern.quote(file.toString()) + "(:2:\\d+)?: unknown key 'fold'.*");
  }

  @Test
  void unknownKeyFarFromEveryKnownKeyHasNoSuggestion() throws IOException {
    Path file = minimalWith("\"zzzzzzzzzzzz\": 1");
    assertThatThrownBy(() -> SpecReader.read(file))
        .isInstanceOf(SpecException.class)
        .hasMessageContaining("unknown key 'zzzzzzzzzzzz'")
        .hasMessageNotContaining("did you mean");
  }

  @Test
  void editDistanceCountsInsertionsDeletionsAndSubstitutions() {
    assertThat(Suggestions.editDistance("fold", "folds")).isEqualTo(1);
    assertThat(Suggestions.editDistance("kitten", "sitting")).isEqualTo(3);
    assertThat(Suggestions.editDistance("", "abc")).isEqualTo(3);
    assertThat(Suggestions.editDistance("same", "same")).isEqualTo(0);
  }

  @Test
  void wrongTypeNamesTheKey() throws IOException {
    Path file = minimalWith("\"folds\": \"five\"");
    assertThatThrownBy(() -> SpecReader.read(file))
        .isInstanceOf(SpecException.class)
        .hasMessageStartingWith(file + ":")
        .hasMessageContaining("wrong type for 'folds'");
  }

  @Test
  void wrongTypeOfNestedObjectNamesThePath() throws IOException {
    Path file = write("spec.json", """
        {"data": {"train": ["a.csv"], "target": "y"},
         "estimator": {"name": "e"}, "strategy": {"name": "grid"}}
        """);
    assertThatThrownBy(() -> SpecReader.read(file))
        .isInstanceOf(SpecException.class)
        .hasMessageContaining("wrong type for 'data.train'");
  }

  @Test
  void fractionalFoldsAreRejectedNotTruncated() throws IOException {
    // "folds": 2.5 must not silently become 2 folds.
    Path file = minimalWith("\"folds\": 2.5");
    assertThatThrownBy(() -> SpecReader.read(file))
        .isInstanceOf(SpecException.class)
        .hasMessageContaining("folds");
  }

  @Test
  void missingTrainFileIsReported() throws IOException {
    Path file = write("spec.json", """
        {"data": {"target": "y"}, "estimator": {"name": "e"}, "strategy": {"name": "grid"}}
        """);
    assertThatThrownBy(() -> SpecReader.read(file))
        .isInstanceOf(SpecException.class)
        .hasMessageStartingWith(file + ": ")
        .hasMessageContaining("'data.train' is missing");
  }

  @Test
  void aSpecWithoutATargetTakesTheLastColumnLater() throws IOException {
    Path noTarget = write("b.json", """
        {"data": {"train": "t.csv"}, "estimator": {"name": "e"}, "strategy": {"name": "g"}}
        """);
    assertThat(SpecReader.read(noTarget).spec().data().target()).isNull();
  }

  @Test
  void anUnknownTaskIsReportedWithTheKnownOnes() throws IOException {
    Path file = write("t.json", """
        {"data": {"train": "t.csv", "task": "clustering"}, "estimator": {"name": "e"},
         "strategy": {"name": "g"}}
        """);
    assertThatThrownBy(() -> SpecReader.read(file))
        .hasMessageContaining("'data.task' must be one of classification, regression");
  }

  @Test
  void missingDataEstimatorOrStrategyIsReported() throws IOException {
    Path noData = write("a.json", "{\"estimator\": {\"name\": \"e\"}, \"strategy\": {\"name\": \"g\"}}");
    assertThatThrownBy(() -> SpecReader.read(noData)).hasMessageContaining("'data' is missing");
    Path noEstimator = write("c.json", """
        {"data": {"train": "t.csv", "target": "y"}, "strategy": {"name": "g"}}
        """);
    assertThatThrownBy(() -> SpecReader.read(noEstimator))
        .hasMessageContaining("'estimator.name' is missing");
    Path noStrategy = write("d.json", """
        {"data": {"train": "t.csv", "target": "y"}, "estimator": {"name": "e"}}
        """);
    assertThatThrownBy(() -> SpecReader.read(noStrategy))
        .hasMessageContaining("'strategy.name' is missing");
  }

  @Test
  void foldsBelowTwoAreRejected() throws IOException {
    Path file = minimalWith("\"folds\": 1");
    assertThatThrownBy(() -> SpecReader.read(file))
        .isInstanceOf(SpecException.class)
        .hasMessageContaining("'folds' must be at least 2, got 1");
  }

  @Test
  void nonPositiveTrialsAreRejected() throws IOException {
    assertThatThrownBy(() -> SpecReader.read(minimalWith("\"trials\": 0")))
        .isInstanceOf(SpecException.class)
        .hasMessageContaining("'trials' must be at least 1, got 0");
    assertThatThrownBy(() -> SpecReader.read(minimalWith("\"trials\": -3")))
        .isInstanceOf(SpecException.class)
        .hasMessageContaining("got -3");
  }

  @Test
  void nonPositiveTimeoutIsRejected() throws IOException {
    assertThatThrownBy(() -> SpecReader.read(minimalWith("\"trialTimeoutSeconds\": 0")))
        .isInstanceOf(SpecException.class)
        .hasMessageContaining("'trialTimeoutSeconds' must be positive");
  }

  @Test
  void unknownMetricListsTheKnownOnes() throws IOException {
    assertThatThrownBy(() -> SpecReader.read(minimalWith("\"metrics\": [\"accuracy\", \"auc\"]")))
        .isInstanceOf(SpecException.class)
        .hasMessageContaining("unknown metric 'auc'")
        .hasMessageContaining("roc_auc");
    assertThatThrownBy(() -> SpecReader.read(minimalWith("\"objective\": \"acc\"")))
        .isInstanceOf(SpecException.class)
        .hasMessageContaining("unknown metric 'acc'");
  }

  @Test
  void repeatedMetricIsRejected() throws IOException {
    assertThatThrownBy(() -> SpecReader.read(minimalWith("\"metrics\": [\"f1\", \"f1\"]")))
        .isInstanceOf(SpecException.class)
        .hasMessageContaining("names a metric twice");
  }

  @Test
  void spaceErrorsNameTheFileAndParameter() throws IOException {
    Path file = write("spec.json", MINIMAL_JSON.replace("\"C\": [1, 2]", "\"C\": []"));
    assertThatThrownBy(() -> SpecReader.read(file))
        .isInstanceOf(SpecException.class)
        .hasMessageStartingWith(file + ": space.C: ")
        .hasMessageContaining("at least one value");
  }

  @Test
  void missingFileIsReported() {
    Path file = dir.resolve("nope.json");
    assertThatThrownBy(() -> SpecReader.read(file))
        .isInstanceOf(SpecException.class)
        .hasMessageContaining(file.toString())
        .hasMessageContaining("no such spec file");
  }

  @Test
  void directoryIsReported() {
    assertThatThrownBy(() -> SpecReader.read(dir))
        .isInstanceOf(SpecException.class)
        .hasMessageContaining("is a directory");
  }

  @Test
  void emptyOrBlankFileIsReported() throws IOException {
    assertThatThrownBy(() -> SpecReader.read(write("empty.json", "")))
        .isInstanceOf(SpecException.class)
        .hasMessageContaining("the spec file is empty");
    assertThatThrownBy(() -> SpecReader.read(write("blank.yaml", "  \n\n\t\n")))
        .isInstanceOf(SpecException.class)
        .hasMessageContaining("the spec file is empty");
  }

  @Test
  void commentOnlyYamlIsReportedAsEmpty() throws IOException {
    assertThatThrownBy(() -> SpecReader.read(write("comment.yaml", "# nothing yet\n")))
        .isInstanceOf(SpecException.class)
        .hasMessageContaining("the spec file is empty");
  }

  @Test
  void binaryFileIsReported() throws IOException {
    Path nul = dir.resolve("model.json");
    Files.write(nul, new byte[] {'{', 0, 0, 1, 2, '}'});
    assertThatThrownBy(() -> SpecReader.read(nul))
        .isInstanceOf(SpecException.class)
        .hasMessageContaining("is not a text file");
    Path invalidUtf8 = dir.resolve("model.yaml");
    Files.write(invalidUtf8, new byte[] {(byte) 0xC3, (byte) 0x28, (byte) 0xFF, 'a'});
    assertThatThrownBy(() -> SpecReader.read(invalidUtf8))
        .isInstanceOf(SpecException.class)
        .hasMessageContaining("is not a text file");
  }

  @Test
  void withSeedReplacesOnlyTheSeed() throws IOException {
    LoadedSpec loaded = SpecReader.read(write("spec.json", FULL_JSON));
    LoadedSpec reseeded = loaded.withSeed(99);
    assertThat(reseeded.spec().seed()).isEqualTo(99L);
    assertThat(reseeded.spec().withSeed(7)).isEqualTo(loaded.spec());
    assertThat(reseeded.space()).isEqualTo(loaded.space());
  }

  @Test
  void toJsonRoundTripsThroughTheReader() throws IOException {
    LoadedSpec loaded = SpecReader.read(write("spec.json", FULL_JSON));
    LoadedSpec again = SpecReader.read(write("copy/spec.json", loaded.toJson()));
    assertThat(again.spec()).isEqualTo(loaded.spec());
    assertThat(again.space()).isEqualTo(loaded.space());
  }

  @Test
  void strategyOptionsKeepTheirParsedValues() throws IOException {
    LoadedSpec loaded = SpecReader.read(write("spec.yaml", """
        data: {train: t.csv, target: y}
        estimator: {name: e, params: {flag: true, name: x}}
        strategy: {name: random, options: {ratio: 0.5, list: [1, 2]}}
        """));
    assertThat(loaded.spec().strategy().options())
        .isEqualTo(Map.of("ratio", 0.5, "list", List.of(1, 2)));
    assertThat(loaded.spec().estimator().params()).isEqualTo(Map.of("flag", true, "name", "x"));
  }

  // Issue 17, items 2 and 3.

  @Test
  void aFloatRangeOverNearlyTheWholeDoubleSpanIsAccepted() throws IOException {
    LoadedSpec loaded = SpecReader.read(write("wide.json", """
        {"data": {"train": "t.csv"}, "estimator": {"name": "e"}, "strategy": {"name": "grid"},
         "space": {"w": {"type": "float", "low": -1.7e308, "high": 1.7e308, "points": 3}}}
        """));
    assertThat(loaded.space().parameters().get("w"))
        .isEqualTo(new Distribution.FloatRange(-1.7e308, 1.7e308, false, 3));
  }

  /** Jackson's YAML parser refuses {@code .inf} itself; kept here so a change would show. */
  @Test
  void aYamlInfinityIsRefused() throws IOException {
    Path spec = write("inf.yaml", """
        data: {train: t.csv}
        estimator: {name: e, params: {C: .inf}}
        strategy: {name: grid}
        """);
    assertThatThrownBy(() -> SpecReader.read(spec)).isInstanceOf(SpecException.class)
        .hasMessageContaining(":2:").hasMessageContaining("'.inf'");
  }

  @Test
  void everyNumbersTypeSurvivesTheStoredSpecExactly() throws IOException {
    LoadedSpec loaded = SpecReader.read(write("types.json", """
        {"data": {"train": "t.csv"},
         "estimator": {"name": "e", "params": {"i": 3, "l": 5000000000, "d": 2.0, "e": 1e20,
                                               "tiny": 4.9e-324, "big": 1.7976931348623157e308}},
         "strategy": {"name": "random", "options": {"r": 0.1}},
         "space": {"ints": [1, 9223372036854775807], "floats": [1e-300, 2.0, 1.5e300],
                   "mixed": [1, 2.5], "r": {"type": "float", "low": 1, "high": 1e300}}}
        """));
    LoadedSpec stored = SpecReader.fromStored(loaded.toJson(), loaded.file(),
        loaded.trainFile(), null);
    Map<String, Object> params = stored.spec().estimator().params();
    assertThat(params).isEqualTo(loaded.spec().estimator().params());
    params.forEach((name, value) -> assertThat(value.getClass()).as(name)
        .isEqualTo(loaded.spec().estimator().params().get(name).getClass()));
    assertThat(params.get("d")).isEqualTo(2.0);
    assertThat(params.get("i")).isEqualTo(3);
    assertThat(stored.space()).isEqualTo(loaded.space());
    assertThat(((Distribution.Categorical) stored.space().parameters().get("ints")).choices())
        .containsExactly(1L, Long.MAX_VALUE);
    assertThat(((Distribution.Categorical) stored.space().parameters().get("mixed")).choices())
        .containsExactly(1.0, 2.5);
  }
}
