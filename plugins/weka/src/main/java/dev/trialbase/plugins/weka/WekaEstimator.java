package dev.trialbase.plugins.weka;

import dev.trialbase.api.Dataset;
import dev.trialbase.api.Distribution;
import dev.trialbase.api.Estimator;
import dev.trialbase.api.InvalidParamsException;
import dev.trialbase.api.Model;
import dev.trialbase.api.ParamInfo;
import dev.trialbase.api.ParamSet;
import dev.trialbase.api.SearchSpace;
import dev.trialbase.api.Task;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.pf4j.Extension;
import weka.core.Capabilities;
import weka.core.Instances;

/**
 * The generic {@code weka} estimator: any Weka classifier or regressor, named by
 * {@code class}, with its own properties as parameters and optional filters before it (see
 * {@link WekaSetup} for the naming, {@link WekaParameters} for the listing). A spec is
 * checked before the run from Weka's own introspection: the class, every property and
 * nested property, every fixed value and every value the space can produce (choices and
 * range bounds), and Weka's capabilities of the configured classifier against the training
 * data (class type, attribute types, missing values). Stateless and thread-safe.
 */
@Extension
public class WekaEstimator implements Estimator {

  static {
    WekaHome.redirectIfUnset();
  }

  @Override
  public String name() {
    return "weka";
  }

  @Override
  public String description() {
    return "any Weka classifier or regressor by class name (class: J48), its properties as "
        + "parameters, optional preprocess.N filters";
  }

  @Override
  public Set<Task> tasks() {
    return Set.of(Task.CLASSIFICATION, Task.REGRESSION);
  }

  /** Without a spec: only the key that names the classifier. */
  @Override
  public List<ParamInfo> parameters() {
    return WekaParameters.of(ParamSet.empty(), new SearchSpace(Map.of())).subList(0, 1);
  }

  @Override
  public List<ParamInfo> parameters(ParamSet fixed, SearchSpace space) {
    return WekaParameters.of(fixed, space);
  }

  @Override
  public void check(ParamSet fixed, SearchSpace space, Dataset train)
      throws InvalidParamsException {
    String classKey = WekaSetup.classKey(union(fixed, space));
    if (space.parameters().containsKey(classKey)) {
      throw new InvalidParamsException("space." + classKey + ": the classifier is fixed per "
          + "run (its parameters depend on it); search each classifier in its own run");
    }
    WekaSetup.Built base = WekaSetup.build(withSearchedParents(fixed, space));
    List<WekaSetup.Built> objectChoices = new ArrayList<>();
    Map<String, ParamInfo> known = new LinkedHashMap<>();
    parameters(fixed, space).forEach(p -> known.put(p.name(), p));
    for (Map.Entry<String, Distribution> e : space.parameters().entrySet()) {
      boolean objectValued = "class".equals(known.get(e.getKey()) == null ? null
          : known.get(e.getKey()).type());
      for (Object value : values(e.getValue())) {
        for (Map<String, Object> context : ancestorChoices(e.getKey(), space)) {
          Map<String, Object> trial = new LinkedHashMap<>(fixed.asMap());
          trial.putAll(context);
          trial.put(e.getKey(), value);
          WekaSetup.Built built;
          try {
            built = WekaSetup.build(ParamSet.of(trial));
          } catch (InvalidParamsException ex) {
            throw new InvalidParamsException("space." + ex.getMessage()
                + (context.isEmpty() ? "" : " (with " + context + ")"));
          }
          if (objectValued) {
            objectChoices.add(built);
          }
        }
      }
    }
    Instances data = FoldInstances.of(train);
    capable(base, data, "");
    for (WekaSetup.Built built : objectChoices) {
      capable(built, data, " (in a configuration the space reaches)");
    }
  }

  @Override
  public Model create(ParamSet params) throws InvalidParamsException {
    return new WekaModel(WekaSetup.build(params), params);
  }

  /** Weka's capabilities of the configured classifier, tested on the training data. */
  private static void capable(WekaSetup.Built built, Instances data, String where)
      throws InvalidParamsException {
    Capabilities capabilities = built.classifier().getCapabilities();
    if (!capabilities.test(data)) {
      Exception reason = capabilities.getFailReason();
      String message = reason == null ? "Weka's capabilities test failed" : reason.getMessage();
      throw new InvalidParamsException(built.model().getClass().getSimpleName()
          + " cannot handle this data" + where + ": " + message.trim());
    }
  }

  /** The values to try of a searched parameter: every choice, or a range's two bounds. */
  private static List<Object> values(Distribution d) {
    if (d instanceof Distribution.Categorical c) {
      return c.choices();
    }
    if (d instanceof Distribution.IntRange r) {
      return List.of(r.low(), r.high());
    }
    Distribution.FloatRange f = (Distribution.FloatRange) d;
    return List.of(f.low(), f.high());
  }

  /**
   * Each combination of the searched choices of {@code key}'s ancestors ({@code kernel} for
   * {@code kernel.gamma}), so a nested value is checked on every class it can meet.
   */
  private static List<Map<String, Object>> ancestorChoices(String key, SearchSpace space) {
    List<Map<String, Object>> combos = new ArrayList<>();
    combos.add(new LinkedHashMap<>());
    int dot = key.lastIndexOf('.');
    while (dot > 0) {
      String ancestor = key.substring(0, dot);
      if (space.parameters().get(ancestor) instanceof Distribution.Categorical c) {
        List<Map<String, Object>> next = new ArrayList<>();
        for (Map<String, Object> combo : combos) {
          for (Object choice : c.choices()) {
            Map<String, Object> m = new LinkedHashMap<>(combo);
            m.put(ancestor, choice);
            next.add(m);
          }
        }
        combos = next;
      }
      dot = ancestor.lastIndexOf('.');
    }
    return combos;
  }

  /**
   * {@code fixed} plus the first choice of each searched class that a fixed key sits under
   * ({@code kernel} searched, {@code kernel.gamma} fixed), so fixed keys are checked on a class
   * they can belong to; the other choices are checked with the space.
   */
  private static ParamSet withSearchedParents(ParamSet fixed, SearchSpace space) {
    Map<String, Object> all = new LinkedHashMap<>(fixed.asMap());
    for (String key : fixed.names()) {
      for (int dot = key.lastIndexOf('.'); dot > 0; dot = key.lastIndexOf('.', dot - 1)) {
        if (space.parameters().get(key.substring(0, dot)) instanceof Distribution.Categorical c) {
          all.putIfAbsent(key.substring(0, dot), c.choices().get(0));
        }
      }
    }
    return ParamSet.of(all);
  }

  private static Set<String> union(ParamSet fixed, SearchSpace space) {
    Set<String> keys = new java.util.LinkedHashSet<>(fixed.names());
    keys.addAll(space.parameters().keySet());
    return keys;
  }
}
