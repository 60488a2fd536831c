package dev.trialbase.bench;

import dev.trialbase.store.Database;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;

/**
 * A million-trial run through the commands that read a whole run (issue 17, item 20), each a
 * whole process through {@code ./trialbase} with {@code TRIALBASE_JAVA_OPTS=-Xmx256m}: the
 * run itself; {@code resume} after the last hundredth and every thousandth trial were removed
 * (it reads the million stored trials, runs the removed ones); {@code reproduce}, which runs
 * the spec again and compares both runs trial by trial (it must say "identical", which also
 * proves the resumed run equals an uninterrupted one); {@code export} as CSV and as JSON.
 * Wall time and peak RSS come from {@code /usr/bin/time}, the largest heap left after a
 * collection from the JVM's GC log.
 */
final class LargeRunBench {

  /** One command's process. */
  record Step(String command, int exitCode, double seconds, long peakRssKb, double liveHeapMb,
      String outcome) {
  }

  private LargeRunBench() {
  }

  static List<Step> run(Path work, long trials, String xmx) throws Exception {
    Path csv = Workloads.csv(work, "train.csv", 200, 4);
    Path spec = Workloads.noopSpec(work, "large.json", csv, trials, 42, List.of("accuracy"));
    Path db = work.resolve("large.db");
    String plugins = Env.testPlugins().toString();
    List<Step> steps = new ArrayList<>();
    steps.add(step(work, xmx, "run", List.of("run", spec.toString(), "--db", db.toString(),
        "--plugins", plugins, "--no-progress")));
    long removed = interrupt(db, trials);
    steps.add(step(work, xmx, "resume (" + removed + " trials missing)", List.of("resume", "1",
        "--db", db.toString(), "--plugins", plugins, "--no-progress")));
    steps.add(step(work, xmx, "reproduce 1", List.of("reproduce", "1", "--db", db.toString(),
        "--plugins", plugins, "--no-progress")));
    Path out = work.resolve("export");
    steps.add(step(work, xmx, "export 1 --format csv", List.of("export", "1", "--db",
        db.toString(), "--out", out + ".csv")));
    steps.add(step(work, xmx, "export 1 --format json", List.of("export", "1", "--db",
        db.toString(), "--format", "json", "--out", out + ".json")));
    return steps;
  }

  /**
   * Makes run 1 an interrupted run lacking its last hundredth and every thousandth trial;
   * returns how many trials were removed.
   */
  static long interrupt(Path db, long trials) {
    long tail = trials - Math.max(1, trials / 100);
    String gone = "(trial_number >= " + tail + " or trial_number % 1000 = 999)";
    try (Handle h = Database.open(db).jdbi().open()) {
      return h.inTransaction(t -> {
        t.execute("delete from params where run_id = 1 and " + gone);
        t.execute("delete from trial_metrics where run_id = 1 and " + gone);
        int removed = t.execute("delete from trials where run_id = 1 and "
            + gone.replace("trial_number", "number"));
        t.execute("update runs set status = 'interrupted', best_trial = null where id = 1");
        return (long) removed;
      });
    }
  }

  private static Step step(Path work, String xmx, String label, List<String> args)
      throws Exception {
    Path time = work.resolve("time.txt");
    Path gc = work.resolve("gc.log");
    Files.deleteIfExists(gc);
    List<String> command = new ArrayList<>(List.of("/usr/bin/time", "-f", "%e %M", "-o",
        time.toString()));
    command.add(Env.launcher().toString());
    command.addAll(args);
    Env.Exit exit = Env.run(command, Map.of("TRIALBASE_JAVA_OPTS",
        "-Xmx" + xmx + " -Xlog:gc:file=" + gc), 7200);
    String[] measured = Files.readString(time).strip().lines().reduce((a, b) -> b).orElse("")
        .split(" ");
    // What the command said: its first line of output, else its last message.
    String outcome = exit.out().lines().filter(l -> !l.isBlank()).findFirst()
        .orElse(exit.err().lines().filter(l -> !l.isBlank()).reduce((a, b) -> b).orElse(""))
        .replace(work + "/", "");
    return new Step(label, exit.code(), Double.parseDouble(measured[0]),
        Long.parseLong(measured[1]), liveHeapMb(gc), outcome);
  }

  /** The most heap left after any collection, from a {@code -Xlog:gc} log ("123M->45M(256M)"). */
  static double liveHeapMb(Path gcLog) throws Exception {
    if (!Files.exists(gcLog)) {
      return Double.NaN;
    }
    double most = 0;
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("->(\\d+)M\\(")
        .matcher(Files.readString(gcLog));
    while (m.find()) {
      most = Math.max(most, Double.parseDouble(m.group(1)));
    }
    return most;
  }

  static Report report(List<Step> steps, long trials, String xmx) {
    String name = "5b large run";
    Report report = new Report();
    for (Step s : steps) {
      boolean ok = s.exitCode() == 0;
      report.check(name, "`" + s.command() + "` of " + Report.num(trials, 0)
              + " trials, -Xmx" + xmx,
          ok ? Report.num(s.seconds(), 1) + " s, peak RSS " + Report.num(s.peakRssKb() / 1024.0, 0)
              + " MB, most heap live after a GC " + Report.num(s.liveHeapMb(), 0) + " MB: "
              + s.outcome()
              : "failed (exit " + s.exitCode() + "): " + s.outcome(),
          "exit 0", ok);
    }
    return report;
  }
}
