package dev.trialbase.plugins.testing;

import dev.trialbase.api.Estimator;
import dev.trialbase.api.Model;
import dev.trialbase.api.ParamInfo;
import dev.trialbase.api.ParamSet;
import dev.trialbase.api.Task;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.pf4j.Extension;

/**
 * Does no learning: predicts the class frequencies. What is left of a trial's time is the
 * framework's own overhead — proposing, scoring, storing — which is what benchmarks measure.
 * Accepts parameters x, y, z (numbers) and c (text) and ignores them.
 */
@Extension
public class NoopEstimator implements Estimator {

  @Override
  public String name() {
    return "noop";
  }

  @Override
  public String description() {
    return "predicts class frequencies or the mean target; for overhead benchmarks";
  }

  @Override
  public Set<Task> tasks() {
    return EnumSet.allOf(Task.class);
  }

  @Override
  public List<ParamInfo> parameters() {
    return List.of(
        new ParamInfo("x", "float", "0", "ignored"),
        new ParamInfo("y", "int", "0", "ignored"),
        new ParamInfo("z", "float", "0", "ignored"),
        new ParamInfo("c", "string", "", "ignored"));
  }

  @Override
  public Model create(ParamSet params) {
    return new PriorModel();
  }
}
