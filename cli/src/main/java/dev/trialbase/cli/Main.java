package dev.trialbase.cli;

import dev.trialbase.plugin.PluginRegistry;
import dev.trialbase.store.StoreLocation;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * The {@code trialbase} command and the options every subcommand shares. Its subcommands are
 * added per command line by {@link Subcommands}, so start-up builds only the one invoked.
 */
@Command(name = "trialbase", mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    description = "Hyperparameter search with cross-validation, every trial kept in SQLite or "
        + "PostgreSQL.",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
        "0:success",
        "1:the run was stored but failed",
        "2:wrong usage",
        "3:the spec or data cannot be used (nothing stored)",
        "4:the database cannot be opened, read or written",
        "5:a plugin is missing or broken",
        "6:no such run",
        "7:reproduce: the repeated run differs from the original",
        "8:report: the output file cannot be written",
        "9:out of memory before anything was stored (give the JVM more with -Xmx)",
        "10:resume: another live process runs the run (it is left as it was)",
        "11:--executor: the executor cannot be used (module missing, master wrong or "
            + "unreachable, no executor in time); nothing stored",
        "70:internal error (rerun with --debug)",
        "130:stopped by Ctrl-C (143: by SIGTERM); the run is stored as interrupted"})
public final class Main {

  /** Environment variable naming the database when --db is not given. */
  static final String DB_ENV = "TRIALBASE_DB";
  /** Environment variable naming the user plugins directory when --plugins is not given. */
  static final String PLUGINS_ENV = "TRIALBASE_PLUGINS";
  /** System property naming the build's own plugin directory; set by the launcher. */
  static final String BUILTIN_PLUGINS_PROPERTY = "trialbase.builtin.plugins";

  @Option(names = "--db", scope = ScopeType.INHERIT, paramLabel = "FILE|URL",
      description = "Experiment database: an SQLite file, or a PostgreSQL JDBC URL "
          + "jdbc:postgresql://host:5432/dbname (credentials in the URL, PGUSER/PGPASSWORD or "
          + "~/.pgpass) (default: $" + DB_ENV + ", else ./trialbase.db).")
  String db;

  @Option(names = "--plugins", scope = ScopeType.INHERIT, paramLabel = "DIR",
      description = "User plugins directory (default: $" + PLUGINS_ENV
          + ", else ~/.trialbase/plugins). The build's own plugins are always loaded too.")
  Path plugins;

  @Option(names = "--debug", scope = ScopeType.INHERIT,
      description = "Print stack traces with errors.")
  boolean debug;

  public static void main(String[] args) {
    StartupWarmer.start(args);
    System.exit(execute(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
  }

  /** Runs the command line {@code args} writing to {@code out} and {@code err}; for tests too. */
  public static int execute(String[] args, PrintWriter out, PrintWriter err) {
    Main main = new Main();
    CommandLine cli = commandLine(main, args);
    cli.setOut(out);
    cli.setErr(err);
    cli.setExecutionExceptionHandler(new Errors(main));
    cli.setParameterExceptionHandler(Errors::usage);
    try {
      return cli.execute(args);
    } catch (OutOfMemoryError e) {
      // picocli hands Errors on. A trial's own OutOfMemoryError never gets here (it fails
      // that trial), and a run already stored is marked failed by the engine first; this is
      // reading data or preparing a run too large for the heap, before anything is stored.
      err.println("error: out of memory (the JVM may use at most "
          + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MB): give it more, for example "
          + "TRIALBASE_JAVA_OPTS=-Xmx8g ./trialbase " + String.join(" ", args).strip());
      err.flush();
      return ExitCode.OUT_OF_MEMORY;
    }
  }

  /** The command line for {@code args}: {@code main} with the subcommands they need. */
  static CommandLine commandLine(Main main, String[] args) {
    CommandLine cli = new CommandLine(main);
    Subcommands.addTo(cli, args);
    cli.setCaseInsensitiveEnumValuesAllowed(true); // --isolation process, as help writes it
    return cli;
  }

  /**
   * The database to use: an SQLite file or a PostgreSQL URL. Print it as it is: its
   * {@code toString()} has no credentials.
   */
  StoreLocation database() {
    if (db != null) {
      return StoreLocation.parse(db);
    }
    String env = System.getenv(DB_ENV);
    return StoreLocation.parse(env != null && !env.isBlank() ? env : "trialbase.db");
  }

  /**
   * The plugins of {@link #pluginRoots()}, with a misnamed plugins directory and every refused
   * plugin printed to {@code err} as {@code warning:} lines: a refused plugin is a warning, the
   * others load and are usable.
   */
  PluginRegistry loadPlugins(PrintWriter err) {
    userPluginsWarning().ifPresent(w -> err.println("warning: " + w));
    PluginRegistry registry = PluginRegistry.load(pluginRoots());
    registry.problems().forEach(p -> err.println("warning: " + p));
    err.flush();
    return registry;
  }

  /** The build's plugin directory (when known), then the user's. */
  List<Path> pluginRoots() {
    List<Path> roots = new ArrayList<>();
    String builtin = System.getProperty(BUILTIN_PLUGINS_PROPERTY);
    if (builtin != null && !builtin.isBlank()) {
      roots.add(Path.of(builtin));
    }
    roots.add(userPluginsDirectory());
    return roots;
  }

  /**
   * A warning when the user plugins directory was named (by {@code --plugins} or
   * {@code $TRIALBASE_PLUGINS}) but is not a directory: a typo would otherwise load nothing
   * from it silently. The default {@code ~/.trialbase/plugins} may well not exist: no warning.
   */
  java.util.Optional<String> userPluginsWarning() {
    String env = System.getenv(PLUGINS_ENV);
    boolean named = plugins != null || (env != null && !env.isBlank());
    Path dir = userPluginsDirectory();
    if (!named || java.nio.file.Files.isDirectory(dir)) {
      return java.util.Optional.empty();
    }
    String source = plugins != null ? "--plugins" : "$" + PLUGINS_ENV;
    return java.util.Optional.of("plugins directory " + dir + " (" + source + ") "
        + (java.nio.file.Files.exists(dir) ? "is not a directory" : "does not exist")
        + "; loading only the build's own plugins");
  }

  Path userPluginsDirectory() {
    if (plugins != null) {
      return plugins;
    }
    String env = System.getenv(PLUGINS_ENV);
    if (env != null && !env.isBlank()) {
      return Path.of(env);
    }
    return Path.of(System.getProperty("user.home"), ".trialbase", "plugins");
  }

  /** Prints this build's version and the version of the plugin API it implements. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {"trialbase " + dev.trialbase.engine.BuildVersion.current()
          + " (plugin API " + dev.trialbase.api.ApiVersion.current() + ")"};
    }
  }
}
