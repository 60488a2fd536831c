package dev.trialbase.plugins.testing;

import dev.trialbase.api.Objective;
import dev.trialbase.api.ObjectiveFunction;
import dev.trialbase.api.ParamInfo;
import java.util.List;
import java.util.SplittableRandom;
import org.pf4j.Extension;

/**
 * A noisy quadratic, {@code (x - 2)² + (y + 1)²} plus Gaussian noise of standard deviation
 * {@code noise} (default 0.1) drawn from the trial's seed: deterministic, so runs reproduce.
 * With {@code steps} (an int) it reports that many values on its way to the score, each
 * closer, for pruners; a trial whose {@code x} is above {@code fail_above} (when given) throws;
 * {@code sleep_ms} makes each trial take that long (for tests that kill a run midway).
 */
@Extension
public class QuadraticObjective implements ObjectiveFunction {

  @Override
  public String name() {
    return "quadratic";
  }

  @Override
  public String description() {
    return "(x - 2)^2 + (y + 1)^2 plus seeded noise; for tests of objective functions";
  }

  @Override
  public List<ParamInfo> parameters() {
    return List.of(
        new ParamInfo("x", "float", "0", "first coordinate"),
        new ParamInfo("y", "float", "0", "second coordinate"),
        new ParamInfo("noise", "float", "0.1", "noise standard deviation"),
        new ParamInfo("steps", "int", "0", "values reported before the score"),
        new ParamInfo("fail_above", "float", "", "x above which the trial throws"),
        new ParamInfo("sleep_ms", "int", "0", "milliseconds each trial sleeps first"));
  }

  @Override
  public Objective objective() {
    return (params, trial) -> {
      if (params.has("sleep_ms")) {
        Thread.sleep(params.getLong("sleep_ms"));
      }
      double x = params.has("x") ? params.getDouble("x") : 0;
      double y = params.has("y") ? params.getDouble("y") : 0;
      if (params.has("fail_above") && x > params.getDouble("fail_above")) {
        throw new IllegalArgumentException("x = " + x + " is above fail_above");
      }
      double noise = params.has("noise") ? params.getDouble("noise") : 0.1;
      double score = (x - 2) * (x - 2) + (y + 1) * (y + 1)
          + new SplittableRandom(trial.seed()).nextGaussian() * noise;
      long steps = params.has("steps") ? params.getLong("steps") : 0;
      for (long k = 1; k <= steps; k++) {
        if (trial.report(score + (double) (steps - k) / steps)) {
          return score;
        }
      }
      return score;
    };
  }
}
