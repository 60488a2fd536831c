package dev.trialbase;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A spec built in code: one method per key of the JSON spec (see {@code docs/spec.md}), with
 * the same names and values, so a spec file and a built spec say the same thing the same way.
 * A section ({@code data}, {@code estimator}, {@code strategy}, {@code pruner},
 * {@code function}) takes its name and, where it has them, its parameters or options as a map;
 * {@link Builder#data(Map)} takes the section's keys. Checked, with the file's error messages, when a
 * run starts ({@link Trialbase#run(Spec)}).
 *
 * <pre>{@code
 * Spec spec = Spec.builder()
 *     .experiment("quadratic")
 *     .function("noisy-quadratic")
 *     .space("x", Space.floatRange(-5, 5))
 *     .strategy("tpe")
 *     .trials(60)
 *     .seed(7)
 *     .build();
 * }</pre>
 *
 * <p>Immutable; the builder is not thread-safe.
 */
public final class Spec {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final Map<String, Object> keys;

  private Spec(Map<String, Object> keys) {
    this.keys = keys;
  }

  /** A builder with no key set. */
  public static Builder builder() {
    return new Builder();
  }

  /** The spec as JSON, exactly what the same spec file would hold. */
  public String toJson() {
    try {
      return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(keys);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("a spec value is not JSON: " + e.getOriginalMessage(),
          e);
    }
  }

  @Override
  public String toString() {
    return toJson();
  }

  /** Sets a spec's keys one by one; {@link #build()} makes the immutable spec. */
  public static final class Builder {
    private final Map<String, Object> keys = new LinkedHashMap<>();

    private Builder() {
    }

    private Builder put(String key, Object value) {
      keys.put(key, value);
      return this;
    }

    private static Map<String, Object> section(String name, String key, Map<String, ?> values) {
      Map<String, Object> s = new LinkedHashMap<>();
      s.put("name", name);
      if (values != null && !values.isEmpty()) {
        s.put(key, new LinkedHashMap<>(values));
      }
      return s;
    }

    /** {@code experiment}: the name that groups runs. */
    public Builder experiment(String name) {
      return put("experiment", name);
    }

    /** {@code description}: one line for people. */
    public Builder description(String text) {
      return put("description", text);
    }

    /**
     * {@code data}: its keys ({@code train}, {@code test}, {@code target}, {@code task},
     * {@code positive}, {@code format}); relative paths resolve against the working directory.
     */
    public Builder data(Map<String, ?> data) {
      return put("data", new LinkedHashMap<>(data));
    }

    /** {@code estimator}: the estimator plugin by name. */
    public Builder estimator(String name) {
      return estimator(name, Map.of());
    }

    /** {@code estimator}: the estimator plugin and its {@code params}, fixed for every trial. */
    public Builder estimator(String name, Map<String, ?> params) {
      return put("estimator", section(name, "params", params));
    }

    /**
     * {@code function}: the objective by name: one given to {@link Trialbase#objective}, or a
     * plugin's.
     */
    public Builder function(String name) {
      return function(name, Map.of(), null);
    }

    /**
     * {@code function}: the objective, its {@code params} fixed for every trial, and its
     * {@code steps} (how many values a trial reports to a pruner; null for 1).
     */
    public Builder function(String name, Map<String, ?> params, Integer steps) {
      Map<String, Object> s = section(name, "params", params);
      if (steps != null) {
        s.put("steps", steps);
      }
      return put("function", s);
    }

    /** {@code strategy}: the strategy plugin by name ({@code grid}, {@code random}, {@code tpe}). */
    public Builder strategy(String name) {
      return strategy(name, Map.of());
    }

    /** {@code strategy}: the strategy plugin and its {@code options}. */
    public Builder strategy(String name, Map<String, ?> options) {
      return put("strategy", section(name, "options", options));
    }

    /** {@code pruner}: the pruner plugin by name ({@code median}, {@code successive-halving}). */
    public Builder pruner(String name) {
      return pruner(name, Map.of());
    }

    /** {@code pruner}: the pruner plugin and its {@code options}. */
    public Builder pruner(String name, Map<String, ?> options) {
      return put("pruner", section(name, "options", options));
    }

    /**
     * One parameter of {@code space}: a list of choices, or an object with a {@code type}, as
     * {@link Space} makes them.
     */
    @SuppressWarnings("unchecked")
    public Builder space(String parameter, Object distribution) {
      Map<String, Object> space = (Map<String, Object>) keys.computeIfAbsent("space",
          k -> new LinkedHashMap<String, Object>());
      space.put(parameter, distribution);
      return this;
    }

    /** {@code trials}: the most trials to run. */
    public Builder trials(long trials) {
      return put("trials", trials);
    }

    /** {@code folds}: cross-validation folds of an estimator run. */
    public Builder folds(int folds) {
      return put("folds", folds);
    }

    /** {@code metrics}: what an estimator run scores on each fold. */
    public Builder metrics(List<String> metrics) {
      return put("metrics", List.copyOf(metrics));
    }

    /** {@code objective}: the metric that ranks trials, or a function's score name. */
    public Builder objective(String objective) {
      return put("objective", objective);
    }

    /** {@code direction}: {@code minimize} (default) or {@code maximize}, for a function run. */
    public Builder direction(String direction) {
      return put("direction", direction);
    }

    /** {@code seed}: the run seed; every random stream derives from it. */
    public Builder seed(long seed) {
      return put("seed", seed);
    }

    /** {@code trialTimeoutSeconds}: a longer trial stops with status timeout. */
    public Builder trialTimeoutSeconds(double seconds) {
      return put("trialTimeoutSeconds", seconds);
    }

    /** The spec; its keys are checked when it runs. */
    public Spec build() {
      return new Spec(new LinkedHashMap<>(keys));
    }
  }
}
