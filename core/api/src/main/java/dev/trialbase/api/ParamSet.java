package dev.trialbase.api;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * One immutable assignment of values to parameter names, in insertion order. Values are
 * {@link String}, {@link Long}, {@link Double}, {@link Boolean} or {@code null}.
 */
public final class ParamSet {

  private final Map<String, Object> values;

  private ParamSet(Map<String, Object> values) {
    this.values = Collections.unmodifiableMap(values);
  }

  /** A parameter set holding a copy of {@code values}; rejects values of other types. */
  public static ParamSet of(Map<String, ?> values) {
    Map<String, Object> copy = new LinkedHashMap<>();
    values.forEach((name, value) -> copy.put(name, checked(name, value)));
    return new ParamSet(copy);
  }

  /** The empty parameter set. */
  public static ParamSet empty() {
    return new ParamSet(new LinkedHashMap<>());
  }

  /** This set plus {@code name = value}, which replaces an existing value. */
  public ParamSet with(String name, Object value) {
    Map<String, Object> copy = new LinkedHashMap<>(values);
    copy.put(name, checked(name, value));
    return new ParamSet(copy);
  }

  private static Object checked(String name, Object value) {
    if (value == null || value instanceof String || value instanceof Long
        || value instanceof Double || value instanceof Boolean) {
      return value;
    }
    if (value instanceof Integer i) {
      return i.longValue();
    }
    if (value instanceof Float f) {
      return f.doubleValue();
    }
    throw new IllegalArgumentException("parameter '" + name + "' has unsupported type "
        + value.getClass().getSimpleName());
  }

  public Set<String> names() {
    return values.keySet();
  }

  public Map<String, Object> asMap() {
    return values;
  }

  public boolean has(String name) {
    return values.containsKey(name);
  }

  /** The raw value; throws when the parameter is absent. */
  public Object get(String name) {
    if (!values.containsKey(name)) {
      throw new NoSuchElementException("no parameter '" + name + "'");
    }
    return values.get(name);
  }

  /** A numeric parameter as a double (integers widen). */
  public double getDouble(String name) {
    Object v = get(name);
    if (v instanceof Number n) {
      return n.doubleValue();
    }
    throw new IllegalArgumentException("parameter '" + name + "' must be a number, got " + v);
  }

  /** An integer parameter; a double with no fractional part is accepted. */
  public long getLong(String name) {
    Object v = get(name);
    if (v instanceof Long l) {
      return l;
    }
    if (v instanceof Double d && d == Math.rint(d)) {
      return d.longValue();
    }
    throw new IllegalArgumentException("parameter '" + name + "' must be an integer, got " + v);
  }

  public boolean getBoolean(String name) {
    Object v = get(name);
    if (v instanceof Boolean b) {
      return b;
    }
    throw new IllegalArgumentException("parameter '" + name + "' must be true or false, got " + v);
  }

  /** A parameter as text; {@code null} stays {@code null}. */
  public String getString(String name) {
    Object v = get(name);
    return v == null ? null : v.toString();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ParamSet other && values.equals(other.values);
  }

  @Override
  public int hashCode() {
    return values.hashCode();
  }

  @Override
  public String toString() {
    return values.toString();
  }
}
