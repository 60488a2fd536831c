package dev.trialbase.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How a searched parameter is drawn: on a log axis (a range with {@code "log": true}), a linear
 * axis (an int or float range) or by category (a list of choices, numbers included: a grid's
 * values are its categories). Read from the {@code space} of the spec as stored with the run.
 */
enum ParamAxis {
  LOG, LINEAR, CATEGORY;

  /** The lowercase name the page's script switches on. */
  String id() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }

  /** Each parameter of {@code space} (a spec's {@code space} object) and its axis, in order. */
  static Map<String, ParamAxis> of(JsonNode space) {
    Map<String, ParamAxis> out = new LinkedHashMap<>();
    if (space == null || !space.isObject()) {
      return out;
    }
    space.fields().forEachRemaining(e -> out.put(e.getKey(), axis(e.getValue())));
    return out;
  }

  private static ParamAxis axis(JsonNode d) {
    if (!d.isObject()) {
      return CATEGORY;
    }
    String type = d.path("type").asText("");
    if (type.equals("int") || type.equals("float")) {
      return d.path("log").asBoolean(false) ? LOG : LINEAR;
    }
    return CATEGORY;
  }
}
