package dev.trialbase.plugins.grid;

import dev.trialbase.api.History;
import dev.trialbase.api.ParamSet;
import dev.trialbase.api.Proposer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.SplittableRandom;

/**
 * Decodes a trial number into a grid point, as a mixed-radix number whose last digit is the
 * last parameter. Holds no state beyond the axes, so any worker can propose any trial, and a
 * resumed run continues where it stopped. Ignores the random stream and the history.
 */
final class GridProposer implements Proposer {

  private final List<String> names;
  private final List<GridAxis> axes;
  private final long size;

  GridProposer(List<String> names, List<GridAxis> axes) {
    this.names = List.copyOf(names);
    this.axes = List.copyOf(axes);
    long product = 1;
    for (int i = 0; i < axes.size(); i++) {
      try {
        product = Math.multiplyExact(product, axes.get(i).size());
      } catch (ArithmeticException e) {
        throw new IllegalArgumentException("the grid has more than " + Long.MAX_VALUE
            + " points (at parameter '" + names.get(i) + "'); use random search", e);
      }
    }
    this.size = product;
  }

  @Override
  public Optional<ParamSet> propose(long number, SplittableRandom random, History history) {
    if (number < 0) {
      throw new IllegalArgumentException("trial numbers start at 0, got " + number);
    }
    if (number >= size) {
      return Optional.empty();
    }
    Object[] values = new Object[axes.size()];
    long rest = number;
    for (int i = axes.size() - 1; i >= 0; i--) {
      long radix = axes.get(i).size();
      values[i] = axes.get(i).value(rest % radix);
      rest /= radix;
    }
    Map<String, Object> point = new LinkedHashMap<>();
    for (int i = 0; i < values.length; i++) {
      point.put(names.get(i), values[i]);
    }
    return Optional.of(ParamSet.of(point));
  }

  @Override
  public OptionalLong size() {
    return OptionalLong.of(size);
  }
}
