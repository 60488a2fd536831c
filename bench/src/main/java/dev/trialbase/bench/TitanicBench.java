package dev.trialbase.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The Titanic grid (examples/titanic/grid.json, 140 points, 5 folds, Weka logistic
 * regression): the whole-process wall time of {@code ./trialbase run}, and the same run in a
 * {@link TitanicProbe} JVM split into JVM start, plugin loading, preparing (spec, data, folds),
 * opening the database, fitting and storing.
 */
final class TitanicBench {

  /** One probe process: wall time and its parts, in milliseconds. */
  record Probe(double wall, double jvmStart, double load, double prepare, double open,
      double execute, double store, long transactions, long trials, long failed, double best,
      String test) {

    double fitting() {
      return execute - store;
    }

    double exit() {
      return wall - jvmStart - load - prepare - open - execute;
    }
  }

  /**
   * @param firstLauncherWall the first, unmeasured launcher run (after a build it writes the
   *     class-data archive)
   * @param probes probe JVMs, with a class-data archive of their own when {@code archive}
   * @param plainProbe one probe JVM without any archive, or null
   */
  record Result(Path spec, double firstLauncherWall, List<Double> launcherWalls,
      List<Probe> probes, boolean archive, Probe plainProbe, String launch) {
    double launcherMedian() {
      List<Double> sorted = new ArrayList<>(launcherWalls);
      sorted.sort(null);
      return sorted.get(sorted.size() / 2);
    }

    Probe medianProbe() {
      List<Probe> sorted = new ArrayList<>(probes);
      sorted.sort(Comparator.comparingDouble(Probe::wall));
      return sorted.get(sorted.size() / 2);
    }
  }

  private TitanicBench() {
  }

  /**
   * Runs {@code spec} once unmeasured and {@code repeat} times measured through
   * {@code launch}; then in probe JVMs: with {@code archive}, first one that writes a class-data
   * archive of the probe's classes, {@code repeat} that use it and one without; else
   * {@code repeat} without.
   */
  static Result run(Path work, Path spec, int repeat, Launch launch, boolean archive)
      throws Exception {
    List<Double> walls = new ArrayList<>();
    double first = Double.NaN;
    // The unmeasured first run matters only where a class-data archive is being made.
    for (int i = archive ? -1 : 0; i < repeat; i++) {
      Env.Exit exit = Env.runOk(launch.command(List.of("run", spec.toString(),
          "--db", work.resolve("launcher" + i + ".db").toString(), "--no-progress")),
          Map.of(), 600);
      if (i < 0) {
        first = exit.wallMillis();
      } else {
        walls.add(exit.wallMillis());
      }
    }
    List<Probe> probes = new ArrayList<>();
    Probe plain = null;
    if (archive) {
      // CDS cannot archive from a class path with directories (as in a test run): no archive then.
      Path jsa = work.resolve("probe.jsa");
      try {
        probe(spec, work.resolve("probe-dump.db"), List.of("-XX:ArchiveClassesAtExit=" + jsa));
      } catch (IllegalStateException e) {
        archive = false;
      }
    }
    if (archive) {
      Path jsa = work.resolve("probe.jsa");
      for (int i = 0; i < repeat; i++) {
        probes.add(probe(spec, work.resolve("probe" + i + ".db"),
            List.of("-XX:SharedArchiveFile=" + jsa)));
      }
      plain = probe(spec, work.resolve("probe-plain.db"), List.of());
    } else {
      for (int i = 0; i < repeat; i++) {
        probes.add(probe(spec, work.resolve("probe" + i + ".db"), List.of()));
      }
    }
    return new Result(spec, first, walls, probes, archive, plain, launch.label());
  }

  /** Runs {@code spec} in a fresh {@link TitanicProbe} JVM with {@code jvmOptions}. */
  static Probe probe(Path spec, Path db, List<String> jvmOptions) throws Exception {
    List<String> args = List.of(spec.toString(), db.toString(), "1");
    List<String> options = new ArrayList<>(List.of("-Xlog:cds=off", "-Xlog:cds+dynamic=off"));
    options.addAll(jvmOptions);
    long spawnAt = System.currentTimeMillis();
    Env.Exit exit = Env.runOk(Env.javaCommand(options, TitanicProbe.class.getName(), args),
        Map.of(), 600);
    String line = exit.out().lines().filter(l -> l.startsWith("probe ")).findFirst()
        .orElseThrow(() -> new IllegalStateException("no timings from the probe: " + exit.out()
            + exit.err()));
    Map<String, String> v = new HashMap<>();
    for (String pair : line.substring(6).split(" ")) {
      int eq = pair.indexOf('=');
      v.put(pair.substring(0, eq), pair.substring(eq + 1));
    }
    return new Probe(exit.wallMillis(), Long.parseLong(v.get("mainAt")) - spawnAt,
        d(v, "load"), d(v, "prepare"), d(v, "open"), d(v, "execute"), d(v, "store"),
        Long.parseLong(v.get("transactions")), Long.parseLong(v.get("trials")),
        Long.parseLong(v.get("failed")), d(v, "best"), v.get("test"));
  }

  private static double d(Map<String, String> v, String key) {
    return Double.parseDouble(v.get(key));
  }

  static Report report(Result r) {
    Probe p = r.medianProbe();
    String name = "2 titanic grid";
    String archive = r.archive() ? ", class-data archive" : "";
    Report report = new Report()
        .info(name, r.launch() + " `run " + r.spec().getFileName() + "` whole process (median of "
            + r.launcherWalls().size() + ")", Report.ms(r.launcherMedian()))
        .info(name, "the first such run (after a build it writes the class-data archive)",
            Double.isNaN(r.firstLauncherWall()) ? "-" : Report.ms(r.firstLauncherWall()))
        .info(name, "same run in a probe JVM" + archive + ", whole process (median of "
            + r.probes().size() + ")", Report.ms(p.wall()))
        .info(name, "- JVM start (spawn to main)", Report.ms(p.jvmStart()))
        .info(name, "- plugin loading (PluginRegistry.load)", Report.ms(p.load()))
        .info(name, "- spec, data, folds (SpecReader.read + RunEngine.prepare)",
            Report.ms(p.prepare()))
        .info(name, "- database open + migrate (Database.open)", Report.ms(p.open()))
        .info(name, "- fitting and scoring (execute minus storing)", Report.ms(p.fitting()))
        .info(name, "- storing trials (" + p.transactions() + " group commits)", Report.ms(p.store()))
        .info(name, "- JVM exit and the rest", Report.ms(p.exit()))
        .info(name, "trials / failed / best CV accuracy / test accuracy",
            p.trials() + " / " + p.failed() + " / " + Report.num(p.best(), 4) + " / "
                + (p.test() == null || p.test().equals("null") ? "-"
                    : Report.num(Double.parseDouble(p.test()), 4)));
    Probe plain = r.plainProbe();
    if (plain != null) {
      report.info(name, "probe JVM without an archive: whole / plugins / prepare / database open",
          Report.ms(plain.wall()) + " / " + Report.ms(plain.load()) + " / "
              + Report.ms(plain.prepare()) + " / " + Report.ms(plain.open()));
    }
    return report;
  }
}
