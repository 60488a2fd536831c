package dev.trialbase.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trialbase.engine.PreparedRun;
import dev.trialbase.engine.RunEngine;
import dev.trialbase.plugin.PluginRegistry;
import dev.trialbase.spec.SpecReader;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every example spec the README's Examples section runs passes every check before a run
 * (plugins, data, parameter names and types, Weka's introspection and capabilities) with the
 * real plugins. Running them in full is left to the README's commands: some take a minute.
 */
class ExampleSpecsTest {

  @ParameterizedTest
  @ValueSource(strings = {"titanic/grid.json", "weka/random-forest.json", "weka/smo-rbf.json",
      "weka/j48-grid.json", "regression/m5p.json"})
  void exampleSpecIsAcceptedBeforeTheRun(String example) {
    try (PluginRegistry plugins = PluginRegistry.load(List.of(
        Path.of(System.getProperty(Main.BUILTIN_PLUGINS_PROPERTY))))) {
      PreparedRun prepared = new RunEngine(plugins)
          .prepare(SpecReader.read(CliRunner.EXAMPLES.resolve(example)));
      assertThat(prepared.plannedTrials()).isPositive();
    }
  }
}
