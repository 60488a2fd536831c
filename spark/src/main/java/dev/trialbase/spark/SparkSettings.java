package dev.trialbase.spark;

import dev.trialbase.engine.ExecutorException;
import java.util.regex.Pattern;
import org.apache.spark.SparkConf;

/**
 * The Spark configuration a Trialbase driver starts with. What the user sets as {@code spark.*}
 * system properties or in {@code TRIALBASE_JAVA_OPTS} wins, except the master, which is
 * {@code --master}'s.
 */
final class SparkSettings {

  private SparkSettings() {
  }

  /** What Spark takes as a master: local, local[N], spark://, yarn, k8s://, mesos://. */
  private static final Pattern MASTER = Pattern.compile(
      "local(\\[(\\*|\\d+)(,\\d+)?])?|local-cluster\\[.*]|spark://.+|yarn|k8s://.+|mesos://.+");

  /**
   * Checked here, as Spark's own refusal of a malformed URL comes with a stack trace in its
   * log.
   */
  static void checkMaster(String master) {
    if (!MASTER.matcher(master).matches()) {
      throw new ExecutorException("'" + master + "' is not a Spark master URL: give local[N] "
          + "(N cores here), local[*], or spark://host:port (a standalone cluster)");
    }
  }

  static SparkConf forMaster(String master) {
    checkMaster(master);
    SparkConf conf = new SparkConf(true)
        .setMaster(master)
        .setAppName("trialbase")
        // No web UI and no console progress bar: the command draws its own.
        .setIfMissing("spark.ui.enabled", "false")
        .setIfMissing("spark.ui.showConsoleProgress", "false")
        // A trial that ignores the interrupt of a cancelled job (a timeout, Ctrl-C) ends its
        // executor JVM after a minute instead of holding the core for ever.
        .setIfMissing("spark.task.reaper.enabled", "true")
        .setIfMissing("spark.task.reaper.killTimeout", "60s");
    if (master.startsWith("local")) {
      // Nothing outside this machine talks to a local driver.
      conf.setIfMissing("spark.driver.host", "127.0.0.1")
          .setIfMissing("spark.driver.bindAddress", "127.0.0.1");
    }
    return conf;
  }
}
