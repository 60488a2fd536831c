package dev.trialbase.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code trialbase report} on a large run: the {@link QueryDatabase} run of {@code trials}
 * trials (default 100,000) and its 1,000-trial partner. Times the report of the big run in this
 * JVM once warm and as whole processes in a JVM capped at {@code -Xmx}, the two-run report, and
 * records the file's size and the heap the warm generation needed above the idle baseline.
 */
final class ReportBench {

  /** "Written in seconds": the whole process, start-up included. */
  static final double TARGET_SECONDS = 10;
  /** "Small enough to open": a few megabytes, most of it the curves of every trial. */
  static final double TARGET_MB = 10;

  /**
   * What was measured; {@code browserMillis} is null when Chromium is not installed.
   */
  record Result(int trials, String xmx, List<Double> warmMillis, List<Double> warmCpuMillis,
      List<Double> coldMillis, List<Double> coldCpuMillis, List<Double> trialsListMillis,
      List<Double> trialsListCpuMillis, double twoRunsMillis, long bytes, long twoRunsBytes, long heapPeakAboveIdle, String output,
      Double browserMillis) {
  }

  private ReportBench() {
  }

  /** Measures on {@code trials} trials; {@code browser}: also time Chromium opening the page. */
  static Result run(Path dbDir, Path work, int trials, int repeat, String xmx, boolean browser)
      throws Exception {
    Path db = QueryDatabase.obtain(dbDir, trials);
    Path one = work.resolve("report-1.html");
    Path two = work.resolve("report-1-2.html");
    List<String> args = List.of("report", "1", "--db", db.toString(), "--out", one.toString());
    String output = "";
    for (int i = 0; i < 2; i++) {
      output = QueryBench.inProcess(args).out();
    }
    List<Double> warm = new ArrayList<>();
    List<Double> warmCpu = new ArrayList<>();
    long heap = 0;
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    for (int i = 0; i < repeat; i++) {
      HeapPeak peak = HeapPeak.start();
      long cpu = threads.getCurrentThreadCpuTime();
      long start = System.nanoTime();
      QueryBench.inProcess(args);
      warm.add((System.nanoTime() - start) / 1e6);
      warmCpu.add((threads.getCurrentThreadCpuTime() - cpu) / 1e6);
      heap = Math.max(heap, peak.stop());
    }
    List<Double> cold = new ArrayList<>();
    List<Double> coldCpu = new ArrayList<>();
    timeProcesses(Env.javaCommand(List.of("-Xmx" + xmx), "dev.trialbase.cli.Main", args), repeat,
        cold, coldCpu);
    // The baseline: a process reading the same trials for `trials 1 --format csv`, with the
    // JVM's default heap (it holds every row, and needs more than 256 MB for 100,000 trials).
    List<Double> listing = new ArrayList<>();
    List<Double> listingCpu = new ArrayList<>();
    timeProcesses(Env.javaCommand(List.of(), "dev.trialbase.cli.Main",
        List.of("trials", "1", "--db", db.toString(), "--format", "csv")), repeat, listing,
        listingCpu);
    long start = System.nanoTime();
    QueryBench.inProcess(List.of("report", "1", "2", "--db", db.toString(), "--out",
        two.toString()));
    double twoRuns = (System.nanoTime() - start) / 1e6;
    return new Result(trials, xmx, warm, warmCpu, cold, coldCpu, listing, listingCpu, twoRuns, Files.size(one), Files.size(two), heap,
        output, browser ? browser(one, work) : null);
  }

  /**
   * Runs {@code command} {@code repeat} times under bash's {@code time}, adding each wall time
   * and each CPU time (user + system, every thread: JIT and GC included) in ms. On a machine
   * shared with other builds the CPU time is the steadier figure.
   */
  private static void timeProcesses(List<String> command, int repeat, List<Double> wall,
      List<Double> cpu) throws Exception {
    List<String> timed = new ArrayList<>(List.of("bash", "-c",
        "TIMEFORMAT='cpu-seconds %U %S'; time \"$@\" > /dev/null", "bash"));
    timed.addAll(command);
    for (int i = 0; i < repeat; i++) {
      Env.Exit exit = Env.runOk(timed, Map.of(), 600);
      wall.add(exit.wallMillis());
      String[] last = exit.err().strip().lines().reduce((a, b) -> b).orElse("").split(" ");
      cpu.add(last.length == 3 && last[0].equals("cpu-seconds")
          ? (Double.parseDouble(last[1]) + Double.parseDouble(last[2])) * 1000 : Double.NaN);
    }
  }

  /**
   * Wall time of headless Chromium opening {@code html} and dumping its DOM once the scripts
   * have drawn every plot; null without Chromium.
   */
  private static Double browser(Path html, Path work) throws Exception {
    Path chromium = Path.of("/usr/bin/chromium");
    if (!Files.isExecutable(chromium)) {
      return null;
    }
    Path profile = Files.createTempDirectory(work, "chromium-");
    Env.Exit exit = Env.runOk(List.of(chromium.toString(), "--headless", "--no-sandbox",
        "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--user-data-dir=" + profile,
        "--window-size=1280,900", "--dump-dom", html.toUri().toString()), Map.of(), 300);
    if (!exit.out().contains("data-plot=\"history-1\"") || !exit.out().contains("<svg")) {
      throw new IllegalStateException("Chromium did not draw the report: " + exit.err());
    }
    return exit.wallMillis();
  }

  /** The most heap in use while it ran, above what was in use (after a GC) when it started. */
  private static final class HeapPeak {
    private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    private final AtomicLong peak = new AtomicLong();
    private final long idle;
    private final Thread sampler;

    private HeapPeak() {
      System.gc();
      idle = memory.getHeapMemoryUsage().getUsed();
      sampler = new Thread(() -> {
        while (!Thread.currentThread().isInterrupted()) {
          peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
          try {
            Thread.sleep(2);
          } catch (InterruptedException e) {
            return;
          }
        }
      }, "heap-sampler");
      sampler.setDaemon(true);
      sampler.start();
    }

    static HeapPeak start() {
      return new HeapPeak();
    }

    long stop() throws InterruptedException {
      sampler.interrupt();
      sampler.join();
      return Math.max(0, peak.get() - idle);
    }
  }

  static Report report(Result r) {
    String name = "6 report";
    double cold = QueryBench.median(r.coldMillis());
    double mb = r.bytes() / 1e6;
    return new Report()
        .info(name, "run", Report.num(r.trials(), 0) + " trials (the `query` benchmark's database)")
        .check(name, "`report 1` whole process, `java -Xmx" + r.xmx() + "` (median of "
                + r.coldMillis().size() + ")", Report.ms(cold),
            "< " + Report.num(TARGET_SECONDS, 0) + " s", cold < TARGET_SECONDS * 1000)
        .info(name, "`report 1` whole process: CPU time, user + system, all threads (median)",
            Report.ms(QueryBench.median(r.coldCpuMillis())))
        .info(name, "baseline: `trials 1 --format csv` (reads the same trials), whole process, "
            + "default heap: wall / CPU (medians)", Report.ms(QueryBench.median(r.trialsListMillis()))
            + " / " + Report.ms(QueryBench.median(r.trialsListCpuMillis())))
        .info(name, "`report 1` in-process, warm: wall / CPU of the thread (medians)",
            Report.ms(QueryBench.median(r.warmMillis())) + " / "
                + Report.ms(QueryBench.median(r.warmCpuMillis())))
        .check(name, "`report 1` file size", Report.num(mb, 1) + " MB",
            "< " + Report.num(TARGET_MB, 0) + " MB", mb < TARGET_MB)
        .info(name, "of which ECharts, inlined", "1.0 MB")
        .info(name, "headless Chromium: open it and draw every plot (whole process)",
            r.browserMillis() == null ? "(not measured: no chromium)" : Report.ms(r.browserMillis()))
        .info(name, "heap in use while writing, above idle (peak, sampled every 2 ms)",
            Report.num(r.heapPeakAboveIdle() / 1e6, 0) + " MB")
        .info(name, "`report 1 2` (+ " + Report.num(QueryDatabase.SMALL_RUN_TRIALS, 0)
                + "-trial run) in-process, warm", Report.ms(r.twoRunsMillis()))
        .info(name, "`report 1 2` file size", Report.num(r.twoRunsBytes() / 1e6, 1) + " MB");
  }
}
