package dev.trialbase.cli;

import dev.trialbase.api.Estimator;
import dev.trialbase.api.InvalidParamsException;
import dev.trialbase.api.ParamInfo;
import dev.trialbase.api.ParamSet;
import dev.trialbase.api.SearchSpace;
import dev.trialbase.plugin.PluginRegistry;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code trialbase params ESTIMATOR}: the parameters an estimator accepts, with type, default
 * and description. For an estimator whose parameters depend on a setting (the generic
 * {@code weka} estimator's classifier, or a nested class such as SMO's kernel), the settings
 * are given as {@code --set name=value} ({@code --classifier NAME} is {@code --set class=NAME}),
 * exactly as {@code estimator.params} would hold them.
 */
@Command(name = "params", description = "List an estimator's parameters: type, default, "
    + "description (e.g. params weka --classifier RandomForest).")
final class ParamsCommand implements Callable<Integer> {

  @ParentCommand
  Main main;

  @Spec
  CommandLine.Model.CommandSpec command;

  @Mixin
  Output.FormatOption format;

  @Parameters(index = "0", paramLabel = "ESTIMATOR", description = "the estimator's name")
  String estimatorName;

  @Option(names = "--classifier", paramLabel = "NAME",
      description = "the Weka classifier (same as --set class=NAME)")
  String classifier;

  @Option(names = "--set", paramLabel = "NAME=VALUE",
      description = "a fixed parameter, as in estimator.params (numbers, true/false, text)")
  Map<String, String> settings = new LinkedHashMap<>();

  @Override
  public Integer call() {
    try (PluginRegistry registry = main.loadPlugins(command.commandLine().getErr())) {
      Estimator estimator = registry.estimator(estimatorName);
      Map<String, Object> fixed = new LinkedHashMap<>();
      if (classifier != null) {
        fixed.put("class", classifier);
      }
      settings.forEach((k, v) -> fixed.put(k, value(v)));
      ParamSet params = ParamSet.of(fixed);
      if (!fixed.isEmpty()) {
        try {
          estimator.create(params);
        } catch (InvalidParamsException | IllegalArgumentException e) {
          throw new CommandLine.ParameterException(command.commandLine(),
              "estimator '" + estimator.name() + "': " + e.getMessage());
        }
      }
      List<Map<String, Object>> records = new ArrayList<>();
      for (ParamInfo p : estimator.parameters(params, new SearchSpace(Map.of()))) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("name", p.name());
        r.put("type", p.type());
        r.put("default", p.defaultValue());
        r.put("description", p.description());
        records.add(r);
      }
      Output.print(command.commandLine().getOut(), format.format, records);
      return ExitCode.OK;
    }
  }

  /** A setting's text as a spec would hold it: a number, true/false, or text. */
  private static Object value(String text) {
    if (text.equals("true") || text.equals("false")) {
      return Boolean.parseBoolean(text);
    }
    try {
      return Long.parseLong(text);
    } catch (NumberFormatException e) {
      try {
        return Double.parseDouble(text);
      } catch (NumberFormatException e2) {
        return text;
      }
    }
  }
}
