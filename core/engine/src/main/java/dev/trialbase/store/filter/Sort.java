package dev.trialbase.store.filter;

import dev.trialbase.eval.Metric;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The {@code --sort KEY[:asc|desc]} option. KEY is {@code number}, {@code duration}, {@code
 * objective}, a metric name ({@code accuracy}) or {@code metrics.NAME} (for a metric named
 * like one of the other keys). Without a direction: metrics best first (descending where
 * greater is better, as for unknown metrics; ascending for log_loss), the objective best
 * first by the run's own direction, number and duration ascending. Trials without a value
 * for the key come last, by number.
 *
 * @param key what to sort by
 * @param metric the metric name for {@link Key#METRIC}; null otherwise
 * @param direction the direction asked for; null for the key's default
 */
public record Sort(Key key, String metric, Direction direction) {

  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]+");

  /** What trials are ordered by. */
  public enum Key { NUMBER, DURATION, OBJECTIVE, METRIC }

  /** An ORDER BY direction; {@link #sql()} is the fixed keyword. */
  public enum Direction {
    ASC, DESC;

    public String sql() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  public Sort {
    if ((key == Key.METRIC) != (metric != null)) {
      throw new IllegalArgumentException("a metric sort needs a metric name, other sorts none");
    }
  }

  /** Trial number, ascending: the order trials were proposed in. */
  public static Sort byNumber() {
    return new Sort(Key.NUMBER, null, Direction.ASC);
  }

  /**
   * Parses {@code KEY[:asc|desc]}.
   *
   * @throws FilterException with the position of the problem in {@code text}
   */
  public static Sort parse(String text) {
    if (text == null || text.isBlank()) {
      throw new FilterException(0, "expected a sort key such as accuracy or accuracy:desc");
    }
    int colon = text.lastIndexOf(':');
    String keyText = colon < 0 ? text : text.substring(0, colon);
    Direction direction = colon < 0 ? null : direction(text.substring(colon + 1), colon + 1);
    String lower = keyText.toLowerCase(Locale.ROOT);
    return switch (lower) {
      case "number" -> new Sort(Key.NUMBER, null, direction);
      case "duration" -> new Sort(Key.DURATION, null, direction);
      case "objective" -> new Sort(Key.OBJECTIVE, null, direction);
      default -> new Sort(Key.METRIC, metricName(keyText), direction);
    };
  }

  private static String metricName(String keyText) {
    String name = keyText.regionMatches(true, 0, "metrics.", 0, 8) ? keyText.substring(8) : keyText;
    if (!NAME.matcher(name).matches()) {
      int offset = keyText.length() - name.length();
      int bad = 0;
      while (bad < name.length() && Lexer.isNameChar(name.charAt(bad))) {
        bad++;
      }
      throw new FilterException(offset + bad, name.isEmpty()
          ? "expected a metric name"
          : "a sort key is number, duration, objective or a metric name of letters, digits, "
              + "_ and -; found '" + keyText + "'");
    }
    return name;
  }

  private static Direction direction(String text, int position) {
    return switch (text.toLowerCase(Locale.ROOT)) {
      case "asc" -> Direction.ASC;
      case "desc" -> Direction.DESC;
      default -> throw new FilterException(position, "expected asc or desc after ':', found '"
          + text + "'");
    };
  }

  /** The direction to use, given whether the run maximizes its objective. */
  public Direction resolvedDirection(boolean runMaximizes) {
    if (direction != null) {
      return direction;
    }
    return switch (key) {
      case NUMBER, DURATION -> Direction.ASC;
      case OBJECTIVE -> runMaximizes ? Direction.DESC : Direction.ASC;
      case METRIC -> Metric.greaterIsBetter(metric, runMaximizes) ? Direction.DESC
          : Direction.ASC;
    };
  }

  private static boolean isKeyName(String name) {
    return name.equalsIgnoreCase("number") || name.equalsIgnoreCase("duration")
        || name.equalsIgnoreCase("objective");
  }

  /** The option as it would be written, e.g. {@code accuracy:desc}. */
  @Override
  public String toString() {
    String k = key != Key.METRIC ? key.name().toLowerCase(Locale.ROOT)
        : isKeyName(metric) ? "metrics." + metric : metric;
    return direction == null ? k : k + ":" + direction.sql();
  }
}
