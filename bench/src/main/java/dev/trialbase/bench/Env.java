package dev.trialbase.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Where the benchmarks find the repository (its plugins, examples and launcher), how they
 * start child JVMs, and what they say about the machine.
 */
final class Env {

  /** System property naming the repository root; bench/run and the tests set it. */
  static final String ROOT_PROPERTY = "trialbase.root";

  private Env() {
  }

  /** The repository root: {@code -Dtrialbase.root}, else the first parent holding ./trialbase. */
  static Path root() {
    String property = System.getProperty(ROOT_PROPERTY);
    if (property != null && !property.isBlank()) {
      return Path.of(property).toAbsolutePath().normalize();
    }
    for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
      if (Files.isRegularFile(p.resolve("trialbase")) && Files.isRegularFile(p.resolve("pom.xml"))) {
        return p;
      }
    }
    throw new IllegalStateException("cannot find the repository root; pass -D" + ROOT_PROPERTY);
  }

  /** The build's plugins and the test plugins (noop, cpu, faulty), as --plugins would add them. */
  static List<Path> pluginRoots() {
    return List.of(root().resolve("target/plugins"), root().resolve("target/test-plugins"));
  }

  static Path testPlugins() {
    return root().resolve("target/test-plugins");
  }

  /** The launcher, ./trialbase; {@code -Dtrialbase.launcher} names another (for trying one out). */
  static Path launcher() {
    String other = System.getProperty("trialbase.launcher");
    return other != null && !other.isBlank() ? Path.of(other) : root().resolve("trialbase");
  }

  /** The java executable of this JVM. */
  static String java() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  /**
   * A command starting a JVM on this JVM's class path (the CLI and everything it needs) with
   * the system properties the launcher sets, running {@code mainClass}.
   */
  static List<String> javaCommand(List<String> jvmOptions, String mainClass, List<String> args) {
    List<String> command = new ArrayList<>();
    command.add(java());
    command.addAll(jvmOptions);
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add("-Dtrialbase.builtin.plugins=" + root().resolve("target/plugins"));
    command.add("-D" + ROOT_PROPERTY + "=" + root());
    command.add("-Dcom.github.fommil.netlib.ARPACK=com.github.fommil.netlib.F2jARPACK");
    String wekaHome = System.getProperty("WEKA_HOME");
    if (wekaHome != null) {
      command.add("-DWEKA_HOME=" + wekaHome);
    }
    command.add(mainClass);
    command.addAll(args);
    return command;
  }

  /** What a finished child process did. */
  record Exit(int code, String out, String err, long wallNanos) {
    double wallMillis() {
      return wallNanos / 1e6;
    }
  }

  /** Runs {@code command} to its end (at most {@code timeoutSeconds}), timing the whole process. */
  static Exit run(List<String> command, Map<String, String> environment, long timeoutSeconds)
      throws IOException, InterruptedException {
    Path out = Files.createTempFile("bench-out", ".txt");
    Path err = Files.createTempFile("bench-err", ".txt");
    try {
      ProcessBuilder builder = new ProcessBuilder(command)
          .redirectOutput(out.toFile()).redirectError(err.toFile())
          .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
      builder.environment().putAll(environment);
      long start = System.nanoTime();
      Process process = builder.start();
      if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new IllegalStateException("timed out after " + timeoutSeconds + " s: " + command);
      }
      long wall = System.nanoTime() - start;
      return new Exit(process.exitValue(), Files.readString(out), Files.readString(err), wall);
    } finally {
      Files.deleteIfExists(out);
      Files.deleteIfExists(err);
    }
  }

  /** Like {@link #run} but fails unless the process exits with 0. */
  static Exit runOk(List<String> command, Map<String, String> environment, long timeoutSeconds)
      throws IOException, InterruptedException {
    Exit exit = run(command, environment, timeoutSeconds);
    if (exit.code() != 0) {
      throw new IllegalStateException("exit code " + exit.code() + " from " + command
          + "\nstdout: " + exit.out() + "\nstderr: " + exit.err());
    }
    return exit;
  }

  /** The 1-minute load average, or NaN where the OS does not say. */
  static double loadAverage() {
    return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
  }

  /**
   * How busy the whole machine is, from /proc/stat over {@code millis}: 0 idle to 1 every core
   * busy, counting every process (other users' builds too); NaN where there is no /proc/stat.
   */
  static double busy(long millis) {
    try {
      long[] a = cpuTicks();
      Thread.sleep(millis);
      long[] b = cpuTicks();
      double total = b[0] - a[0];
      return total <= 0 ? Double.NaN : 1 - (b[1] - a[1]) / total;
    } catch (IOException | RuntimeException e) {
      return Double.NaN;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Double.NaN;
    }
  }

  /** {total, idle + iowait} jiffies of all CPUs. */
  private static long[] cpuTicks() throws IOException {
    String line = Files.readAllLines(Path.of("/proc/stat")).get(0);
    String[] f = line.trim().split("\\s+");
    long total = 0;
    for (int i = 1; i < f.length && i <= 8; i++) {
      total += Long.parseLong(f[i]);
    }
    return new long[] {total, Long.parseLong(f[4]) + Long.parseLong(f[5])};
  }

  static int cores() {
    return Runtime.getRuntime().availableProcessors();
  }

  /** One line about the machine, for the report. */
  static String machine() {
    return String.format(Locale.ROOT, "%d cores, load average %.2f, %s %s, %s %s",
        cores(), loadAverage(), System.getProperty("java.vm.name"),
        System.getProperty("java.version"), System.getProperty("os.name"),
        System.getProperty("os.arch"));
  }

  /** Deletes a directory tree, ignoring what cannot be deleted. */
  static void deleteTree(Path dir) {
    if (dir == null || !Files.exists(dir)) {
      return;
    }
    try (var paths = Files.walk(dir)) {
      paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> {
        try {
          Files.deleteIfExists(p);
        } catch (IOException ignored) {
          // best effort
        }
      });
    } catch (IOException ignored) {
      // best effort
    }
  }
}
