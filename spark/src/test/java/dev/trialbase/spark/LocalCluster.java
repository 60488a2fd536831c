package dev.trialbase.spark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A Spark standalone cluster on this machine, as a real one is: a master and a worker, each a
 * JVM of its own started from Spark's own classes, bound to 127.0.0.1 on free ports. The worker
 * starts executors from a Spark home whose {@code jars} folder holds Spark's jars only
 * (links to {@code spark/distribution/target/jars}), so Trialbase's classes reach them only as the
 * driver ships them.
 */
final class LocalCluster implements AutoCloseable {

  /** Spark's own options for Java 17+ (JavaModuleOptions), for the master and worker JVMs. */
  static final List<String> JAVA_OPTIONS = List.of("-XX:+IgnoreUnrecognizedVMOptions",
      "--add-opens=java.base/java.lang=ALL-UNNAMED", "--add-opens=java.base/java.nio=ALL-UNNAMED",
      "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED", "--add-opens=java.base/java.util=ALL-UNNAMED",
      "--add-opens=java.base/java.lang.invoke=ALL-UNNAMED", "-Xmx512m");

  private final List<Process> processes = new ArrayList<>();
  private final String masterUrl;

  private LocalCluster(String masterUrl) {
    this.masterUrl = masterUrl;
  }

  String masterUrl() {
    return masterUrl;
  }

  /** Starts the master, waits for its port, then starts a worker of {@code cores} cores. */
  static LocalCluster start(Path dir, int cores) throws IOException, InterruptedException {
    int port = freePort();
    LocalCluster cluster = new LocalCluster("spark://127.0.0.1:" + port);
    try {
      Path home = sparkHome(dir.resolve("spark-home"));
      cluster.launch(dir, home, "master", "org.apache.spark.deploy.master.Master",
          "--host", "127.0.0.1", "--port", String.valueOf(port),
          "--webui-port", String.valueOf(freePort()));
      awaitPort(port, 30);
      Path work = Files.createDirectories(dir.resolve("work"));
      cluster.launch(dir, home, "worker", "org.apache.spark.deploy.worker.Worker",
          "--host", "127.0.0.1", "--port", String.valueOf(freePort()),
          "--webui-port", String.valueOf(freePort()), "--cores", String.valueOf(cores),
          "--memory", "2g", "--work-dir", work.toString(), cluster.masterUrl);
      return cluster;
    } catch (IOException | InterruptedException | RuntimeException e) {
      cluster.close();
      throw e;
    }
  }

  private void launch(Path dir, Path home, String name, String mainClass, String... args)
      throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(JAVA_OPTIONS);
    command.add("-cp");
    command.add(sparkClassPath());
    command.add(mainClass);
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command)
        .redirectErrorStream(true)
        .redirectOutput(dir.resolve(name + ".log").toFile());
    builder.environment().put("SPARK_HOME", home.toString());
    builder.environment().put("SPARK_SCALA_VERSION", "2.13");
    builder.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
    builder.environment().put("WEKA_HOME", dir.resolve("wekafiles").toString());
    processes.add(builder.start());
  }

  /** Spark's jars alone: what a Spark installation's {@code jars} folder holds. */
  private static String sparkClassPath() {
    return sparkJars().resolve("*").toString();
  }

  private static Path sparkJars() {
    return Path.of(System.getProperty(ShippedJars.SPARK_JARS));
  }

  /** A Spark home: a RELEASE file (a distribution, not a build) and jars linking Spark's. */
  private static Path sparkHome(Path home) throws IOException {
    Path jars = Files.createDirectories(home.resolve("jars"));
    Files.writeString(home.resolve("RELEASE"), "Spark (jars of the trialbase-spark build)\n");
    try (Stream<Path> files = Files.list(sparkJars())) {
      for (Path jar : (Iterable<Path>) files::iterator) {
        Files.createSymbolicLink(jars.resolve(jar.getFileName()), jar.toAbsolutePath());
      }
    }
    return home;
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  private static void awaitPort(int port, int seconds) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    while (System.nanoTime() < deadline) {
      try {
        new Socket("127.0.0.1", port).close();
        return;
      } catch (IOException notYet) {
        Thread.sleep(100);
      }
    }
    throw new IllegalStateException("the Spark master did not open port " + port + " within "
        + seconds + " s");
  }

  private List<Process> reversedProcesses() {
    List<Process> reversed = new ArrayList<>(processes);
    java.util.Collections.reverse(reversed);
    return reversed;
  }

  /** Ends the worker's executors, the worker and the master. */
  @Override
  public void close() {
    for (Process p : reversedProcesses()) {
      p.descendants().forEach(ProcessHandle::destroyForcibly);
      p.destroyForcibly();
    }
    for (Process p : processes) {
      try {
        p.waitFor(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

}
