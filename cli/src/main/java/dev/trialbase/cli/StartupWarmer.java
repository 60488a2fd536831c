package dev.trialbase.cli;


/**
 * Start-up of a command that reads a database, on the second core: while the main thread
 * parses the command line, a daemon thread initialises the classes the query is about to need
 * (JDBI and its Flight Recorder event first, then SQLite's native library, then JDBI's SQL
 * parser and mappers through statements on an in-memory database of its own). Class
 * initialisation is thread-safe, so the main thread either finds them ready or waits for the
 * same work; nothing is done twice, and a failure here only means the main thread does the
 * work itself.
 */
final class StartupWarmer {

  private StartupWarmer() {
  }

  /** Starts the warm-up when {@code args} name a command that reads a database. */
  static void start(String[] args) {
    if (!Subcommands.reads(args)) {
      return;
    }
    Thread warmer = new Thread(StartupWarmer::warm, "trialbase-warm-up");
    warmer.setDaemon(true);
    warmer.start();
  }

  private static void warm() {
    try {
      // JDBI first, the longest part, which the main thread needs last; meanwhile the main
      // thread parses the command line and may load SQLite itself to look at the database.
      Class.forName("org.jdbi.v3.core.statement.internal.JfrSupport", true,
          StartupWarmer.class.getClassLoader());
      org.jdbi.v3.core.Jdbi jdbi = org.jdbi.v3.core.Jdbi.create("jdbc:sqlite::memory:");
      Class.forName("org.sqlite.JDBC", true, StartupWarmer.class.getClassLoader());
      org.sqlite.SQLiteJDBCLoader.initialize();
      // Statements on a throw-away in-memory database, in the shapes the query commands use:
      // text and whole-number arguments, a row mapper with findOne, a column mapped to Long, a
      // list bound as (...), maps of a row. JDBI's SQL parser, argument and mapper factories
      // are then ready for the query's own statements.
      jdbi.withHandle(h -> {
        h.createQuery("select :x as x, :n as n").bind("x", "1").bind("n", 1L)
            .map((rs, ctx) -> rs.getString(1)).findOne();
        h.createQuery("select 1 where 1 in (<ns>)").bindList("ns", java.util.List.of(1L))
            .mapTo(Long.class).list();
        return h.createQuery("select :x as x").bind("x", 1.5).mapToMap().list();
      });
    } catch (Throwable ignored) {
      // The main thread meets the same problem, if any, and reports it.
    }
  }
}
