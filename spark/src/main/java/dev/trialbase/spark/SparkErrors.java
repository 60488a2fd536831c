package dev.trialbase.spark;

/** Spark's exceptions as one line for the user: the first line of the innermost message. */
final class SparkErrors {

  private SparkErrors() {
  }

  static String firstLine(Throwable error) {
    Throwable t = error;
    while (t.getCause() != null && t.getCause() != t && (t.getMessage() == null
        || t.getMessage().equals(String.valueOf(t.getCause())))) {
      t = t.getCause();
    }
    String message = t.getMessage() != null ? t.getMessage() : t.toString();
    int end = message.indexOf('\n');
    return (end < 0 ? message : message.substring(0, end)).strip();
  }
}
