package dev.trialbase.plugin;

import java.nio.file.Path;
import java.util.List;

/**
 * One plugin as loaded: its id, version and file, and what it provides as
 * {@code "strategy grid"} or {@code "estimator weka-logistic"}.
 */
public record PluginInfo(String id, String version, String description, Path path,
    List<String> provides) {
}
