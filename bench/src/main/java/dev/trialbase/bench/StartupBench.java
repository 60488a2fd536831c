package dev.trialbase.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * CLI start-up: the whole-process wall time of {@code ./trialbase runs} on a small database,
 * beside the bare JVM ({@code java -version}) and the CLI started without the launcher's
 * class-data archive ({@code java -cp ... Main runs}, as the launcher used to).
 */
final class StartupBench {

  static final double TARGET_MILLIS = 300;

  /** The launcher's class-data archive (see the comments in {@code trialbase}). */
  private static final Path ARCHIVE = Env.root().resolve("target/cds/trialbase.jsa");

  record Result(List<Double> launcher, List<Double> plainJava, List<Double> bareJvm,
      double firstLauncher, boolean archive, String output, String launch,
      List<Double> best, List<Double> trials) {
  }

  private StartupBench() {
  }

  /** With {@code compare}, also times the CLI without the launcher and the bare JVM. */
  static Result run(Path work, int repeat, Launch launch, boolean compare) throws Exception {
    Path db = work.resolve("small.db");
    QueryDatabase.generate(db, 100);
    List<String> launcher = launch.command(List.of("runs", "--db", db.toString()));
    List<String> bestCommand = launch.command(List.of("best", "1", "--db", db.toString()));
    List<String> trialsCommand = launch.command(List.of("trials", "1", "--limit", "10", "--db",
        db.toString()));
    // After a build, each subcommand's first call records the classes it loads for the
    // launcher's class-data archive, made in the background; the first call is reported apart.
    awaitNoDump(); // a dump left running by an earlier command
    deleteTree(ARCHIVE.getParent());
    Env.Exit first = Env.runOk(launcher, Map.of(), 300);
    Env.runOk(bestCommand, Map.of(), 300);
    Env.runOk(trialsCommand, Map.of(), 300);
    Env.runOk(launcher, Map.of(), 300);
    awaitArchive(launch);
    List<Double> launched = new ArrayList<>();
    String output = first.out();
    for (int i = 0; i < repeat; i++) {
      Env.Exit exit = Env.runOk(launcher, Map.of(), 300);
      launched.add(exit.wallMillis());
      output = exit.out();
    }
    // The other query commands the start-up target names, timed the same way.
    List<Double> best = new ArrayList<>();
    List<Double> trials = new ArrayList<>();
    for (int i = 0; i < repeat; i++) {
      best.add(Env.runOk(bestCommand, Map.of(), 300).wallMillis());
      trials.add(Env.runOk(trialsCommand, Map.of(), 300).wallMillis());
    }
    List<Double> plainTimes = new ArrayList<>();
    List<Double> bare = new ArrayList<>();
    if (compare) {
      List<String> plain = cliJarCommand(List.of("runs", "--db", db.toString()));
      for (int i = 0; i < repeat; i++) {
        plainTimes.add(Env.runOk(plain, Map.of(), 300).wallMillis());
      }
      for (int i = 0; i < repeat; i++) {
        bare.add(Env.runOk(List.of(Env.java(), "-version"), Map.of(), 300).wallMillis());
      }
    }
    return new Result(launched, plainTimes, bare, first.wallMillis(),
        Files.isRegularFile(ARCHIVE), output,
        launch.label(), best, trials);
  }

  /**
   * Waits (up to a minute) while the launcher makes its class-data archive in the background:
   * until no dump is under way and the archive is at least as new as every class list,
   * running the launcher again when a dump is due but not started.
   */
  private static void awaitArchive(Launch launch) throws Exception {
    Path cds = ARCHIVE.getParent();
    long deadline = System.nanoTime() + 60_000_000_000L;
    while (System.nanoTime() < deadline) {
      if (!Files.exists(cds.resolve("dumping"))) {
        if (Files.isRegularFile(ARCHIVE) && !listNewerThanArchive(cds.resolve("classes"))) {
          return;
        }
        // Lists came in while the last dump ran: the launcher starts the next dump when it is
        // next run, which must not be one of the timed runs.
        Env.runOk(launch.command(List.of("--version")), Map.of(), 300);
      }
      Thread.sleep(200);
    }
  }

  private static void awaitNoDump() throws Exception {
    Path dumping = ARCHIVE.getParent().resolve("dumping");
    long deadline = System.nanoTime() + 60_000_000_000L;
    while (Files.exists(dumping) && System.nanoTime() < deadline) {
      Thread.sleep(200);
    }
  }

  private static void deleteTree(Path dir) throws Exception {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }

  private static boolean listNewerThanArchive(Path classes) throws Exception {
    if (!Files.isDirectory(classes)) {
      return false;
    }
    var archiveTime = Files.getLastModifiedTime(ARCHIVE);
    try (Stream<Path> lists = Files.list(classes)) {
      return lists.anyMatch(list -> {
        try {
          return Files.getLastModifiedTime(list).compareTo(archiveTime) > 0;
        } catch (java.io.IOException e) {
          return false;
        }
      });
    }
  }

  /** The CLI as the launcher started it before it had a class-data archive. */
  static List<String> cliJarCommand(List<String> args) throws Exception {
    Path cli = Env.root().resolve("cli/target");
    String jar;
    try (Stream<Path> files = Files.list(cli)) {
      jar = files.map(Path::toString)
          .filter(f -> f.matches(".*/trialbase-cli-[^/]*\\.jar"))
          .findFirst().orElseThrow(() -> new IllegalStateException("no CLI jar in " + cli
              + "; build first"));
    }
    List<String> command = new ArrayList<>(List.of(Env.java(),
        "-Dtrialbase.builtin.plugins=" + Env.root().resolve("target/plugins"),
        "-cp", jar + ":" + cli.resolve("lib") + "/*", "dev.trialbase.cli.Main"));
    command.addAll(args);
    return command;
  }

  static Report report(Result r) {
    String name = "4b start-up";
    double launcher = QueryBench.median(r.launcher());
    Report report = new Report()
        .check(name, r.launch() + " `runs` on a small database, whole process (median of "
                + r.launcher().size() + ")", Report.ms(launcher), "< " + Report.ms(TARGET_MILLIS),
            launcher < TARGET_MILLIS)
        .check(name, r.launch() + " `best 1`, whole process (median of " + r.best().size() + ")",
            Report.ms(QueryBench.median(r.best())), "< " + Report.ms(TARGET_MILLIS),
            QueryBench.median(r.best()) < TARGET_MILLIS)
        .check(name, r.launch() + " `trials 1 --limit 10`, whole process (median of "
                + r.trials().size() + ")", Report.ms(QueryBench.median(r.trials())),
            "< " + Report.ms(TARGET_MILLIS), QueryBench.median(r.trials()) < TARGET_MILLIS)
        .info(name, "first call after a build (records its classes for the class-data archive)",
            Report.ms(r.firstLauncher()));
    if (!r.plainJava().isEmpty()) {
      report.info(name, "`java -cp ... Main runs` without the archive (the old launcher)",
              Report.ms(QueryBench.median(r.plainJava())))
          .info(name, "bare JVM, `java -version`", Report.ms(QueryBench.median(r.bareJvm())));
    }
    return report;
  }
}
