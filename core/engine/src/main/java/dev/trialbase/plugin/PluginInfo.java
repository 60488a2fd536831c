package dev.trialbase.plugin;

import java.nio.file.Path;
import java.util.List;

/**
 * One plugin as loaded: its id, version, description and file, and the extensions it provides,
 * each with its own {@code description()}.
 */
public record PluginInfo(String id, String version, String description, Path path,
    List<Extension> extensions) {

  /**
   * One extension of a plugin: its kind ({@code strategy}, {@code estimator}, {@code format}
   * or {@code pruner}), the name a spec uses and the extension's own description.
   */
  public record Extension(String kind, String name, String description) {
  }

  /** What the plugin provides, as {@code "strategy grid"} or {@code "estimator weka"}. */
  public List<String> provides() {
    return extensions.stream().map(e -> e.kind() + " " + e.name()).toList();
  }
}
