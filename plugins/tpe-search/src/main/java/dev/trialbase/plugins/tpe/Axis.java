package dev.trialbase.plugins.tpe;

import dev.trialbase.api.Distribution;
import dev.trialbase.api.Distribution.Categorical;
import dev.trialbase.api.Distribution.FloatRange;
import dev.trialbase.api.Distribution.IntRange;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * One parameter as TPE models it, on an internal numeric scale:
 * <ul>
 *   <li>a linear float range: the value itself, on {@code [low, high]};</li>
 *   <li>a log float range: the value's natural log, on {@code [ln low, ln high]};</li>
 *   <li>an integer range: the step index {@code (v - low) / step}, a discrete axis whose
 *       value {@code i} owns the cell {@code [i - 1/2, i + 1/2]} of {@code [-1/2, size - 1/2]};</li>
 *   <li>a choice list: the index of the choice (null is a choice like any other).</li>
 * </ul>
 * A parameter with a single value is {@link #fixed()}: it is never modelled.
 */
final class Axis {

  enum Kind { CONTINUOUS, DISCRETE, CATEGORICAL }

  private final String name;
  private final Distribution distribution;
  private final Kind kind;
  /** The internal interval (numeric axes). */
  private final double low;
  private final double high;
  /** How many values a discrete or categorical axis has. */
  private final long size;

  Axis(String name, Distribution distribution) {
    this.name = name;
    this.distribution = distribution;
    if (distribution instanceof Categorical c) {
      kind = Kind.CATEGORICAL;
      size = c.choices().size();
      low = 0;
      high = size - 1;
    } else if (distribution instanceof IntRange r) {
      kind = Kind.DISCRETE;
      size = r.size();
      low = -0.5;
      high = size - 0.5;
    } else {
      FloatRange f = (FloatRange) distribution;
      kind = Kind.CONTINUOUS;
      size = f.low() == f.high() ? 1 : Long.MAX_VALUE;
      low = f.log() ? Math.log(f.low()) : f.low();
      high = f.log() ? Math.log(f.high()) : f.high();
      if (!Double.isFinite(high - low)) {
        // Kernel bandwidths and uniform draws need the width as a number.
        throw new IllegalArgumentException("parameter '" + name + "': the range [" + f.low()
            + ", " + f.high() + "] is wider than the largest double, which TPE cannot place "
            + "kernels on; narrow it or search it on a log scale");
      }
    }
  }

  String name() {
    return name;
  }

  Kind kind() {
    return kind;
  }

  double low() {
    return low;
  }

  double high() {
    return high;
  }

  /** The number of choices (categorical) or steps (discrete). */
  int choices() {
    return (int) Math.min(Integer.MAX_VALUE, size);
  }

  /** Whether the parameter can take only one value. */
  boolean fixed() {
    return size == 1;
  }

  /**
   * The internal coordinate of a stored value, or NaN when the value is not in this
   * parameter's space (such an observation is left out of the model).
   */
  double encode(Object value) {
    if (!distribution.contains(value)) {
      return Double.NaN;
    }
    if (distribution instanceof Categorical c) {
      for (int i = 0; i < c.choices().size(); i++) {
        if (Objects.equals(c.choices().get(i), value)) {
          return i;
        }
      }
      return Double.NaN;
    }
    if (distribution instanceof IntRange r) {
      return (double) (((Long) value - r.low()) / r.step());
    }
    FloatRange f = (FloatRange) distribution;
    double v = (Double) value;
    return f.log() ? Math.log(v) : v;
  }

  /** The parameter value at internal coordinate {@code x} (rounded, clamped into the space). */
  Object decode(double x) {
    if (distribution instanceof Categorical c) {
      return c.choices().get((int) Math.max(0, Math.min(size - 1, Math.round(x))));
    }
    if (distribution instanceof IntRange r) {
      long index = Math.max(0, Math.min(size - 1, Math.round(x)));
      return r.low() + r.step() * index;
    }
    FloatRange f = (FloatRange) distribution;
    double v = f.log() ? Math.exp(x) : x;
    return Math.min(f.high(), Math.max(f.low(), v));
  }

  /** A value drawn from the prior: uniform (log-uniform for log ranges) over the space. */
  Object drawUniform(SplittableRandom random) {
    if (distribution instanceof Categorical c) {
      return c.choices().get(random.nextInt(c.choices().size()));
    }
    if (distribution instanceof IntRange r) {
      return r.low() + r.step() * random.nextLong(r.size());
    }
    FloatRange f = (FloatRange) distribution;
    if (f.low() == f.high()) {
      return f.low();
    }
    return decode(random.nextDouble(low, high));
  }

  /** The parameter's only value; call only when {@link #fixed()}. */
  Object onlyValue() {
    return decode(low);
  }
}
