package dev.trialbase.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@code trialbase params}: an estimator's parameters, read from the real Weka plugin. */
class ParamsCommandTest {

  @Test
  void listsAWekaClassifiersPropertiesWithTypeDefaultAndWekasDescription() {
    CliRunner.Result r = CliRunner.run("params", "weka", "--classifier", "RandomForest",
        "--format", "csv");

    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out().lines()).first().isEqualTo("name,type,default,description");
    assertThat(r.out()).contains("numIterations,int,100,\"The number of trees in the random "
        + "forest.\"").contains("maxDepth,int,0,").doesNotContain("debug,");
  }

  @Test
  void nestedSettingsListTheChosenClassesProperties() {
    CliRunner.Result r = CliRunner.run("params", "weka", "--classifier", "SMO", "--set",
        "kernel=RBFKernel", "--format", "csv");

    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out()).contains("kernel.gamma,float,0.01,").contains("filterType,tag,");
  }

  @Test
  void aMisnamedPluginsDirectoryIsAWarningAndTheBuildsPluginsStillAnswer() {
    CliRunner.Result r = CliRunner.run("params", "weka-logistic", "--plugins",
        "/no/such/plugins-dir");

    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.err()).startsWith("warning: plugins directory /no/such/plugins-dir "
        + "(--plugins) does not exist");
    assertThat(r.out()).contains("C");
  }

  @Test
  void aMistypedClassifierIsAUsageErrorWithASuggestion() {
    CliRunner.Result r = CliRunner.run("params", "weka", "--classifier", "J4");

    assertThat(r.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(r.err().lines()).hasSize(1).first().asString()
        .startsWith("error: estimator 'weka': class: Weka has no classifier 'J4'; "
            + "did you mean 'J48'?");
  }

  @Test
  void theLogisticEstimatorListsItsFixedParameters() {
    CliRunner.Result r = CliRunner.run("params", "weka-logistic", "--format", "csv");

    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out()).contains("C,float,").contains("solver,string,lbfgs,");
  }
}
