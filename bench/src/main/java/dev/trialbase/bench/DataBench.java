package dev.trialbase.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Loading large data: the same generated table as CSV and as ARFF, each read as a training
 * set in a child JVM with a bounded heap. Target: the dataset keeps at most twice the raw
 * 8 bytes per cell, and reading needs no heap many times the data's size.
 */
final class DataBench {

  /** One file read: its size, time, and the heap the dataset kept. */
  record Result(String format, long fileBytes, String xmx, int exitCode, long rows, long cells,
      long millis, long retained, String err) {

    double overhead() {
      return (double) retained / (cells * 8.0);
    }
  }

  private DataBench() {
  }

  static List<Result> run(Path work, int rows, int columns, String xmx) throws Exception {
    DataFiles.Written files = DataFiles.write(work, rows, columns);
    return List.of(load("csv", files.csv(), xmx), load("arff", files.arff(), xmx));
  }

  private static Result load(String format, Path file, String xmx) throws Exception {
    Env.Exit exit = Env.run(Env.javaCommand(List.of("-Xmx" + xmx),
        DataLoadProbe.class.getName(), List.of(file.toString())), Map.of(), 900);
    String line = exit.out().lines().filter(l -> l.startsWith("load ")).findFirst()
        .orElse(null);
    if (line == null) {
      return new Result(format, Files.size(file), xmx, exit.code(), 0, 0, 0, 0,
          exit.err().lines().filter(l -> !l.isBlank()).findFirst().orElse(""));
    }
    Map<String, String> v = new HashMap<>();
    for (String pair : line.substring(5).split(" ")) {
      int eq = pair.indexOf('=');
      v.put(pair.substring(0, eq), pair.substring(eq + 1));
    }
    return new Result(format, Files.size(file), xmx, exit.code(), Long.parseLong(v.get("rows")),
        Long.parseLong(v.get("cells")), Long.parseLong(v.get("millis")),
        Long.parseLong(v.get("retained")), "");
  }

  static Report report(List<Result> results) {
    Report report = new Report();
    for (Result r : results) {
      String name = "data " + r.format();
      if (r.rows() == 0) {
        report.check(name, "read with -Xmx" + r.xmx(), "failed: " + r.err(), "reads", false);
        continue;
      }
      report.info(name, "file", Report.num(r.fileBytes() / 1e6, 0) + " MB, "
          + Report.num(r.rows(), 0) + " rows, " + Report.num(r.cells(), 0) + " cells");
      report.check(name, "read with -Xmx" + r.xmx(), Report.ms(r.millis()), "reads", true);
      report.check(name, "dataset heap / raw 8 bytes per cell",
          Report.num(r.retained() / 1e6, 0) + " MB = " + Report.num(r.overhead(), 2) + " x",
          "<= 2 x", r.overhead() <= 2.0);
    }
    return report;
  }
}
