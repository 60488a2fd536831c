package dev.trialbase;

import dev.trialbase.api.Objective;
import dev.trialbase.api.ObjectiveFunction;
import dev.trialbase.api.ParamInfo;
import java.util.List;

/** An objective given in code, under the name and version runs record it by. */
record CodeObjective(String name, String version, Objective objective)
    implements ObjectiveFunction {

  @Override
  public String description() {
    return "given in code";
  }

  /** Any parameter name: the space says what the objective reads. */
  @Override
  public List<ParamInfo> parameters() {
    return List.of();
  }
}
