package dev.trialbase.plugins.weka;

import java.nio.file.Path;

/**
 * Run by {@link WekaHomeTest} in a child JVM: one ARFF file read through the format extension
 * before any estimator is touched, as the host does when it loads the data first.
 */
final class ReadArffInFreshJvm {

  private ReadArffInFreshJvm() {
  }

  public static void main(String[] args) throws Exception {
    Collected.arff(Path.of(args[0]));
    System.out.println(System.getProperty(WekaHome.KEY));
  }
}
