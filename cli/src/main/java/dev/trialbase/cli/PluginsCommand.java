package dev.trialbase.cli;

import dev.trialbase.plugin.PluginInfo;
import dev.trialbase.plugin.PluginRegistry;
import java.io.PrintWriter;
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
 * {@code trialbase plugins}: what is loaded, from where, and what each plugin provides, with
 * the plugin's and each extension's {@code description()}. The table lists the plugins, then
 * their extensions; JSON nests {@code extensions: [{kind, name, description}]} in each plugin;
 * CSV is one row per extension with its plugin's columns. Files
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
    try (PluginRegistry registry = main.loadPlugins(command.commandLine().getErr())) {
      List<PluginInfo> plugins = registry.plugins();
      PrintWriter out = command.commandLine().getOut();
      switch (format.format) {
        case json -> Output.print(out, format.format, pluginRecords(plugins, true));
        case csv -> Output.print(out, format.format, extensionRecords(plugins, true),
            List.of("plugin", "version", "kind", "name", "description", "plugin_description",
                "path"));
        case table -> {
          Output.print(out, format.format, pluginRecords(plugins, false));
          if (!plugins.isEmpty()) {
            out.println();
            Output.print(out, format.format, extensionRecords(plugins, false));
          }
        }
      }
      if (plugins.isEmpty()) {
        command.commandLine().getErr().println("no plugins found in " + main.pluginRoots());
        return ExitCode.PLUGIN;
      }
      return ExitCode.OK;
    }
  }

  /**
   * One record per plugin: id, version, what it provides, its description and file; as JSON
   * also its {@code extensions}, each with kind, name and description.
   */
  private static List<Map<String, Object>> pluginRecords(List<PluginInfo> plugins,
      boolean withExtensions) {
    List<Map<String, Object>> records = new ArrayList<>();
    for (PluginInfo p : plugins) {
      Map<String, Object> r = new LinkedHashMap<>();
      r.put("id", p.id());
      r.put("version", p.version());
      r.put("provides", String.join(", ", p.provides()));
      r.put("description", p.description());
      r.put("path", p.path().toString());
      if (withExtensions) {
        List<Map<String, Object>> extensions = new ArrayList<>();
        for (PluginInfo.Extension e : p.extensions()) {
          Map<String, Object> x = new LinkedHashMap<>();
          x.put("kind", e.kind());
          x.put("name", e.name());
          x.put("description", e.description());
          extensions.add(x);
        }
        r.put("extensions", extensions);
      }
      records.add(r);
    }
    return records;
  }

  /**
   * One record per extension, with its plugin: the table's second part, and the CSV form
   * (one flat table; the plugin's own description and file in every row of its extensions).
   */
  private static List<Map<String, Object>> extensionRecords(List<PluginInfo> plugins,
      boolean withPluginColumns) {
    List<Map<String, Object>> records = new ArrayList<>();
    for (PluginInfo p : plugins) {
      for (PluginInfo.Extension e : p.extensions()) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("plugin", p.id());
        if (withPluginColumns) {
          r.put("version", p.version());
        }
        r.put("kind", e.kind());
        r.put("name", e.name());
        r.put("description", e.description());
        if (withPluginColumns) {
          r.put("plugin_description", p.description());
          r.put("path", p.path().toString());
        }
        records.add(r);
      }
    }
    return records;
  }
}
