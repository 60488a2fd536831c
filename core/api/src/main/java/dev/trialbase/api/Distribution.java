package dev.trialbase.api;

import java.util.List;
import java.util.Objects;

/**
 * The set of values one parameter may take. Pure data: strategies decide how to enumerate or
 * sample it, so the API holds no search logic.
 */
public sealed interface Distribution permits Distribution.Categorical, Distribution.IntRange,
    Distribution.FloatRange {

  /** Whether {@code value} lies in this distribution. */
  boolean contains(Object value);

  /**
   * An explicit list of choices. Values are {@link String}, {@link Long}, {@link Double},
   * {@link Boolean} or {@code null} (for "none" choices such as {@code penalty: null}).
   */
  record Categorical(List<Object> choices) implements Distribution {
    public Categorical {
      Objects.requireNonNull(choices, "choices");
      if (choices.isEmpty()) {
        throw new IllegalArgumentException("a choice list needs at least one value");
      }
      choices = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(choices));
    }

    @Override
    public boolean contains(Object value) {
      return choices.contains(value);
    }
  }

  /**
   * Integers {@code low, low+step, ... <= high}; both bounds inclusive. The range may span any
   * part of {@code long}, but may hold at most {@link Long#MAX_VALUE} values so that
   * {@link #size()} is a {@code long}: the whole {@code long} span with step 1 is refused.
   * Value {@code i} is {@code low + i * step}, which never overflows for {@code i < size()}.
   */
  record IntRange(long low, long high, long step) implements Distribution {
    public IntRange {
      if (step <= 0) {
        throw new IllegalArgumentException("step must be positive, got " + step);
      }
      if (low > high) {
        throw new IllegalArgumentException("empty range: low " + low + " > high " + high);
      }
      // high - low read as unsigned is the exact span, even when it overflows a long.
      if (Long.compareUnsigned(Long.divideUnsigned(high - low, step), Long.MAX_VALUE) >= 0) {
        throw new IllegalArgumentException("the range " + low + " to " + high + " in steps of "
            + step + " holds more than " + Long.MAX_VALUE + " values; narrow it or take a "
            + "larger step");
      }
    }

    /** How many values the range holds. */
    public long size() {
      return Long.divideUnsigned(high - low, step) + 1;
    }

    @Override
    public boolean contains(Object value) {
      return value instanceof Long v && v >= low && v <= high
          && Long.remainderUnsigned(v - low, step) == 0;
    }
  }

  /**
   * Real numbers in {@code [low, high]}, uniform or on a log scale. {@code gridPoints} (0 when
   * unset) says how many evenly spaced points (geometrically spaced when {@code log}) a grid
   * search should take from it.
   */
  record FloatRange(double low, double high, boolean log, int gridPoints) implements Distribution {
    public FloatRange {
      if (!Double.isFinite(low) || !Double.isFinite(high)) {
        throw new IllegalArgumentException("bounds must be finite numbers");
      }
      if (low > high) {
        throw new IllegalArgumentException("empty range: low " + low + " > high " + high);
      }
      if (log && low <= 0) {
        throw new IllegalArgumentException("a log-scale range needs low > 0, got " + low);
      }
      if (gridPoints < 0) {
        throw new IllegalArgumentException("gridPoints must be >= 0, got " + gridPoints);
      }
    }

    @Override
    public boolean contains(Object value) {
      return value instanceof Double v && v >= low && v <= high;
    }
  }
}
