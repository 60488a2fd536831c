package dev.trialbase.plugins.grid;

import dev.trialbase.api.Distribution;
import dev.trialbase.api.Distribution.Categorical;
import dev.trialbase.api.Distribution.FloatRange;
import dev.trialbase.api.Distribution.IntRange;

/**
 * The grid values of one parameter, computed on demand rather than listed, so that a wide
 * integer range costs nothing. Values are of the {@link dev.trialbase.api.ParamSet} types:
 * {@code Long} for integer ranges, {@code Double} for float ranges.
 */
interface GridAxis {

  /** How many values the axis has (at least 1). */
  long size();

  /** Value number {@code index}, {@code 0 <= index < size()}. */
  Object value(long index);

  /** The axis of parameter {@code name}, whose name appears in any error. */
  static GridAxis of(String name, Distribution distribution) {
    if (distribution instanceof Categorical c) {
      return new Choices(c);
    }
    if (distribution instanceof IntRange r) {
      return new Ints(r);
    }
    FloatRange f = (FloatRange) distribution;
    if (f.gridPoints() < 1) {
      throw new IllegalArgumentException(
          "grid search needs 'points' for continuous parameter '" + name + "'");
    }
    return new Floats(f);
  }

  /** A categorical parameter's choices, in the order given. */
  record Choices(Categorical distribution) implements GridAxis {
    @Override
    public long size() {
      return distribution.choices().size();
    }

    @Override
    public Object value(long index) {
      return distribution.choices().get((int) index);
    }
  }

  /** {@code low, low + step, ...} up to {@code high}. */
  record Ints(IntRange distribution) implements GridAxis {
    @Override
    public long size() {
      return distribution.size();
    }

    @Override
    public Object value(long index) {
      return distribution.low() + index * distribution.step();
    }
  }

  /**
   * {@code gridPoints} evenly spaced values (geometrically spaced when {@code log}) from
   * {@code low} to {@code high}; the end points are exactly the bounds, and a single point
   * is {@code low}.
   */
  record Floats(FloatRange distribution) implements GridAxis {
    @Override
    public long size() {
      return distribution.gridPoints();
    }

    @Override
    public Object value(long index) {
      double low = distribution.low();
      double high = distribution.high();
      if (index == 0) {
        return low;
      }
      if (index == size() - 1) {
        return high;
      }
      double fraction = (double) index / (size() - 1);
      double v;
      if (distribution.log()) {
        v = decade(low, high, index, size() - 1);
        if (Double.isNaN(v)) {
          v = Math.exp(Math.log(low) + fraction * (Math.log(high) - Math.log(low)));
        }
      } else if (Double.isFinite(high - low)) {
        v = low + fraction * (high - low);
      } else {
        // high - low overflows (e.g. [-1.7e308, 1.7e308]); half the span does not.
        double half = high / 2 - low / 2;
        v = low + fraction * half + fraction * half;
      }
      return Math.min(high, Math.max(low, v));
    }

    /**
     * Point {@code index} of {@code intervals} on a log grid when it falls on an exact power of
     * ten, as the decimal literal {@code 1eN} reads (so {@code 0.001 .. 1000} in 7 points gives
     * exactly 0.001, 0.01, ..., 1000 and a filter {@code params.C = 10} finds its trials); NaN
     * for any other point. The exponent is computed in base 10 from the bounds' own exponents,
     * {@code index * span / intervals}, which is a whole number exactly when it should be.
     */
    static double decade(double low, double high, long index, long intervals) {
      double lowExponent = Math.log10(low);
      double highExponent = Math.log10(high);
      if (lowExponent != Math.rint(lowExponent) || highExponent != Math.rint(highExponent)) {
        return Double.NaN;
      }
      double exponent = lowExponent + index * (highExponent - lowExponent) / intervals;
      if (exponent != Math.rint(exponent)) {
        return Double.NaN;
      }
      return Double.parseDouble("1e" + (long) exponent);
    }
  }
}
