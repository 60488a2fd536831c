package dev.trialbase.spark;

import dev.trialbase.engine.ExecutorException;
import dev.trialbase.engine.TrialExecutor;
import dev.trialbase.engine.TrialRunner;
import dev.trialbase.spec.LoadedSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;

/**
 * A Spark application for one command: connects to the master, gives the executors
 * Trialbase's jars ({@link ShippedJars}), and waits until a task runs ({@link ExecutorWait}),
 * all before the command stores a run. Each run it starts ships its plugin files through
 * Spark's file distribution and broadcasts its spec and data once.
 */
final class SparkTrials implements TrialExecutor {

  private final JavaSparkContext sc;
  private final String master;
  private final Set<Path> addedFiles = new HashSet<>();

  private SparkTrials(JavaSparkContext sc, String master) {
    this.sc = sc;
    this.master = master;
  }

  static SparkTrials connect(String master, int waitSeconds) {
    JavaSparkContext sc;
    SparkConf conf = SparkSettings.forMaster(master);
    MasterProbe.check(master);
    try {
      sc = new JavaSparkContext(conf);
    } catch (Exception | ExceptionInInitializerError e) {
      throw new ExecutorException("cannot start Spark with master '" + master + "': "
          + SparkErrors.firstLine(e), e);
    }
    try {
      Path scratch = Files.createTempDirectory("trialbase-spark-jars");
      scratch.toFile().deleteOnExit();
      for (Path jar : ShippedJars.forExecutors(scratch)) {
        sc.addJar(jar.toString());
        if (jar.startsWith(scratch)) { // a packed class folder; never the class path's jars
          jar.toFile().deleteOnExit();
        }
      }
      ExecutorWait.untilATaskRuns(sc, master, waitSeconds);
      return new SparkTrials(sc, master);
    } catch (IOException | RuntimeException e) {
      sc.stop();
      throw e instanceof ExecutorException ee ? ee
          : new ExecutorException("cannot set up Spark: " + SparkErrors.firstLine(e), e);
    }
  }

  @Override
  public int defaultJobs() {
    return sc.defaultParallelism();
  }

  @Override
  public String describe() {
    return "spark, master " + master + ", " + sc.defaultParallelism()
        + " trials at a time by default";
  }

  @Override
  public synchronized TrialRunner start(int jobs, LoadedSpec spec, List<Path> pluginRoots,
      Double timeoutSeconds, List<String> metrics) {
    RunPayload payload = RunPayload.of(UUID.randomUUID().toString(), spec,
        distribute(pluginRoots));
    return new SparkTrialRunner(sc, sc.broadcast(payload), timeoutSeconds, metrics);
  }

  /**
   * The plugin files (jars and zips) of {@code roots}, added to Spark's file distribution; a
   * name seen in an earlier root is left out, as a plugin id loaded twice would be refused.
   */
  private List<String> distribute(List<Path> roots) {
    List<String> names = new ArrayList<>();
    for (Path root : roots) {
      if (!Files.isDirectory(root)) {
        continue;
      }
      try (Stream<Path> files = Files.list(root)) {
        for (Path file : (Iterable<Path>) files.sorted()::iterator) {
          String name = file.getFileName().toString();
          if (Files.isRegularFile(file) && (name.endsWith(".jar") || name.endsWith(".zip"))
              && !names.contains(name)) {
            Path absolute = file.toAbsolutePath().normalize();
            if (addedFiles.add(absolute)) {
              sc.addFile(absolute.toString());
            }
            names.add(name);
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException("cannot list the plugins in " + root, e);
      }
    }
    return names;
  }

  @Override
  public void close() {
    sc.stop();
  }
}
