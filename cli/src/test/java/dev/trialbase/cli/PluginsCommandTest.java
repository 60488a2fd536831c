package dev.trialbase.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code trialbase plugins} shows each extension's {@code description()}, and
 * {@code trialbase params} the {@code ParamInfo} descriptions of every estimator (issue 17,
 * item 23), read from the real bundled plugins and the test estimators.
 */
class PluginsCommandTest {

  private static final JsonMapper JSON = new JsonMapper();

  @Test
  void jsonNestsEveryExtensionWithKindNameAndItsOwnDescription() throws Exception {
    CliRunner.Result r = CliRunner.run("plugins", "--format", "json");

    assertThat(r.exitCode()).as(r.err()).isZero();
    JsonNode weka = plugin(JSON.readTree(r.out()), "weka");
    assertThat(weka.get("description").asText())
        .isEqualTo("Weka: estimators and the ARFF data format");
    List<String> extensions = new ArrayList<>();
    for (JsonNode e : weka.get("extensions")) {
      extensions.add(e.get("kind").asText() + " " + e.get("name").asText() + ": "
          + e.get("description").asText());
    }
    assertThat(extensions).hasSize(3);
    assertThat(extensions).anySatisfy(e -> assertThat(e)
        .startsWith("estimator weka: any Weka classifier or regressor by class name"));
    assertThat(extensions).anySatisfy(e -> assertThat(e)
        .startsWith("estimator weka-logistic: Weka logistic regression (L2)"));
    assertThat(extensions).anySatisfy(e -> assertThat(e)
        .startsWith("format arff: Weka's ARFF files"));
    JsonNode grid = plugin(JSON.readTree(r.out()), "grid-search");
    assertThat(grid.get("extensions")).hasSize(1);
    assertThat(grid.get("extensions").get(0).get("description").asText())
        .isEqualTo("Every point of the space in order, last parameter varying fastest");
  }

  @Test
  void theTableListsThePluginsThenEachExtensionWithItsDescription() {
    CliRunner.Result r = CliRunner.run("plugins");

    assertThat(r.exitCode()).as(r.err()).isZero();
    List<String> lines = r.out().lines().toList();
    int blank = lines.indexOf("");
    assertThat(blank).isPositive();
    assertThat(lines.get(0)).startsWith("id ").contains("provides").contains("description");
    assertThat(lines.subList(1, blank)).hasSize(5);
    assertThat(lines.get(blank + 1).split("\\s+"))
        .containsExactly("plugin", "kind", "name", "description");
    // Five plugins provide 3 + 1 + 1 + 2 + 1 extensions: one line each.
    assertThat(lines.subList(blank + 2, lines.size())).hasSize(8);
    assertThat(lines).anySatisfy(l -> assertThat(l).matches(
        "grid-search +strategy +grid +Every point of the space in order, last parameter v.*"));
    assertThat(lines).anySatisfy(l -> assertThat(l).matches(
        "pruners +pruner +median +Stops a trial whose running mean over its folds.*"));
  }

  @Test
  void csvIsOneRowPerExtensionWithItsPlugin() {
    CliRunner.Result r = CliRunner.run("plugins", "--format", "csv");

    assertThat(r.exitCode()).as(r.err()).isZero();
    List<String> lines = r.out().lines().toList();
    assertThat(lines.get(0))
        .isEqualTo("plugin,version,kind,name,description,plugin_description,path");
    assertThat(lines).hasSize(1 + 8);
    assertThat(lines).anySatisfy(l -> assertThat(l).startsWith(
        "grid-search,0.2.0,strategy,grid,\"Every point of the space in order, last parameter "
            + "varying fastest\","));
  }

  @Test
  void everyEstimatorListsADescriptionForEachParameter() throws Exception {
    String plugins = TinyExperiment.TEST_PLUGINS.toString();   // beside the build's own
    List<String> estimators = new ArrayList<>();
    CliRunner.Result listing = CliRunner.run("plugins", "--plugins", plugins, "--format", "json");
    assertThat(listing.exitCode()).as(listing.err()).isZero();
    for (JsonNode p : JSON.readTree(listing.out())) {
      for (JsonNode e : p.get("extensions")) {
        if (e.get("kind").asText().equals("estimator")) {
          estimators.add(e.get("name").asText());
        }
      }
    }
    assertThat(estimators).contains("weka", "weka-logistic", "noop", "faulty", "cpu");

    for (String estimator : estimators) {
      CliRunner.Result r = CliRunner.run("params", estimator, "--plugins", plugins,
          "--format", "json");
      assertThat(r.exitCode()).as(estimator + ": " + r.err()).isZero();
      JsonNode params = JSON.readTree(r.out());
      assertThat(params).as(estimator).isNotEmpty();
      for (JsonNode param : params) {
        assertThat(param.get("description").asText())
            .as(estimator + "." + param.get("name").asText()).isNotBlank();
      }
    }
  }

  private static JsonNode plugin(JsonNode plugins, String id) {
    for (JsonNode p : plugins) {
      if (p.get("id").asText().equals(id)) {
        return p;
      }
    }
    throw new AssertionError("no plugin " + id + " in " + plugins);
  }
}
