package dev.trialbase.spark;

import org.apache.spark.SparkConf;

/**
 * The Spark configuration a Trialbase driver starts with. What the user sets as {@code spark.*}
 * system properties or in {@code TRIALBASE_JAVA_OPTS} wins, except the master, which is
 * {@code --master}'s.
 */
final class SparkSettings {

  private SparkSettings() {
  }

  static SparkConf forMaster(String master) {
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
