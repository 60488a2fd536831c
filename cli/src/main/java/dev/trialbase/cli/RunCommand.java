package dev.trialbase.cli;

import dev.trialbase.engine.PreparedRun;
import dev.trialbase.engine.SpecChecks;
import dev.trialbase.internal.Searches;
import dev.trialbase.plugin.PluginRegistry;
import dev.trialbase.spec.LoadedSpec;
import dev.trialbase.spec.SpecReader;
import dev.trialbase.store.Database;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code trialbase run SPEC}: runs a search and stores every trial. */
@Command(name = "run", description = "Run a spec: search, cross-validate, store every trial.")
final class RunCommand extends ExecuteCommand {

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
  Integer execute() {
    execution.jobs(); // a usage error before anything else
    LoadedSpec loaded = SpecReader.read(specFile);
    if (seed != null) {
      loaded = loaded.withSeed(seed);
    }
    try (PluginRegistry plugins = loadPlugins()) {
      Searches searches = searches(plugins);
      int jobs = jobs();
      PreparedRun prepared = warned(searches.prepare(loaded, force));
      Database database = Database.open(main.database());
      RunSession.Outcome outcome = session(
          (listener, control) -> searches.execute(prepared, database, jobs, listener, control));
      return outcome.exitCode(RunSummary.print(out(), format.format, outcome.result(),
          prepared.spec().spec().isFunction()));
    }
  }
}
