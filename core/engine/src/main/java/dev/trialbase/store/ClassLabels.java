package dev.trialbase.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.List;

/** A run's class labels as stored: a JSON array of strings in declared order. */
public final class ClassLabels {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private ClassLabels() {
  }

  /** {@code labels} as a JSON array; null for none (regression). */
  public static String toJson(List<String> labels) {
    if (labels == null || labels.isEmpty()) {
      return null;
    }
    try {
      return JSON.writeValueAsString(labels);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a list of strings always serialises", e);
    }
  }

  /** The labels in {@code json}; empty for null (regression, or a run stored before V3). */
  static List<String> fromJson(String json) {
    if (json == null) {
      return List.of();
    }
    try {
      return List.copyOf(JSON.readValue(json, new TypeReference<List<String>>() { }));
    } catch (JsonProcessingException e) {
      throw new StoreException("stored class labels are not a JSON list: " + json, e);
    }
  }
}
