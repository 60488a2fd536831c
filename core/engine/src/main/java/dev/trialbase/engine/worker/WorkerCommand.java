package dev.trialbase.engine.worker;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The command line of a worker JVM: this JVM's java, class path and options (heap size,
 * compiler, class-data archive, system properties such as the plugin and native-library
 * paths), so a worker runs the same code the same way, minus options that only make sense once
 * per machine (writing a class-data archive or class list, a debugger's port). The class path
 * goes in the {@code CLASSPATH} variable rather than on the command line, which it would make
 * thousands of characters long: {@code ps} stays readable, and tools that read a process's
 * command line (Java's {@code ProcessHandle.Info} reads at most one page of it) see it whole.
 */
final class WorkerCommand {

  private static final List<String> ONCE_ONLY = List.of("-XX:ArchiveClassesAtExit",
      "-XX:DumpLoadedClassList", "-agentlib:jdwp", "-Xrunjdwp", "-XX:+AutoCreateSharedArchive");

  private WorkerCommand() {
  }

  /** The worker's command line; start it with {@link #environment} added to its own. */
  static List<String> current() {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    for (String option : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
      if (ONCE_ONLY.stream().noneMatch(option::startsWith)) {
        command.add(option);
      }
    }
    command.add(WorkerMain.class.getName());
    return command;
  }

  /** What the worker's environment must hold: this JVM's class path. */
  static Map<String, String> environment() {
    return Map.of("CLASSPATH", System.getProperty("java.class.path"));
  }
}
