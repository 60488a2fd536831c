package dev.trialbase.bench;

import java.util.ArrayList;
import java.util.List;

/** How a benchmark starts the CLI as a whole process: the real launcher, or plain java. */
interface Launch {

  /** The command line running {@code trialbase ARGS}. */
  List<String> command(List<String> args);

  /** What the report calls it. */
  String label();

  /** {@code ./trialbase ARGS}: the launcher users run, with its class-data archive. */
  static Launch launcher() {
    return new Launch() {
      @Override
      public List<String> command(List<String> args) {
        List<String> command = new ArrayList<>();
        command.add(Env.launcher().toString());
        command.addAll(args);
        return command;
      }

      @Override
      public String label() {
        return "`./trialbase`";
      }
    };
  }

  /** {@code java -cp <this class path> dev.trialbase.cli.Main ARGS}: no launcher, no archive. */
  static Launch plainJava() {
    return new Launch() {
      @Override
      public List<String> command(List<String> args) {
        return Env.javaCommand(List.of(), "dev.trialbase.cli.Main", args);
      }

      @Override
      public String label() {
        return "`java -cp ... Main`";
      }
    };
  }
}
