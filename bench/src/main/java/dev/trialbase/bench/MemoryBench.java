package dev.trialbase.bench;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Memory: a long noop run ({@link MemoryProbe}) in a JVM of its own with a small -Xmx must
 * finish; reports the peak heap in use and the most that survived a collection.
 */
final class MemoryBench {

  /**
   * @param firstTenthMillis wall time of the first tenth of the trials (JIT warm-up included)
   * @param lastTenthMillis wall time of the last tenth: more would mean trials cost more as the
   *     run grows
   */
  record Result(long trials, String xmx, int exitCode, long stored, double seconds,
      long peakUsed, long peakCommitted, long peakAfterGc, long max, long gcs,
      double firstTenthMillis, double lastTenthMillis, String err) {

    boolean fits() {
      return exitCode == 0 && stored == trials;
    }
  }

  private MemoryBench() {
  }

  static Result run(Path work, long trials, String xmx) throws Exception {
    Env.Exit exit = Env.run(Env.javaCommand(List.of("-Xmx" + xmx),
        MemoryProbe.class.getName(), List.of(work.toString(), Long.toString(trials))),
        Map.of(), 1800);
    String line = exit.out().lines().filter(l -> l.startsWith("memory ")).findFirst()
        .orElse(null);
    if (line == null) {
      return new Result(trials, xmx, exit.code(), 0, Double.NaN, 0, 0, 0, 0, 0, Double.NaN,
          Double.NaN, exit.err().lines().filter(l -> !l.isBlank()).findFirst().orElse(""));
    }
    Map<String, String> v = new HashMap<>();
    for (String pair : line.substring(7).split(" ")) {
      int eq = pair.indexOf('=');
      v.put(pair.substring(0, eq), pair.substring(eq + 1));
    }
    return new Result(trials, xmx, exit.code(), Long.parseLong(v.get("trials")),
        Double.parseDouble(v.get("seconds")), Long.parseLong(v.get("peakUsed")),
        Long.parseLong(v.get("peakCommitted")), Long.parseLong(v.get("peakAfterGc")),
        Long.parseLong(v.get("max")), Long.parseLong(v.get("gcs")),
        Double.parseDouble(v.get("firstTenth")), Double.parseDouble(v.get("lastTenth")), "");
  }

  private static String mb(long bytes) {
    return Report.num(bytes / 1048576.0, 1) + " MB";
  }

  static Report report(Result r) {
    String name = "5 memory";
    Report report = new Report().check(name, Report.num(r.trials(), 0)
            + "-trial noop run in a separate JVM with -Xmx" + r.xmx(),
        r.fits() ? "completed, " + Report.num(r.seconds(), 1) + " s"
            : "failed (exit " + r.exitCode() + "): " + r.err(),
        "fits", r.fits());
    if (r.fits()) {
      report.info(name, "peak heap used (sampled every 5 ms)", mb(r.peakUsed()))
          .info(name, "peak heap live after a collection", mb(r.peakAfterGc()))
          .info(name, "peak heap committed / max", mb(r.peakCommitted()) + " / " + mb(r.max()))
          .info(name, "collections", Long.toString(r.gcs()))
          .info(name, "trials/s in the first and the last tenth of the run",
              Report.num(r.trials() / 10 / (r.firstTenthMillis() / 1000), 0) + " / "
                  + Report.num(r.trials() / 10 / (r.lastTenthMillis() / 1000), 0));
    }
    return report;
  }
}
