package dev.trialbase.data;

import dev.trialbase.api.Suggestions;
import java.util.Collection;
import java.util.stream.Collectors;

/** Column names in error messages: a short list, and a "did you mean" for a misspelt name. */
final class ColumnNames {

  /** How many names a message lists before it says how many more there are. */
  static final int LISTED = 30;

  private ColumnNames() {
  }

  /** Up to {@value #LISTED} names, each a short excerpt, comma-separated. */
  static String list(Collection<String> names) {
    String shown = names.stream().limit(LISTED).map(Excerpt::of)
        .collect(Collectors.joining(", "));
    return names.size() > LISTED ? shown + ", ... (" + names.size() + " in all)" : shown;
  }

  /** {@code "; did you mean 'x'?"} for the closest of {@code known}, or empty if none is close. */
  static String suggestion(String name, Collection<String> known) {
    return Suggestions.nearest(name, known).map(k -> "; did you mean " + Excerpt.quoted(k) + "?")
        .orElse("");
  }
}
