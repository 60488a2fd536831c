package dev.trialbase.spec;

import com.fasterxml.jackson.databind.JsonNode;
import dev.trialbase.api.Distribution;
import dev.trialbase.api.SearchSpace;
import dev.trialbase.api.Suggestions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns a spec's {@code space} section into a {@link SearchSpace}. Each parameter is either a
 * list of choices ({@code "C": [0.1, 1, 10]}) or an object with a type:
 * <pre>
 *   {"type": "choice", "values": ["l2", null]}
 *   {"type": "int",   "low": 1,    "high": 100, "step": 1}
 *   {"type": "float", "low": 1e-4, "high": 1e4, "log": true, "points": 9}
 * </pre>
 * In a choice list, numbers are all integers or, if any has a fraction, all floats, so a
 * parameter keeps one type across trials.
 */
public final class SpaceParser {

  private static final Set<String> CHOICE_KEYS = Set.of("type", "values");
  private static final Set<String> INT_KEYS = Set.of("type", "low", "high", "step");
  private static final Set<String> FLOAT_KEYS = Set.of("type", "low", "high", "log", "points");

  private SpaceParser() {
  }

  /** The search space of {@code space}; errors name the parameter as {@code space.NAME}. */
  public static SearchSpace parse(Map<String, JsonNode> space) {
    Map<String, Distribution> parameters = new LinkedHashMap<>();
    if (space != null) {
      space.forEach((name, node) -> {
        try {
          parameters.put(name, distribution(node));
        } catch (IllegalArgumentException e) {
          throw new SpecException("space." + name + ": " + e.getMessage(), e);
        }
      });
    }
    return new SearchSpace(parameters);
  }

  private static Distribution distribution(JsonNode node) {
    if (node.isArray()) {
      return choice(node);
    }
    if (!node.isObject()) {
      throw new IllegalArgumentException("expected a list of choices or an object with a "
          + "'type' of choice, int or float; got " + node);
    }
    String type = node.path("type").asText("");
    return switch (type) {
      case "choice" -> {
        checkKeys(node, CHOICE_KEYS);
        if (!node.path("values").isArray()) {
          throw new IllegalArgumentException("a choice needs 'values': a list");
        }
        yield choice(node.get("values"));
      }
      case "int" -> {
        checkKeys(node, INT_KEYS);
        yield new Distribution.IntRange(integer(node, "low"), integer(node, "high"),
            node.has("step") ? integer(node, "step") : 1);
      }
      case "float" -> {
        checkKeys(node, FLOAT_KEYS);
        boolean log = node.path("log").asBoolean(false);
        if (node.has("log") && !node.get("log").isBoolean()) {
          throw new IllegalArgumentException("'log' must be true or false");
        }
        double low = real(node, "low");
        double high = real(node, "high");
        if (low == high) {
          throw new IllegalArgumentException("empty range: low " + low + " = high " + high
              + "; for a single value use a choice list: [" + node.get("low") + "]");
        }
        long points = node.has("points") ? integer(node, "points") : 0;
        if (node.has("points") && (points < 1 || points > Integer.MAX_VALUE)) {
          throw new IllegalArgumentException("'points' must be at least 1, got " + points);
        }
        yield new Distribution.FloatRange(low, high, log, (int) points);
      }
      default -> throw new IllegalArgumentException(
          "'type' must be one of choice, int, float; got '" + type + "'"
          + nearest(type, List.of("choice", "int", "float")));
    };
  }

  private static Distribution.Categorical choice(JsonNode values) {
    if (values.isEmpty()) {
      throw new IllegalArgumentException("a choice list needs at least one value");
    }
    boolean allIntegral = true;
    for (JsonNode v : values) {
      allIntegral &= !v.isNumber() || v.isIntegralNumber();
    }
    List<Object> choices = new ArrayList<>();
    for (JsonNode v : values) {
      choices.add(value(v, allIntegral));
    }
    if (choices.stream().distinct().count() != choices.size()) {
      throw new IllegalArgumentException("the choice list repeats a value: " + values);
    }
    return new Distribution.Categorical(choices);
  }

  private static Object value(JsonNode v, boolean integral) {
    if (v.isNull()) {
      return null;
    }
    if (v.isNumber()) {
      return integral ? (Object) v.longValue() : (Object) v.doubleValue();
    }
    if (v.isBoolean()) {
      return v.booleanValue();
    }
    if (v.isTextual()) {
      return v.textValue();
    }
    throw new IllegalArgumentException("a choice must be a number, text, true/false or null; got "
        + v);
  }

  private static void checkKeys(JsonNode node, Set<String> allowed) {
    node.fieldNames().forEachRemaining(key -> {
      if (!allowed.contains(key)) {
        List<String> sorted = allowed.stream().sorted().toList();
        throw new IllegalArgumentException("unknown key '" + key + "' for type '"
            + node.path("type").asText() + "'" + nearest(key, sorted) + "; allowed keys: "
            + String.join(", ", sorted));
      }
    });
  }

  /** "; did you mean 'x'?" for the word of {@code known} nearest {@code word}, if near. */
  private static String nearest(String word, List<String> known) {
    return Suggestions.didYouMean(word, known);
  }

  private static long integer(JsonNode node, String key) {
    JsonNode v = node.get(key);
    if (v == null || !v.isIntegralNumber() || !v.canConvertToLong()) {
      throw new IllegalArgumentException("'" + key + "' must be an integer"
          + (v == null ? " and is missing" : ", got " + v));
    }
    return v.longValue();
  }

  private static double real(JsonNode node, String key) {
    JsonNode v = node.get(key);
    if (v == null || !v.isNumber()) {
      throw new IllegalArgumentException("'" + key + "' must be a number"
          + (v == null ? " and is missing" : ", got " + v));
    }
    return v.doubleValue();
  }
}
