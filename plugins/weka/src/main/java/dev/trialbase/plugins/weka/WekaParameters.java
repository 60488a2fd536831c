package dev.trialbase.plugins.weka;

import dev.trialbase.api.Distribution;
import dev.trialbase.api.InvalidParamsException;
import dev.trialbase.api.ParamInfo;
import dev.trialbase.api.ParamSet;
import dev.trialbase.api.SearchSpace;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import weka.filters.Filter;

/**
 * The parameters of the generic {@code weka} estimator for one spec, read from Weka by
 * introspection: the classifier's properties with their types, defaults (from a fresh
 * instance) and Weka's descriptions; for each object-valued property the properties of the
 * class the spec chooses for it (or of its default object), under {@code name.}; the
 * pipeline's filters and theirs under {@code preprocess.N.}. A key below a class name that
 * cannot be resolved is listed as it is, so that {@link WekaEstimator#check} can report the
 * class name itself, with a "did you mean".
 */
final class WekaParameters {

  /** Object nesting deeper than this is not listed (settable all the same). */
  private static final int MAX_DEPTH = 4;

  private final ParamSet fixed;
  private final SearchSpace space;
  private final Set<String> keys = new LinkedHashSet<>();
  private final Map<String, ParamInfo> listed = new LinkedHashMap<>();
  private final List<String> unresolved = new ArrayList<>();

  private WekaParameters(ParamSet fixed, SearchSpace space) {
    this.fixed = fixed;
    this.space = space;
    keys.addAll(fixed.names());
    keys.addAll(space.parameters().keySet());
  }

  /** Every parameter a spec with {@code fixed} and {@code space} may set. */
  static List<ParamInfo> of(ParamSet fixed, SearchSpace space) {
    WekaParameters p = new WekaParameters(fixed, space);
    p.collect();
    return List.copyOf(p.listed.values());
  }

  private void collect() {
    String classKey = WekaSetup.classKey(keys);
    add(new ParamInfo(classKey, "class", "required",
        "the Weka classifier or regressor: short or full class name (J48, "
            + "weka.classifiers.trees.J48)"));
    Class<?> top = null;
    try {
      top = fixed.has(classKey) ? WekaSetup.classifierClass(fixed) : null;
    } catch (InvalidParamsException e) {
      // check() reports it
    }
    if (top == null) {
      unresolved.add("");
    } else {
      properties(top, "", 0, classKey.equals(WekaSetup.CLASSIFIER));
    }
    for (String key : keys) {
      int step = WekaSetup.filterIndex(key);
      String stepKey = WekaSetup.PREPROCESS + "." + step;
      if (step >= 0 && !listed.containsKey(stepKey)) {
        add(new ParamInfo(stepKey, "class", "none",
            "pipeline step " + step + ": a Weka filter (short or full class name), fitted on "
                + "the training data only"));
        objectsAt(stepKey, Filter.class, null, 0);
      }
    }
    for (String key : keys) {
      if (!listed.containsKey(key) && unresolved.stream()
          .anyMatch(u -> u.isEmpty() || key.startsWith(u + "."))) {
        add(new ParamInfo(key, "unchecked", "", "below a class name that is checked first"));
      }
    }
  }

  private void properties(Class<?> type, String prefix, int depth, boolean skipClassifier) {
    Object instance;
    try {
      instance = WekaClasses.create(prefix, type);
    } catch (InvalidParamsException e) {
      unresolved.add(prefix.isEmpty() ? "" : prefix.substring(0, prefix.length() - 1));
      return;
    }
    for (WekaProperty p : WekaProperties.of(type).values()) {
      if (skipClassifier && p.name().equals(WekaSetup.CLASSIFIER)) {
        continue;
      }
      Object current;
      try {
        current = p.read(instance);
      } catch (InvalidParamsException e) {
        current = null;
      }
      String key = prefix + p.name();
      add(new ParamInfo(key, p.kind().word, WekaProperty.text(current), p.description(instance)));
      if (p.kind() == WekaProperty.Kind.CLASS && depth < MAX_DEPTH) {
        objectsAt(key, p.type(), current, depth + 1);
      }
    }
  }

  /** Lists the properties of every class {@code key} may hold in this spec. */
  private void objectsAt(String key, Class<?> type, Object current, int depth) {
    List<Object> names = new ArrayList<>();
    if (fixed.has(key)) {
      names.add(fixed.get(key));
    } else if (space.parameters().get(key) instanceof Distribution.Categorical c) {
      names.addAll(c.choices());
    }
    if (names.isEmpty()) {
      if (current != null) {
        properties(current.getClass(), key + ".", depth, false);
      }
      return;
    }
    for (Object name : names) {
      try {
        if (!(name instanceof String s)) {
          throw new InvalidParamsException(key);
        }
        properties(WekaClasses.resolve(key, s, type), key + ".", depth, false);
      } catch (InvalidParamsException e) {
        unresolved.add(key);
      }
    }
  }

  private void add(ParamInfo info) {
    listed.putIfAbsent(info.name(), info);
  }
}
