package dev.trialbase.engine;

import dev.trialbase.api.TrialContext;
import java.util.Arrays;
import java.util.Optional;

/**
 * One trial's {@link TrialContext}: its number and seed, and the values it reports, each
 * handed to the run's pruner (through {@link FoldCheck}) as the scores of the steps done so
 * far. The pruner is asked after every step but the {@code steps}-th, as it is after every fold
 * but the last. Used by the one thread that evaluates the trial.
 */
final class StepContext implements TrialContext {

  private final long number;
  private final long seed;
  private final int steps;
  private final FoldCheck check;
  private double[] values = new double[4];
  private int count;
  private String reason;

  StepContext(long number, long seed, int steps, FoldCheck check) {
    this.number = number;
    this.seed = seed;
    this.steps = steps;
    this.check = check;
  }

  @Override
  public long number() {
    return number;
  }

  @Override
  public long seed() {
    return seed;
  }

  @Override
  public boolean report(double value) {
    if (reason != null) {
      return true;
    }
    if (count == values.length) {
      values = Arrays.copyOf(values, count * 2);
    }
    values[count++] = value;
    if (check != FoldCheck.NONE && count < steps) {
      Optional<String> stop = check.afterFold(Arrays.copyOf(values, count));
      stop.ifPresent(why -> reason = why);
    }
    return reason != null;
  }

  @Override
  public boolean pruned() {
    return reason != null;
  }

  /** Why the pruner stopped the trial, or {@code null}. */
  String reason() {
    return reason;
  }

  /** The values reported so far. */
  double[] values() {
    return Arrays.copyOf(values, count);
  }
}
