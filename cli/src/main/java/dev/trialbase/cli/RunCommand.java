package dev.trialbase.cli;

import dev.trialbase.engine.PreparedRun;
import dev.trialbase.engine.RunEngine;
import dev.trialbase.engine.RunResult;
import dev.trialbase.plugin.PluginRegistry;
import dev.trialbase.spec.LoadedSpec;
import dev.trialbase.spec.SpecReader;
import dev.trialbase.store.Database;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
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

  @Parameters(paramLabel = "SPEC", description = "The spec file, JSON or YAML.")
  Path specFile;

  @Option(names = "--seed", paramLabel = "N", description = "Run seed; overrides the spec's.")
  Long seed;

  @Option(names = "--jobs", defaultValue = "1", paramLabel = "N",
      description = "Trials evaluated in parallel (default: ${DEFAULT-VALUE}). "
          + "Results do not depend on it.")
  int jobs;

  @Option(names = "--no-progress", description = "Do not draw the progress bar.")
  boolean noProgress;

  @Mixin
  Output.FormatOption format;

  @Override
  public Integer call() {
    if (jobs < 1) {
      throw new picocli.CommandLine.ParameterException(command.commandLine(),
          "--jobs must be at least 1, got " + jobs);
    }
    LoadedSpec loaded = SpecReader.read(specFile);
    if (seed != null) {
      loaded = loaded.withSeed(seed);
    }
    try (PluginRegistry plugins = PluginRegistry.load(main.pluginRoots())) {
      RunEngine engine = new RunEngine(plugins);
      PreparedRun prepared = engine.prepare(loaded);
      Database database = Database.open(main.databaseFile());
      RunResult result;
      try (Progress progress = Progress.create(!noProgress, command.commandLine().getErr())) {
        result = engine.execute(prepared, database, jobs, progress);
      }
      print(result);
      return ExitCode.OK;
    }
  }

  private void print(RunResult r) {
    var out = command.commandLine().getOut();
    if (format.format == Output.Format.table) {
      out.printf("run %d %s: %d trials, %d failed (seed %d)%n", r.runId(),
          r.status().id(), r.trials(), r.failed(), r.seed());
      if (r.bestTrial() == null) {
        out.println("no trial completed; see 'trialbase trials " + r.runId() + "' for reasons");
      } else {
        out.printf("best trial %d: %s%n", r.bestTrial(), r.bestParams());
        out.printf("best CV %s: %s%n", r.objective(), Output.cell(r.bestScore()));
        r.testMetrics().forEach((m, v) -> {
          if (m.equals(r.objective())) {
            out.printf("test %s: %s%n", m, Output.cell(v));
          }
        });
      }
      out.flush();
      return;
    }
    Map<String, Object> record = new LinkedHashMap<>();
    record.put("run", r.runId());
    record.put("status", r.status().id());
    record.put("seed", r.seed());
    record.put("trials", r.trials());
    record.put("failed", r.failed());
    record.put("bestTrial", r.bestTrial());
    record.put("params", r.bestParams() == null ? Map.of() : r.bestParams().asMap());
    record.put("objective", r.objective());
    record.put("bestScore", Double.isFinite(r.bestScore()) ? r.bestScore() : null);
    record.put("test", r.testMetrics());
    Output.print(out, format.format, java.util.List.of(record));
  }
}
