package dev.trialbase.cli;

import dev.trialbase.plugin.PluginInfo;
import dev.trialbase.plugin.PluginRegistry;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code trialbase plugins}: what is loaded, from where, and what each plugin provides. Files
 * that were refused (corrupt, not a plugin, built for another API version) are named on stderr
 * as {@code warning:} lines; the exit code is 0 as long as some plugin loaded.
 */
@Command(name = "plugins", description = "List loaded plugins, their versions and what they provide.")
final class PluginsCommand implements Callable<Integer> {

  @ParentCommand
  Main main;

  @Spec
  picocli.CommandLine.Model.CommandSpec command;

  @Mixin
  Output.FormatOption format;

  @Override
  public Integer call() {
    main.userPluginsWarning().ifPresent(w -> command.commandLine().getErr()
        .println("warning: " + w));
    try (PluginRegistry registry = PluginRegistry.load(main.pluginRoots())) {
      // A refused plugin is a warning: the others are listed and usable.
      for (String problem : registry.problems()) {
        command.commandLine().getErr().println("warning: " + problem);
      }
      List<Map<String, Object>> records = new ArrayList<>();
      for (PluginInfo p : registry.plugins()) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("id", p.id());
        r.put("version", p.version());
        r.put("provides", String.join(", ", p.provides()));
        r.put("description", p.description());
        r.put("path", p.path().toString());
        records.add(r);
      }
      Output.print(command.commandLine().getOut(), format.format, records);
      if (records.isEmpty()) {
        command.commandLine().getErr().println("no plugins found in " + main.pluginRoots());
        return ExitCode.PLUGIN;
      }
      return ExitCode.OK;
    }
  }
}
