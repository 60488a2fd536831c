package dev.trialbase.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The generic {@code weka} estimator checks a spec from Weka's own introspection before
 * anything runs: a mistyped classifier, property or nested property, a value of the wrong
 * type, an option that is not one of a property's tags, a class of the wrong kind, and a
 * classifier that cannot handle the data each give one {@code error:} line with exit 3, and
 * no database file is created. Runs the real Weka plugin from the build's plugins folder.
 */
class WekaSpecErrorsTest {

  @TempDir
  static Path dir;

  private static final AtomicInteger CASES = new AtomicInteger();

  private static void assertRefused(String data, String params, String space,
      String... fragments) throws IOException {
    int n = CASES.incrementAndGet();
    Path spec = Files.writeString(dir.resolve("spec-" + n + ".json"), """
        {
          "data": {"train": "%s"},
          "estimator": {"name": "weka", "params": %s},
          "strategy": {"name": "grid"},
          "space": %s,
          "folds": 3,
          "seed": 1
        }
        """.formatted(CliRunner.EXAMPLES.resolve(data).toString().replace('\\', '/'), params,
        space));
    Path db = dir.resolve("refused-" + n + ".db");
    TinyExperiment.assertError(CliRunner.run("run", spec.toString(), "--db", db.toString(),
        "--no-progress"), ExitCode.BAD_INPUT, fragments);
    assertThat(db).as("a refused spec creates no database").doesNotExist();
  }

  private static final String CANCER = "weka/breast-cancer.arff";

  @Test
  void aMistypedClassifierSuggestsTheNearestName() throws IOException {
    assertRefused(CANCER, "{\"class\": \"J84\"}", "{}",
        "estimator 'weka': class: Weka has no classifier 'J84'; did you mean 'J48'?");
    assertRefused(CANCER, "{\"classifier\": \"RandomForrest\"}", "{}",
        "did you mean 'RandomForest'?");
  }

  @Test
  void aMistypedPropertySuggestsTheNearestProperty() throws IOException {
    assertRefused(CANCER, "{\"class\": \"J48\", \"confidenceFacter\": 0.1}", "{}",
        "estimator.params.confidenceFacter: estimator 'weka' has no parameter "
            + "'confidenceFacter'; did you mean 'confidenceFactor'?");
    assertRefused(CANCER, "{\"class\": \"J48\"}", "{\"minNumObject\": [1, 2]}",
        "space.minNumObject", "did you mean 'minNumObj'?");
  }

  @Test
  void aMistypedNestedPropertyOrClassIsNamed() throws IOException {
    assertRefused(CANCER, "{\"class\": \"SMO\", \"kernel\": \"RBFKernel\"}",
        "{\"kernel.gama\": [0.1, 1.0]}", "space.kernel.gama", "did you mean 'kernel.gamma'?");
    assertRefused(CANCER, "{\"class\": \"SMO\", \"kernel\": \"RBFKernal\"}", "{}",
        "kernel: Weka has no kernel 'RBFKernal'; did you mean 'RBFKernel'?");
    assertRefused(CANCER, "{\"class\": \"SMO\", \"kernel\": \"J48\"}", "{}",
        "kernel: weka.classifiers.trees.J48 is not a kernel");
  }

  @Test
  void aValueOfTheWrongTypeIsRefused() throws IOException {
    assertRefused(CANCER, "{\"class\": \"J48\", \"confidenceFactor\": \"high\"}", "{}",
        "estimator.params.confidenceFactor: expected a number for parameter "
            + "'confidenceFactor', got text \"high\"");
    assertRefused(CANCER, "{\"class\": \"J48\"}", "{\"unpruned\": [true, \"no\"]}",
        "space.unpruned: expected true or false");
    assertRefused(CANCER, "{\"class\": \"J48\"}",
        "{\"minNumObj\": {\"type\": \"int\", \"low\": 1, \"high\": 9000000000}}",
        "space.minNumObj: 9000000000 is out of range for minNumObj");
  }

  @Test
  void anOptionThatIsNotATagIsRefusedListingTheTags() throws IOException {
    assertRefused(CANCER, "{\"class\": \"SMO\", \"filterType\": \"whiten\"}", "{}",
        "filterType: 'whiten' is not an option of filterType; options: "
            + "['Normalize training data', 'Standardize training data', "
            + "'No normalization/standardization']");
  }

  @Test
  void aNestedValueIsCheckedOnEveryClassTheSpaceCanPick() throws IOException {
    assertRefused(CANCER, "{\"class\": \"SMO\"}",
        "{\"kernel\": [\"RBFKernel\", \"PolyKernel\"], \"kernel.gamma\": [0.1]}",
        "space.kernel.gamma: PolyKernel has no property 'gamma'");
  }

  @Test
  void aClassifierThatCannotHandleTheDataIsRefusedByWekasCapabilities() throws IOException {
    assertRefused(CANCER, "{\"class\": \"LinearRegression\"}", "{}",
        "LinearRegression cannot handle this data", "Cannot handle binary class");
    assertRefused("regression/friedman1.arff", "{\"class\": \"J48\"}", "{}",
        "J48 cannot handle this data", "Cannot handle numeric class");
  }
}
