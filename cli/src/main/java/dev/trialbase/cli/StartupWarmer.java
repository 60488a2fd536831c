package dev.trialbase.cli;


/**
 * Start-up of a command that reads a database, on the second core: while the main thread
 * parses the command line, a daemon thread loads SQLite's native library and runs one plain
 * JDBC query on an in-memory database of its own, so that the driver's classes and the
 * statement path the query commands read through are ready. Class initialisation is
 * thread-safe, so the main thread either finds them ready or waits for the same work; nothing
 * is done twice, and a failure here only means the main thread does the work itself.
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
    try (java.sql.Connection c = new org.sqlite.SQLiteDataSource().getConnection();
        java.sql.PreparedStatement s = c.prepareStatement("select ? as x, ? as n")) {
      // The shapes the query commands bind and read: text, whole numbers, nullable reals.
      s.setObject(1, "1");
      s.setObject(2, 1L);
      try (java.sql.ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          rs.getString("x");
          rs.getLong("n");
          rs.getDouble("x");
          rs.wasNull();
        }
      }
    } catch (Throwable ignored) {
      // The main thread meets the same problem, if any, and reports it.
    }
  }
}
