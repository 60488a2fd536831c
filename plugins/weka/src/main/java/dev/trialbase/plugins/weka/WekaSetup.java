package dev.trialbase.plugins.weka;

import dev.trialbase.api.InvalidParamsException;
import dev.trialbase.api.ParamSet;
import dev.trialbase.api.Suggestions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import weka.classifiers.Classifier;
import weka.classifiers.meta.FilteredClassifier;
import weka.filters.Filter;
import weka.filters.MultiFilter;

/**
 * Builds the Weka classifier a parameter set of the generic {@code weka} estimator describes.
 *
 * <ul>
 *   <li>{@code class} names the classifier, by short or full class name ({@code classifier}
 *       does too when {@code class} is absent; then a meta-classifier's own {@code classifier}
 *       property cannot be set, so name the top one with {@code class} for Bagging and
 *       friends).</li>
 *   <li>Bare names are the classifier's properties ({@code confidenceFactor}); a property that
 *       holds an object takes a class name ({@code kernel: RBFKernel}) and its properties
 *       nest with dots ({@code kernel.gamma}), to any depth
 *       ({@code classifier.kernel.gamma}).</li>
 *   <li>{@code preprocess.0}, {@code preprocess.1}, ... name Weka filters applied in that
 *       order, each with its properties under its index ({@code preprocess.0.ignoreClass}).
 *       They run inside Weka's {@code FilteredClassifier} (a {@code MultiFilter} for several),
 *       so every filter is fitted on the training data of the fit only.</li>
 * </ul>
 *
 * Stateless.
 */
final class WekaSetup {

  static final String CLASS = "class";
  static final String CLASSIFIER = "classifier";
  static final String PREPROCESS = "preprocess";

  /**
   * The classifier to fit and the parts of it (for seeding).
   *
   * @param classifier what to fit: {@code model}, or a FilteredClassifier around it
   * @param model the configured classifier the spec names
   * @param filters the pipeline's filters in order, possibly none
   */
  record Built(Classifier classifier, Classifier model, List<Filter> filters) {
  }

  private WekaSetup() {
  }

  /** The key naming the top classifier: {@code class}, else {@code classifier}. */
  static String classKey(Set<String> keys) {
    return keys.contains(CLASS) || !keys.contains(CLASSIFIER) ? CLASS : CLASSIFIER;
  }

  /** The filter index of a {@code preprocess.N[.x]} key, or -1 for any other key. */
  static int filterIndex(String key) {
    if (!key.startsWith(PREPROCESS + ".")) {
      return -1;
    }
    String rest = key.substring(PREPROCESS.length() + 1);
    int dot = rest.indexOf('.');
    String number = dot < 0 ? rest : rest.substring(0, dot);
    try {
      int n = Integer.parseInt(number);
      return n >= 0 && number.equals(Integer.toString(n)) ? n : -1;
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  /** The top classifier's class for {@code params}. */
  static Class<?> classifierClass(ParamSet params) throws InvalidParamsException {
    String key = classKey(params.names());
    if (!params.has(key)) {
      throw new InvalidParamsException("name the Weka classifier: \"class\": \"J48\" (short "
          + "or full class name; \"classifier\" works too)");
    }
    Object name = params.get(key);
    if (!(name instanceof String s)) {
      throw new InvalidParamsException(key + ": expected a classifier's class name, got "
          + name);
    }
    return WekaClasses.resolve(key, s, Classifier.class);
  }

  /** A new, configured classifier: every property set, every nested object created. */
  static Built build(ParamSet params) throws InvalidParamsException {
    String classKey = classKey(params.names());
    Classifier model = (Classifier) WekaClasses.create(classKey, classifierClass(params));
    Map<String, Object> own = new LinkedHashMap<>();
    TreeMap<Integer, Map<String, Object>> steps = new TreeMap<>();
    for (Map.Entry<String, Object> e : params.asMap().entrySet()) {
      String key = e.getKey();
      if (key.equals(classKey)) {
        continue;
      }
      int step = filterIndex(key);
      if (step >= 0) {
        String rest = key.substring((PREPROCESS + "." + step).length());
        steps.computeIfAbsent(step, k -> new LinkedHashMap<>())
            .put(rest.isEmpty() ? "" : rest.substring(1), e.getValue());
      } else if (classKey.equals(CLASSIFIER) && key.startsWith(CLASSIFIER + ".")) {
        throw new InvalidParamsException(key + ": here 'classifier' names the top "
            + "classifier; to set a meta-classifier's inner classifier, name the top one with "
            + "\"class\" and use classifier, " + key);
      } else {
        own.put(key, e.getValue());
      }
    }
    configure(model, own, "");
    List<Filter> filters = filters(steps);
    if (filters.isEmpty()) {
      return new Built(model, model, List.of());
    }
    FilteredClassifier pipeline = new FilteredClassifier();
    if (filters.size() == 1) {
      pipeline.setFilter(filters.get(0));
    } else {
      MultiFilter multi = new MultiFilter();
      multi.setFilters(filters.toArray(new Filter[0]));
      pipeline.setFilter(multi);
    }
    pipeline.setClassifier(model);
    return new Built(pipeline, model, filters);
  }

  private static List<Filter> filters(TreeMap<Integer, Map<String, Object>> steps)
      throws InvalidParamsException {
    List<Filter> filters = new ArrayList<>();
    int expected = 0;
    for (Map.Entry<Integer, Map<String, Object>> step : steps.entrySet()) {
      String key = PREPROCESS + "." + step.getKey();
      if (step.getKey() != expected) {
        throw new InvalidParamsException(PREPROCESS + "." + expected + ": the pipeline's "
            + "steps are numbered from 0 without gaps, but " + key + " comes next");
      }
      expected++;
      Map<String, Object> settings = new LinkedHashMap<>(step.getValue());
      if (!settings.containsKey("")) {
        throw new InvalidParamsException(key + ": name the filter of step " + step.getKey()
            + ", such as \"" + key + "\": \"Standardize\"");
      }
      Object name = settings.remove("");
      if (!(name instanceof String s)) {
        throw new InvalidParamsException(key + ": expected a filter's class name, got " + name);
      }
      Filter filter = (Filter) WekaClasses.create(key, WekaClasses.resolve(key, s, Filter.class));
      configure(filter, settings, key + ".");
      filters.add(filter);
    }
    return filters;
  }

  /**
   * Sets {@code settings} (names relative to {@code target}) on {@code target}; {@code prefix}
   * is {@code target}'s place in the spec, for messages.
   */
  static void configure(Object target, Map<String, Object> settings, String prefix)
      throws InvalidParamsException {
    Map<String, WekaProperty> known = WekaProperties.of(target.getClass());
    Map<String, Map<String, Object>> nested = new LinkedHashMap<>();
    Map<String, Object> values = new LinkedHashMap<>();
    for (Map.Entry<String, Object> e : settings.entrySet()) {
      String name = e.getKey();
      int dot = name.indexOf('.');
      String head = dot < 0 ? name : name.substring(0, dot);
      WekaProperty property = known.get(head);
      if (property == null) {
        throw new InvalidParamsException(prefix + head + ": "
            + target.getClass().getSimpleName() + " has no property '" + head + "'"
            + Suggestions.didYouMean(head, known.keySet()) + "; its properties: "
            + String.join(", ", known.keySet()));
      }
      if (dot < 0) {
        values.put(head, e.getValue());
      } else if (property.kind() != WekaProperty.Kind.CLASS) {
        throw new InvalidParamsException(prefix + name + ": " + prefix + head + " is "
            + property.words() + ", it has no properties");
      } else {
        nested.computeIfAbsent(head, k -> new LinkedHashMap<>())
            .put(name.substring(dot + 1), e.getValue());
      }
    }
    for (Map.Entry<String, Object> e : values.entrySet()) {
      WekaProperty property = known.get(e.getKey());
      String key = prefix + e.getKey();
      if (property.kind() == WekaProperty.Kind.CLASS) {
        if (!(e.getValue() instanceof String s)) {
          throw new InvalidParamsException(key + ": expected a class name for "
              + property.name() + ", got " + e.getValue());
        }
        Object child = WekaClasses.create(key, WekaClasses.resolve(key, s, property.type()));
        configure(child, nested.getOrDefault(e.getKey(), Map.of()), key + ".");
        property.write(key, target, child);
      } else {
        property.write(key, target, property.convert(key, e.getValue(), property.read(target)));
      }
    }
    for (Map.Entry<String, Map<String, Object>> e : nested.entrySet()) {
      if (values.containsKey(e.getKey())) {
        continue;
      }
      WekaProperty property = known.get(e.getKey());
      String key = prefix + e.getKey();
      Object child = property.read(target);
      if (child == null) {
        throw new InvalidParamsException(key + ": has no object by default; set " + key
            + " to a class name first");
      }
      configure(child, e.getValue(), key + ".");
      property.write(key, target, child);
    }
  }
}
