package dev.trialbase.cli;

import static dev.trialbase.cli.TinyExperiment.SPEC;
import static dev.trialbase.cli.TinyExperiment.assertError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.trialbase.engine.RunEngine;
import dev.trialbase.engine.SpecChecks;
import dev.trialbase.plugin.PluginRegistry;
import dev.trialbase.spec.SpecException;
import dev.trialbase.spec.SpecReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every way a spec file can be wrong gives one {@code error:} line naming the problem and
 * where it is, exit code 3, and leaves the database alone: a database holding a real run keeps
 * every row and byte, and a database that does not exist yet is not created.
 */
class BadSpecTest {

  @TempDir
  static Path dir;

  /** A database holding one real run; every refused command must leave it exactly so. */
  static Path stored;

  private static final AtomicInteger CASES = new AtomicInteger();

  @BeforeAll
  static void storeARealRun() {
    stored = TinyExperiment.populatedDatabase(dir);
  }

  // --- the file itself ---------------------------------------------------------------------

  @Test
  void aMissingSpecFileIsNamed() {
    Path missing = dir.resolve("no-such-spec.json");
    assertRefused(missing, "no-such-spec.json", "no such spec file");
  }

  @Test
  void anEmptySpecFileIsReported() throws IOException {
    Path empty = Files.writeString(folder().resolve("empty.json"), "");
    assertRefused(empty, "empty.json", "the spec file is empty");
  }

  @Test
  void aDirectoryGivenAsTheSpecIsReported() throws IOException {
    Path folder = Files.createDirectories(folder().resolve("specs.json"));
    assertRefused(folder, "specs.json", "is a directory");
  }

  @Test
  void aBinaryFileGivenAsTheSpecIsReported() throws IOException {
    byte[] bytes = new byte[256];
    for (int i = 0; i < bytes.length; i++) {
      bytes[i] = (byte) (i * 37);
    }
    Path binary = Files.write(folder().resolve("model.json"), bytes);
    assertRefused(binary, "model.json", "is not a text file");
  }

  @Test
  void malformedJsonGivesTheLineAndColumn() throws IOException {
    // Line 3 lacks the comma after "train.csv".
    Path spec = spec(SPEC.replace("\"train\": \"train.csv\",", "\"train\": \"train.csv\""));
    assertRefused(spec, spec + ":3:", "not valid JSON");
  }

  @Test
  void malformedYamlGivesTheLineAndColumn() throws IOException {
    Path spec = Files.writeString(folder().resolve("spec.yaml"), """
        experiment: tiny
        data:
          train: train.csv
           target: y
        """);
    assertRefused(spec, spec + ":4:10: not valid YAML: mapping values are not allowed here");
  }

  @Test
  void aKeyGivenTwiceIsReportedAtItsLine() throws IOException {
    Path spec = spec(SPEC.replace("\"folds\": 2,", "\"folds\": 2, \"folds\": 3,"));
    assertRefused(spec, spec + ":7:", "Duplicate field 'folds'");
  }

  // --- keys and types ----------------------------------------------------------------------

  @Test
  void anUnknownTopLevelKeySuggestsTheNearestKnownKey() throws IOException {
    Path spec = spec(SPEC.replace("\"folds\": 2", "\"fold\": 2"));
    assertRefused(spec, spec + ":7:", "unknown key 'fold'", "did you mean 'folds'?",
        "known keys here:");
  }

  @Test
  void anUnknownNestedKeyNamesItsPathAndSuggestsTheNearestKey() throws IOException {
    Path spec = spec(SPEC.replace("\"train\": \"train.csv\"", "\"trian\": \"train.csv\""));
    assertRefused(spec, spec + ":3:", "unknown key 'data.trian'", "did you mean 'train'?",
        "known keys here: format, positive, target, task, test, train");
  }

  @Test
  void anUnknownKeyInAYamlSpecIsReportedAtItsLine() throws IOException {
    Path spec = Files.writeString(folder().resolve("spec.yaml"), """
        data:
          train: train.csv
          target: y
        estimator: {name: noop, parms: {x: 1}}
        strategy: {name: grid}
        """);
    assertRefused(spec, spec + ":4:", "unknown key 'estimator.parms'",
        "did you mean 'params'?");
  }

  @Test
  void anUnknownKeyOfASearchedParameterSuggestsTheNearestKey() throws IOException {
    Path spec = spec(SPEC.replace("\"x\": [1, 2, 3]",
        "\"y\": {\"type\": \"int\", \"lo\": 1, \"high\": 3}"));
    assertRefused(spec, spec + ": space.y: unknown key 'lo' for type 'int'",
        "did you mean 'low'?", "allowed keys: high, low, step, type");
  }

  // --- issue 17, items 2 to 4: extremes, non-finite numbers, YAML aliases ------------------

  @Test
  void anIntRangeOverTheWholeLongSpanIsRefused() throws IOException {
    Path spec = spec(SPEC.replace("\"x\": [1, 2, 3]", "\"y\": {\"type\": \"int\", "
        + "\"low\": -9223372036854775808, \"high\": 9223372036854775807}"));
    assertRefused(spec, "space.y: the range -9223372036854775808 to 9223372036854775807",
        "holds more than 9223372036854775807 values");
  }

  @Test
  void aWholeNumberBeyond64BitsIsRefusedNotTruncated() throws IOException {
    Path spec = spec(SPEC.replace("\"x\": [1, 2, 3]",
        "\"y\": {\"type\": \"int\", \"low\": 1, \"high\": 99999999999999999999}"));
    assertRefused(spec, spec + ":6:", "'space.y.high': the whole number 99999999999999999999 "
        + "does not fit in 64 bits");
  }

  @Test
  void aNonFiniteNumberIsRefusedAnywhere() throws IOException {
    Path choice = spec(SPEC.replace("\"x\": [1, 2, 3]", "\"x\": [1e400, 2]"));
    assertRefused(choice, choice + ":6:", "'space.x[0]': the number 1e400 is not finite");
    Path param = spec(SPEC.replace("\"name\": \"noop\"",
        "\"name\": \"noop\", \"params\": {\"z\": -2e308}"));
    assertRefused(param, "'estimator.params.z': the number -2e308 is not finite");
  }

  @Test
  void aYamlAliasIsRefusedRatherThanReadAsItsName() throws IOException {
    Path spec = Files.writeString(folder().resolve("spec.yaml"), """
        experiment: &label tiny
        description: *label
        data: {train: train.csv, target: y}
        estimator: {name: noop}
        strategy: {name: grid}
        """);
    assertRefused(spec, spec + ":2:", "'description': the YAML alias *label is not supported");
  }

  @Test
  void anUnknownParameterTypeSuggestsTheNearestType() throws IOException {
    Path spec = spec(SPEC.replace("\"x\": [1, 2, 3]",
        "\"x\": {\"type\": \"flaot\", \"low\": 0, \"high\": 1}"));
    assertRefused(spec, "space.x: 'type' must be one of choice, int, float; got 'flaot'",
        "did you mean 'float'?");
  }

  @Test
  void textWhereANumberBelongsIsAWrongTypeWithTheValue() throws IOException {
    Path spec = spec(SPEC.replace("\"folds\": 2", "\"folds\": \"two\""));
    assertRefused(spec, spec + ":7:",
        "wrong type for 'folds': expected a whole number, got text \"two\"");
  }

  @Test
  void aNumberInQuotesIsNotSilentlyConverted() throws IOException {
    Path spec = spec(SPEC.replace("\"seed\": 7", "\"seed\": \"7\""));
    assertRefused(spec, "wrong type for 'seed': expected a whole number, got text \"7\"");
  }

  @Test
  void fractionalFoldsAreAWrongTypeNotTruncated() throws IOException {
    Path spec = spec(SPEC.replace("\"folds\": 2", "\"folds\": 2.5"));
    assertRefused(spec, "wrong type for 'folds': expected a whole number, got the number 2.5");
  }

  @Test
  void aListWhereAnObjectBelongsNamesTheExpectedKeys() throws IOException {
    Path spec = spec(SPEC.replace(
        "{\"train\": \"train.csv\", \"test\": \"test.csv\", \"target\": \"y\"}",
        "[\"train.csv\", \"y\"]"));
    assertRefused(spec, spec + ":3:", "wrong type for 'data': expected an object with keys "
        + "train, test, target, task, positive, format, got a list");
  }

  @Test
  void aWrongTypeInANestedObjectNamesThePath() throws IOException {
    Path spec = spec(SPEC.replace("\"train\": \"train.csv\"", "\"train\": [\"train.csv\"]"));
    assertRefused(spec, "wrong type for 'data.train': expected text, got a list");
  }

  @Test
  void aSpecThatIsNotAnObjectIsReported() throws IOException {
    Path spec = Files.writeString(folder().resolve("list.yaml"), "- a\n- b\n");
    assertRefused(spec, spec + ":1:1: a spec must be an object with keys experiment",
        "got a list");
  }

  @Test
  void aMissingRequiredKeyIsNamed() throws IOException {
    Path noTrain = spec(SPEC.replace("\"train\": \"train.csv\", ", ""));
    assertRefused(noTrain, noTrain + ": 'data.train' is missing");
    Path noEstimator = spec(SPEC.replace("\"estimator\": {\"name\": \"noop\"},", ""));
    assertRefused(noEstimator, noEstimator + ": 'estimator.name' is missing");
  }

  @Test
  void anUnknownMetricSuggestsTheNearestOne() throws IOException {
    Path spec = spec(SPEC.replace("\"seed\": 7", "\"seed\": 7, \"objective\": \"acuracy\""));
    assertRefused(spec, "'objective': unknown metric 'acuracy'", "did you mean 'accuracy'?",
        "known metrics: accuracy, precision, recall, f1, roc_auc, log_loss");
  }

  // --- plugins and parameters --------------------------------------------------------------

  @Test
  void anUnknownStrategyListsTheAvailableOnes() throws IOException {
    Path spec = spec(SPEC.replace("\"grid\"", "\"gird\""));
    assertRefused(spec, "no strategy 'gird'", "available: ", "grid", "random", "tpe");
  }

  @Test
  void aTpeGammaOutsideZeroOneIsRefusedBeforeTheRun() throws IOException {
    Path spec = spec(SPEC.replace("\"strategy\": {\"name\": \"grid\"}",
        "\"strategy\": {\"name\": \"tpe\", \"options\": {\"gamma\": 1.5}}, \"trials\": 20"));
    assertRefused(spec, "strategy 'tpe': option 'gamma' must lie strictly between 0 and 1, "
        + "got 1.5");
  }

  @Test
  void anUnknownTpeOptionIsRefusedBeforeTheRun() throws IOException {
    Path spec = spec(SPEC.replace("\"strategy\": {\"name\": \"grid\"}",
        "\"strategy\": {\"name\": \"tpe\", \"options\": {\"startupTrails\": 5}}, \"trials\": 20"));
    assertRefused(spec, "strategy 'tpe': unknown option 'startupTrails'", "startupTrials");
  }

  @Test
  void anUnknownPrunerListsTheAvailableOnes() throws IOException {
    Path spec = spec(SPEC.replace("\"folds\": 2,", "\"folds\": 2, \"pruner\": {\"name\": \"medain\"},"));
    assertRefused(spec, "no pruner 'medain'", "median", "successive-halving");
  }

  @Test
  void aBadPrunerOptionIsRefusedBeforeTheRun() throws IOException {
    Path spec = spec(SPEC.replace("\"folds\": 2,",
        "\"folds\": 2, \"pruner\": {\"name\": \"median\", \"options\": {\"startupTrials\": -1}},"));
    assertRefused(spec, "pruner 'median': option 'startupTrials' must be at least 0, got -1");
  }

  @Test
  void anUnknownKeyInThePrunerIsNamedWithASuggestion() throws IOException {
    Path spec = spec(SPEC.replace("\"folds\": 2,",
        "\"folds\": 2, \"pruner\": {\"name\": \"median\", \"option\": {}},"));
    assertRefused(spec, "unknown key 'pruner.option'", "did you mean 'options'?");
  }

  @Test
  void anUnknownEstimatorListsTheAvailableOnes() throws IOException {
    Path spec = spec(SPEC.replace("\"noop\"", "\"nop\""));
    assertRefused(spec, "no estimator 'nop'", "noop", "faulty", "weka-logistic");
  }

  @Test
  void aSearchedParameterTheEstimatorLacksListsItsParameters() throws IOException {
    Path spec = spec(SPEC.replace("\"x\": [1, 2, 3]", "\"w\": [1, 2]"));
    assertRefused(spec, "space.w: estimator 'noop' has no parameter 'w'",
        "its parameters: x, y, z, c");
  }

  @Test
  void aFixedParameterTheEstimatorLacksSuggestsTheNearestOne() throws IOException {
    Path spec = spec(SPEC.replace("{\"name\": \"noop\"}",
        "{\"name\": \"faulty\", \"params\": {\"mod\": \"ok\"}}").replace("\"x\": [1, 2, 3]", ""));
    assertRefused(spec, "estimator.params.mod: estimator 'faulty' has no parameter 'mod'",
        "did you mean 'mode'?", "its parameters: mode");
  }

  // --- ranges and choices ------------------------------------------------------------------

  @Test
  void anInvertedIntegerRangeIsRejected() throws IOException {
    Path spec = spec(SPEC.replace("\"x\": [1, 2, 3]",
        "\"y\": {\"type\": \"int\", \"low\": 5, \"high\": 1}"));
    assertRefused(spec, spec + ": space.y: empty range: low 5 > high 1");
  }

  @Test
  void anInvertedFloatRangeIsRejected() throws IOException {
    Path spec = spec(SPEC.replace("\"x\": [1, 2, 3]",
        "\"x\": {\"type\": \"float\", \"low\": 2, \"high\": 1, \"points\": 3}"));
    assertRefused(spec, "space.x: empty range: low 2.0 > high 1.0");
  }

  @Test
  void aFloatRangeOfZeroWidthIsRejected() throws IOException {
    Path spec = spec(SPEC.replace("\"x\": [1, 2, 3]",
        "\"x\": {\"type\": \"float\", \"low\": 1, \"high\": 1, \"points\": 3}"));
    assertRefused(spec, "space.x: empty range: low 1.0 = high 1.0",
        "for a single value use a choice list: [1]");
  }

  @Test
  void aLogRangeWithABoundAtOrBelowZeroIsRejected() throws IOException {
    Path zero = spec(SPEC.replace("\"x\": [1, 2, 3]",
        "\"x\": {\"type\": \"float\", \"low\": 0, \"high\": 1, \"log\": true, \"points\": 3}"));
    assertRefused(zero, "space.x: a log-scale range needs low > 0, got 0.0");
    Path negative = spec(SPEC.replace("\"x\": [1, 2, 3]",
        "\"x\": {\"type\": \"float\", \"low\": -1, \"high\": 1, \"log\": true, \"points\": 3}"));
    assertRefused(negative, "space.x: a log-scale range needs low > 0, got -1.0");
  }

  @Test
  void anEmptyChoiceListIsRejected() throws IOException {
    Path list = spec(SPEC.replace("\"x\": [1, 2, 3]", "\"x\": []"));
    assertRefused(list, "space.x: a choice list needs at least one value");
    Path object = spec(SPEC.replace("\"x\": [1, 2, 3]",
        "\"x\": {\"type\": \"choice\", \"values\": []}"));
    assertRefused(object, "space.x: a choice list needs at least one value");
  }

  @Test
  void gridPointsBelowOneAreRejected() throws IOException {
    Path spec = spec(SPEC.replace("\"x\": [1, 2, 3]",
        "\"x\": {\"type\": \"float\", \"low\": 0, \"high\": 1, \"points\": 0}"));
    assertRefused(spec, "space.x: 'points' must be at least 1, got 0");
  }

  // --- folds, trials, limits ---------------------------------------------------------------

  @Test
  void fewerThanTwoFoldsAreRejected() throws IOException {
    Path spec = spec(SPEC.replace("\"folds\": 2", "\"folds\": 1"));
    assertRefused(spec, spec + ": 'folds' must be at least 2, got 1");
  }

  @Test
  void moreFoldsThanRowsInTheLargestClassAreRejected() throws IOException {
    // Each class has 10 training rows; as in scikit-learn, a smaller class alone is allowed.
    Path spec = spec(SPEC.replace("\"folds\": 2", "\"folds\": 11"));
    assertRefused(spec, "folds: 11 stratified folds need a class with at least 11 training "
        + "rows, but the largest has 10");
  }

  @Test
  void aRegressionMetricOnClassesIsRejected() throws IOException {
    Path spec = spec(SPEC.replace("\"seed\": 7", "\"seed\": 7, \"metrics\": [\"accuracy\", \"r2\"]"));
    assertRefused(spec, "'metrics': metric 'r2' is for regression, but the task is "
        + "classification (target 'y')");
  }

  @Test
  void aTwoClassMetricOnManyClassesSuggestsTheMultiClassOne() throws IOException {
    Path spec = spec(SPEC.replace("\"seed\": 7", "\"seed\": 7, \"objective\": \"f1\""));
    Path train = spec.resolveSibling("train.csv");
    List<String> rows = new java.util.ArrayList<>(Files.readAllLines(train));
    for (int i = 1; i < rows.size(); i += 3) {
      rows.set(i, rows.get(i).replaceFirst(",[01]$", ",2"));
    }
    Files.write(train, rows);
    Files.write(spec.resolveSibling("test.csv"), rows.subList(0, 7));
    assertRefused(spec, "'objective': metric 'f1' needs exactly two classes, but the target "
        + "has 3; use f1_macro instead");
  }

  @Test
  void aClassifierOnANumericTargetIsRejectedNamingTheTask() throws IOException {
    Path spec = spec(SPEC.replace("\"noop\"", "\"weka-logistic\"").replace("\"space\": {\"x\": [1, 2, 3]}", "\"space\": {\"C\": [1, 2]}")
        .replace("\"target\": \"y\"", "\"target\": \"a\""));
    assertRefused(spec, "estimator 'weka-logistic' cannot do regression (target 'a' is numeric)");
  }

  @Test
  void aPositiveClassThatIsNoClassIsRejected() throws IOException {
    Path spec = spec(SPEC.replace("\"target\": \"y\"", "\"target\": \"y\", \"positive\": \"yes\""));
    assertRefused(spec, "the positive class 'yes'", "0, 1");
  }

  @Test
  void zeroOrNegativeTrialsAreRejected() throws IOException {
    Path zero = spec(SPEC.replace("\"seed\": 7", "\"seed\": 7, \"trials\": 0"));
    assertRefused(zero, "'trials' must be at least 1, got 0");
    Path negative = spec(SPEC.replace("\"seed\": 7", "\"seed\": 7, \"trials\": -3"));
    assertRefused(negative, "'trials' must be at least 1, got -3");
  }

  @Test
  void aNonPositiveTrialTimeoutIsRejected() throws IOException {
    Path spec = spec(SPEC.replace("\"seed\": 7", "\"seed\": 7, \"trialTimeoutSeconds\": 0"));
    assertRefused(spec, "'trialTimeoutSeconds' must be positive");
  }

  @Test
  void anUnboundedStrategyWithoutTrialsIsRejected() throws IOException {
    Path spec = spec(SPEC.replace("\"grid\"", "\"random\""));
    assertRefused(spec, "strategy 'random' never runs out of proposals: set 'trials'");
  }

  @Test
  void aGridLargerThanTheLimitIsRefusedAndSaysHowToRunIt() throws IOException {
    Path spec = spec(hugeGrid());
    assertRefused(spec, "strategy 'grid': the space has 1000000 points, more than the limit "
        + "of 100000; pass --force to run it anyway");
  }

  @Test
  void forceTakesAGridPastTheLimit() throws IOException {
    // With --force the limit no longer stops the spec: here the data check does, before
    // a single trial, which shows --force got past the limit without running a million trials.
    Path spec = spec(hugeGrid());
    Files.delete(spec.resolveSibling("train.csv"));
    assertRefused(spec, List.of("--force"), "train.csv: no such file");
  }

  @Test
  void theEngineAppliesTheLimitOnlyWhenNotForced() throws IOException {
    Path spec = spec(hugeGrid());
    assertThat(SpecChecks.MAX_GRID_TRIALS).isEqualTo(100_000);
    try (PluginRegistry plugins = PluginRegistry.load(List.of(
        Path.of(System.getProperty(Main.BUILTIN_PLUGINS_PROPERTY)),
        TinyExperiment.TEST_PLUGINS))) {
      RunEngine engine = new RunEngine(plugins);
      assertThatThrownBy(() -> engine.prepare(SpecReader.read(spec), false))
          .isInstanceOf(SpecException.class).hasMessageContaining("limit of 100000");
      assertThat(engine.prepare(SpecReader.read(spec), true).plannedTrials())
          .isEqualTo(1_000_000);
      // Stored runs (resume, reproduce) are prepared without the limit.
      assertThat(engine.prepare(SpecReader.read(spec)).plannedTrials()).isEqualTo(1_000_000);
    }
  }

  @Test
  void aGridOverTheLimitCutToTheLimitByTrialsRuns() throws IOException {
    // 'trials' at most the limit caps the run, so it is not refused: 2 of a million points.
    Path spec = spec(hugeGrid().replace("\"seed\": 7", "\"seed\": 7, \"trials\": 2"));
    Path db = dir.resolve("capped.db");
    CliRunner.Result r = TinyExperiment.cli("run", spec.toString(), "--db", db.toString(),
        "--no-progress");
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out()).contains("run 1 complete: 2 trials");
  }

  // --- helpers -----------------------------------------------------------------------------

  /** A 1000 × 1000 grid over noop's x and y. */
  private static String hugeGrid() {
    return SPEC.replace("\"x\": [1, 2, 3]", "\"x\": {\"type\": \"float\", \"low\": 0, "
        + "\"high\": 1, \"points\": 1000}, \"y\": {\"type\": \"int\", \"low\": 1, "
        + "\"high\": 1000}");
  }

  /** A new folder with the tiny data and nothing else. */
  private static Path folder() {
    Path folder = dir.resolve("case-" + CASES.incrementAndGet());
    TinyExperiment.write(folder);
    return folder;
  }

  /** A new folder with the tiny data and {@code text} as spec.json. */
  private static Path spec(String text) {
    return TinyExperiment.write(dir.resolve("case-" + CASES.incrementAndGet()), text);
  }

  private static void assertRefused(Path spec, String... fragments) {
    assertRefused(spec, List.of(), fragments);
  }

  /**
   * Runs {@code spec} against the stored database and against a new path; both must be
   * refused with exit 3 and the {@code fragments}, the first leaving every row and byte as
   * it was, the second creating no file.
   */
  private static void assertRefused(Path spec, List<String> options, String... fragments) {
    DatabaseSnapshot before = DatabaseSnapshot.of(stored);
    List<String> args = new ArrayList<>(List.of("run", spec.toString(), "--db",
        stored.toString()));
    args.addAll(options);
    assertError(TinyExperiment.cli(args.toArray(String[]::new)), ExitCode.BAD_INPUT,
        fragments);
    DatabaseSnapshot.assertUnchanged(stored, before);

    Path fresh = dir.resolve("fresh-" + CASES.incrementAndGet() + ".db");
    args.set(3, fresh.toString());
    assertError(TinyExperiment.cli(args.toArray(String[]::new)), ExitCode.BAD_INPUT,
        fragments);
    assertThat(fresh).as("a refused spec creates no database").doesNotExist();
  }
}
