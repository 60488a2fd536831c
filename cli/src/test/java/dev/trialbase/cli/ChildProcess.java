package dev.trialbase.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Starts the real CLI in a separate JVM, as a user's shell would, for crash and concurrency tests. */
final class ChildProcess {

  private ChildProcess() {
  }

  static Process start(Path log, String... args) throws IOException {
    return start(log, List.of(), args);
  }

  /** The CLI with {@code jvmOptions} (such as {@code -Xmx32m}) before its class name. */
  static Process start(Path log, List<String> jvmOptions, String... args) throws IOException {
    return start(log, jvmOptions, java.util.Map.of(), args);
  }

  /** The CLI with {@code env} added to this process's environment. */
  static Process start(Path log, List<String> jvmOptions, java.util.Map<String, String> env,
      String... args) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvmOptions);
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add("-D" + Main.BUILTIN_PLUGINS_PROPERTY + "="
        + System.getProperty(Main.BUILTIN_PLUGINS_PROPERTY));
    command.add("-DWEKA_HOME=" + System.getProperty("WEKA_HOME"));
    command.add("-Dcom.github.fommil.netlib.ARPACK=com.github.fommil.netlib.F2jARPACK");
    command.add(Main.class.getName());
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(log.toFile());
    builder.environment().putAll(env);
    return builder.start();
  }
}
