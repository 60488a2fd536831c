package dev.trialbase.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.trialbase.store.RunDetail;
import dev.trialbase.store.RunQueries;
import dev.trialbase.store.RunView;
import dev.trialbase.store.TrialView;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/**
 * {@code trialbase show RUN}: a run's provenance (spec, seed, data and its SHA-256, plugin
 * versions, JVM, OS, host, times), its trial counts by status, its best trial with per-fold
 * values, and its test scores.
 */
@Command(name = "show", description = "Show a run: provenance, trial counts, best trial, test scores.")
final class ShowCommand extends QueryCommand {

  private static final JsonMapper JSON = new JsonMapper();

  @Parameters(paramLabel = "RUN", description = "The run id.")
  long runId;

  @Mixin
  Output.FormatOption format;

  @Override
  public Integer call() throws Exception {
    RunQueries queries = queries();
    RunDetail run = run(runId);
    RunView s = run.summary();
    Map<String, Object> r = new LinkedHashMap<>();
    r.put("id", s.id());
    r.put("experiment", s.experiment());
    r.put("status", s.status());
    if (run.error() != null) {
      r.put("error", run.error());
    }
    r.put("strategy", s.strategy());
    r.put("estimator", s.estimator());
    r.put("seed", s.seed());
    r.put("task", run.task());
    if (run.target() != null) {
      r.put("target", run.target());
    }
    if (!run.classLabels().isEmpty()) {
      r.put("classes", run.classLabels());
    }
    if (run.positiveClass() != null) {
      r.put("positiveClass", run.positiveClass());
    }
    r.put("folds", run.folds());
    r.put("objective", s.objective() + (s.maximize() ? " (maximised)" : " (minimised)"));
    r.put("spec", JSON.readValue(run.specJson(), Map.class));
    r.put("specFile", run.specPath());
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("train", run.trainPath());
    data.put("trainSha256", run.trainSha256());
    if (run.testPath() != null) {
      data.put("test", run.testPath());
      data.put("testSha256", run.testSha256());
    }
    if (!run.isFunction()) {   // a function run reads no data
      r.put("data", data);
    }
    Map<String, Object> plugins = new LinkedHashMap<>();
    for (JsonNode p : JSON.readTree(run.pluginsJson())) {
      plugins.put(p.path("role").asText(), p.path("name").asText() + " (plugin "
          + p.path("plugin").asText() + " " + p.path("version").asText() + ")");
    }
    r.put("plugins", plugins);
    r.put("trialbase", run.trialbaseVersion());
    r.put("jvm", run.jvm());
    r.put("os", run.os());
    r.put("host", run.host());
    r.put("started", s.startedAt());
    r.put("ended", s.endedAt());
    r.put("seconds", s.seconds());
    r.put("trials", queries.statusCounts(runId));
    if (s.bestTrial() != null) {
      TrialView best = queries.trials(runId, List.of(s.bestTrial())).get(0);
      r.put("best", TrialsCommand.record(best, queries.foldMetrics(runId, best.number())));
    }
    r.put("test", queries.testMetrics(runId));
    Output.printRecord(out(), format.format, r);
    return ExitCode.OK;
  }
}
