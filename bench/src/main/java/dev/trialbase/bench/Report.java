package dev.trialbase.bench;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.DoubleStream;

/** The rows a benchmark measured, printed as one markdown table. */
final class Report {

  /**
   * One measured figure.
   *
   * @param target what it should be (empty when there is none)
   * @param met "yes", "no" or empty when there is no target
   */
  record Row(String benchmark, String measure, String value, String target, String met) {
  }

  private final List<Row> rows = new ArrayList<>();

  /** A figure without a target. */
  Report info(String benchmark, String measure, String value) {
    rows.add(new Row(benchmark, measure, value, "", ""));
    return this;
  }

  /** A figure with a target, met or not. */
  Report check(String benchmark, String measure, String value, String target, boolean met) {
    rows.add(new Row(benchmark, measure, value, target, met ? "yes" : "**no**"));
    return this;
  }

  Report addAll(Report other) {
    rows.addAll(other.rows);
    return this;
  }

  List<Row> rows() {
    return List.copyOf(rows);
  }

  /** Whether any row with a target missed it. */
  boolean anyMissed() {
    return rows.stream().anyMatch(r -> r.met().equals("**no**"));
  }

  void print(PrintWriter out) {
    out.println("| benchmark | measure | result | target | met |");
    out.println("|---|---|---:|---|---|");
    for (Row r : rows) {
      out.println("| " + r.benchmark() + " | " + r.measure() + " | " + r.value() + " | "
          + r.target() + " | " + r.met() + " |");
    }
    out.flush();
  }

  static String ms(double millis) {
    return millis >= 100 ? String.format(Locale.ROOT, "%.0f ms", millis)
        : String.format(Locale.ROOT, "%.1f ms", millis);
  }

  /** Seconds to two decimals, several joined by " / ": "1.25 s / 3.50 s". */
  static String seconds(double... values) {
    return DoubleStream.of(values).mapToObj(v -> num(v, 2) + " s")
        .collect(Collectors.joining(" / "));
  }

  static String num(double value, int decimals) {
    return String.format(Locale.ROOT, "%,." + decimals + "f", value);
  }
}
