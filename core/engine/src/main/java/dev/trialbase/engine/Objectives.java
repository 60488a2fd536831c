package dev.trialbase.engine;

import dev.trialbase.api.ObjectiveFunction;
import dev.trialbase.plugin.PluginInfo;
import dev.trialbase.plugin.PluginRegistry;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where a spec's {@code function.name} is looked up: objectives given in code (by a program
 * using the library), then the plugins' {@link ObjectiveFunction} extensions. Also says which
 * plugin and version an objective comes from, for provenance. Immutable.
 */
public final class Objectives {

  /** Recorded as the plugin of an objective given in code. */
  public static final String IN_CODE = "(code)";

  private final PluginRegistry plugins;
  private final Map<String, ObjectiveFunction> inCode;

  /**
   * @param inCode objectives given in code, by name; they hide a plugin's of the same name
   */
  public Objectives(PluginRegistry plugins, Map<String, ObjectiveFunction> inCode) {
    this.plugins = plugins;
    this.inCode = Map.copyOf(new LinkedHashMap<>(inCode));
  }

  /** The objective named {@code name}; an unknown name lists the available ones. */
  public ObjectiveFunction find(String name) {
    ObjectiveFunction given = inCode.get(name);
    return given != null ? given : plugins.objective(name);
  }

  /**
   * Who provides {@code function} and its version: its plugin's id and version, or
   * {@link #IN_CODE} and the version given with it.
   */
  public Origin originOf(ObjectiveFunction function) {
    if (inCode.get(function.name()) == function) {
      return new Origin(IN_CODE, function.version());
    }
    PluginInfo info = plugins.pluginOf(function);
    return info == null ? new Origin("(classpath)", function.version())
        : new Origin(info.id(), info.version());
  }

  /** Who provides an objective ({@code plugin}: a plugin id, or {@link #IN_CODE}) and which version. */
  public record Origin(String plugin, String version) {
  }
}
