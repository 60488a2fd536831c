package dev.trialbase.plugins.testing;

import dev.trialbase.api.Dataset;
import dev.trialbase.api.Estimator;
import dev.trialbase.api.InvalidParamsException;
import dev.trialbase.api.Model;
import dev.trialbase.api.ParamInfo;
import dev.trialbase.api.ParamSet;
import dev.trialbase.api.Task;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.pf4j.Extension;

/**
 * Burns {@code work} million floating-point steps per fit, allocating nothing, then predicts
 * the class frequencies: CPU-bound trials for measuring parallel speed-up.
 */
@Extension
public class CpuEstimator implements Estimator {

  @Override
  public String name() {
    return "cpu";
  }

  @Override
  public String description() {
    return "burns 'work' million steps per fit; for parallel benchmarks";
  }

  @Override
  public Set<Task> tasks() {
    return EnumSet.allOf(Task.class);
  }

  @Override
  public List<ParamInfo> parameters() {
    return List.of(new ParamInfo("work", "int", "1", "millions of steps per fit"),
        new ParamInfo("x", "float", "0", "ignored"));
  }

  @Override
  public Model create(ParamSet params) throws InvalidParamsException {
    long work = params.has("work") ? params.getLong("work") : 1;
    if (work < 0) {
      throw new InvalidParamsException("work must be >= 0, got " + work);
    }
    return new PriorModel() {
      @Override
      public void fit(Dataset train, long seed) throws Exception {
        double x = seed;
        for (long i = 0; i < work * 1_000_000L; i++) {
          x = x * 1.000_000_1 + 1e-9;
        }
        if (x == 42.4242) {
          throw new IllegalStateException("unreachable; keeps the loop from being removed");
        }
        super.fit(train, seed);
      }
    };
  }
}
