package dev.trialbase.engine.worker;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The command line of a worker JVM: this JVM's java, class path and options (heap size,
 * compiler, class-data archive, system properties such as the plugin and native-library
 * paths), so a worker runs the same code the same way, minus options that only make sense once
 * per machine (writing a class-data archive or class list, a debugger's port).
 */
final class WorkerCommand {

  private static final List<String> ONCE_ONLY = List.of("-XX:ArchiveClassesAtExit",
      "-XX:DumpLoadedClassList", "-agentlib:jdwp", "-Xrunjdwp", "-XX:+AutoCreateSharedArchive");

  private WorkerCommand() {
  }

  static List<String> current() {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    for (String option : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
      if (ONCE_ONLY.stream().noneMatch(option::startsWith)) {
        command.add(option);
      }
    }
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(WorkerMain.class.getName());
    return command;
  }
}
