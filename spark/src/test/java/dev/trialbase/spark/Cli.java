package dev.trialbase.spark;

import dev.trialbase.cli.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** The real command line, in-process, and what it stored, read back with plain JDBC. */
final class Cli {

  /** The repository root, given by the pom. */
  static final Path ROOT = Path.of(System.getProperty("trialbase.root", "..")).toAbsolutePath()
      .normalize();
  static final Path TITANIC_RANDOM = ROOT.resolve("examples/titanic/random.json");
  /** The test estimators (noop, cpu, faulty), staged by the build. */
  static final Path TEST_PLUGINS = Path.of(System.getProperty("trialbase.test.plugins",
      ROOT.resolve("target/test-plugins").toString()));

  record Result(int exitCode, String out, String err) {
  }

  private Cli() {
  }

  static Result run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
    return new Result(code, out.toString(), err.toString());
  }

  /** The first column of {@code sql}'s first row (0 when there is no row). */
  static long count(Path db, String sql) throws SQLException {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      return rs.next() ? rs.getLong(1) : 0;
    }
  }

  /** "number status error_class error_message" of run {@code run}'s trials, in number order. */
  static List<String> trials(Path db, long run) throws SQLException {
    List<String> out = new ArrayList<>();
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("select number, status, error_class, error_message "
            + "from trials where run_id = " + run + " order by number")) {
      while (rs.next()) {
        out.add(rs.getLong(1) + " " + rs.getString(2) + " " + rs.getString(3) + " "
            + rs.getString(4));
      }
    }
    return out;
  }
}
