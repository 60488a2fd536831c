package dev.trialbase.cli;

import dev.trialbase.engine.PreparedRun;
import dev.trialbase.engine.RunEngine;
import dev.trialbase.engine.RunResult;
import dev.trialbase.engine.SpecChecks;
import dev.trialbase.plugin.PluginRegistry;
import dev.trialbase.spec.LoadedSpec;
import dev.trialbase.spec.SpecReader;
import dev.trialbase.store.Database;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code trialbase run SPEC}: runs a search and stores every trial. */
@Command(name = "run", description = "Run a spec: search, cross-validate, store every trial.")
final class RunCommand implements Callable<Integer> {

  @ParentCommand
  Main main;

  @Spec
  picocli.CommandLine.Model.CommandSpec command;

  @Mixin
  ExecutionOptions execution;

  @Parameters(paramLabel = "SPEC", description = "The spec file, JSON or YAML.")
  Path specFile;

  @Option(names = "--seed", paramLabel = "N", description = "Run seed; overrides the spec's.")
  Long seed;

  @Option(names = "--force", description = "Run a grid of more than "
      + SpecChecks.MAX_GRID_TRIALS + " trials, which is refused otherwise.")
  boolean force;

  @Mixin
  Output.FormatOption format;

  @Override
  public Integer call() {
    int jobs = execution.jobs();
    LoadedSpec loaded = SpecReader.read(specFile);
    if (seed != null) {
      loaded = loaded.withSeed(seed);
    }
    try (PluginRegistry plugins = PluginRegistry.load(main.pluginRoots())) {
      plugins.problems().forEach(p -> command.commandLine().getErr().println("warning: " + p));
      RunEngine engine = new RunEngine(plugins);
      PreparedRun prepared = engine.prepare(loaded, force);
      Database database = Database.open(main.databaseFile());
      RunResult result = RunSession.run(command.commandLine().getErr(), execution.showProgress(),
          (listener, control) -> engine.execute(prepared, database, jobs, listener, control));
      return RunSummary.print(command.commandLine().getOut(), format.format, result);
    }
  }
}
