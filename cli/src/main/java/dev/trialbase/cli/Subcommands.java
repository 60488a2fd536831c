package dev.trialbase.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import picocli.CommandLine;

/**
 * The subcommands of {@code trialbase}, added to the command line only as needed: picocli
 * builds a command's model by reflection when it is added, which for all thirteen cost more than
 * a query itself. A command line that names a subcommand gets only that one; anything else
 * (no subcommand, {@code help}, {@code --help}, a misspelt name) gets all of them, so usage,
 * help and suggestions stay complete.
 */
final class Subcommands {

  /** Each subcommand by name, in the order usage lists them. */
  private static final Map<String, Supplier<Object>> ALL = new LinkedHashMap<>();

  static {
    ALL.put("run", RunCommand::new);
    ALL.put("resume", ResumeCommand::new);
    ALL.put("reproduce", ReproduceCommand::new);
    ALL.put("plugins", PluginsCommand::new);
    ALL.put("params", ParamsCommand::new);
    ALL.put("runs", RunsCommand::new);
    ALL.put("show", ShowCommand::new);
    ALL.put("trials", TrialsCommand::new);
    ALL.put("best", BestCommand::new);
    ALL.put("compare", CompareCommand::new);
    ALL.put("export", ExportCommand::new);
    ALL.put("report", ReportCommand::new);
    ALL.put("help", CommandLine.HelpCommand::new);
  }

  /** The subcommands that only read a database (and load no plugin). */
  private static final Set<String> READING = Set.of("runs", "show", "trials", "best", "compare",
      "export", "report");

  /** Options of {@code trialbase} itself that take a value, which is not a subcommand name. */
  private static final Set<String> OPTIONS_WITH_VALUES = Set.of("--db", "--plugins");

  private Subcommands() {
  }

  /** Every subcommand name, in usage order. */
  static Set<String> names() {
    return ALL.keySet();
  }

  /** Adds to {@code cli} what {@code args} need: the subcommand they name, else all. */
  static void addTo(CommandLine cli, String[] args) {
    String named = named(args);
    if (named != null && !named.equals("help")) {
      cli.addSubcommand(named, ALL.get(named).get());
      return;
    }
    ALL.forEach((name, command) -> cli.addSubcommand(name, command.get()));
  }

  /** Whether {@code args} name a subcommand that only reads a database. */
  static boolean reads(String[] args) {
    String named = named(args);
    return named != null && READING.contains(named);
  }

  /** The subcommand {@code args} name before any other word, or {@code null}. */
  static String named(String[] args) {
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      if (OPTIONS_WITH_VALUES.contains(arg)) {
        i++;
      } else if (arg.equals("--")) {
        return null;
      } else if (!arg.startsWith("-")) {
        return ALL.containsKey(arg) ? arg : null;
      }
    }
    return null;
  }
}
