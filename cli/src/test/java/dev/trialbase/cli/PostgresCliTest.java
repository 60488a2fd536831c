package dev.trialbase.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trialbase.store.Database;
import dev.trialbase.store.PostgresServer;
import dev.trialbase.store.RunDiff;
import dev.trialbase.store.StoreLocation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command line on a real PostgreSQL server ({@link PostgresServer}): the Titanic grid
 * prints the same as with an SQLite file, four processes share one database, a killed run
 * resumes there, credentials come from the URL, the environment or a pgpass file, and never
 * show in output, errors or what a run stores.
 */
class PostgresCliTest {

  @TempDir
  Path dir;

  @Test
  void theTitanicGridPrintsTheSameFromPostgresqlAsFromSqlite() {
    Path grid = CliRunner.EXAMPLES.resolve("titanic").resolve("grid.json");
    String sqlite = dir.resolve("titanic.db").toString();
    String pg = PostgresServer.newDatabaseUrl();
    for (String db : List.of(sqlite, pg)) {
      for (String seed : List.of("42", "7")) {
        CliRunner.Result run = CliRunner.run("run", grid.toString(), "--db", db, "--seed", seed,
            "--no-progress");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).doesNotContain(PostgresServer.PASSWORD);
      }
    }
    List<List<String>> commands = List.of(
        List.of("runs"),
        List.of("runs", "--format", "json"),
        List.of("trials", "1", "--where", "metrics.accuracy > 0.78 and params.penalty like 'L%'",
            "--sort", "accuracy", "--limit", "15"),
        List.of("trials", "2", "--where", "params.C in (0.1, 1) or params.solver = 'sag'",
            "--format", "csv", "--folds"),
        List.of("trials", "1", "--status", "failed", "--format", "json"),
        List.of("best", "1"),
        List.of("best", "2", "--metric", "roc_auc", "--format", "json"),
        List.of("compare", "1", "2"),
        List.of("export", "1", "--format", "csv"),
        List.of("export", "2", "--format", "json"),
        List.of("show", "1"));
    for (List<String> command : commands) {
      CliRunner.Result fromSqlite = query(command, sqlite);
      CliRunner.Result fromPg = query(command, pg);
      assertThat(fromSqlite.exitCode()).as(fromSqlite.err()).isZero();
      assertThat(fromPg.exitCode()).as(fromPg.err()).isZero();
      assertThat(untimed(fromPg.out())).as(String.join(" ", command))
          .isEqualTo(untimed(fromSqlite.out()));
      assertThat(fromPg.out() + fromPg.err()).doesNotContain(PostgresServer.PASSWORD);
    }
    // The commands that read a whole run work there too: reproduce (a new run, compared
    // value by value with the stored one) and the HTML report.
    CliRunner.Result reproduced = query(List.of("reproduce", "2", "--no-progress"), pg);
    assertThat(reproduced.exitCode()).as(reproduced.err()).isZero();
    assertThat(reproduced.out()).contains("identical: run 3 repeats run 2 exactly");
    for (String db : List.of(sqlite, pg)) {
      Path page = dir.resolve(db.equals(sqlite) ? "sqlite.html" : "pg.html");
      CliRunner.Result report = query(List.of("report", "1", "2", "--out", page.toString()), db);
      assertThat(report.exitCode()).as(report.err()).isZero();
      assertThat(report.out() + report.err()).doesNotContain(PostgresServer.PASSWORD);
    }
    assertThat(sizeOf(dir.resolve("pg.html"))).isCloseTo(sizeOf(dir.resolve("sqlite.html")),
        org.assertj.core.data.Percentage.withPercentage(1));
    assertNothingStoredHolds(pg, PostgresServer.PASSWORD);
  }

  private static long sizeOf(Path file) {
    try {
      return Files.size(file);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static CliRunner.Result query(List<String> command, String db) {
    List<String> args = new ArrayList<>(command);
    args.add("--db");
    args.add(db);
    return CliRunner.run(args.toArray(String[]::new));
  }

  /**
   * {@code out} without what differs between two runs of the same spec apart from results:
   * times of day and durations (the {@code seconds}, {@code duration_ms}, {@code started} and
   * {@code ended} columns of tables, CSV and JSON), and the spaces that align columns.
   */
  static String untimed(String out) {
    String text = out.replaceAll("\\d{4}-\\d\\d-\\d\\dT[0-9:.]+Z", "<time>")
        .replaceAll("(\"(?:duration_ms|seconds)\" : )[-0-9.eE]+", "$1<t>")
        .replaceAll("(?m)^(started|ended|seconds) .*$", "$1 <t>");
    StringBuilder result = new StringBuilder();
    List<Integer> timed = List.of();
    String separator = "\\s+";
    for (String line : text.split("\n", -1)) {
      boolean csv = line.contains(",") && !line.contains("  ");
      String[] cells = line.strip().split(csv ? CSV_COMMA : "\\s+", -1);
      List<Integer> found = new ArrayList<>();
      for (int i = 0; i < cells.length; i++) {
        if (List.of("seconds", "duration_ms", "started", "ended").contains(cells[i])) {
          found.add(i);
        }
      }
      if (!found.isEmpty() && cells.length > 2) { // a header row, not a "key value" line
        timed = found;
        separator = csv ? CSV_COMMA : "\\s+";
      } else if (line.isBlank()) {
        timed = List.of();
      } else {
        cells = line.strip().split(separator, -1);
        for (int i : timed) {
          if (i < cells.length) {
            cells[i] = "<t>";
          }
        }
      }
      result.append(String.join(" ", cells)).append('\n');
    }
    return result.toString();
  }

  /** A comma outside double quotes. */
  private static final String CSV_COMMA = ",(?=(?:[^\"]*\"[^\"]*\")*[^\"]*$)";

  @Test
  void fourProcessesWriteOnePostgresqlDatabaseWithoutLosingATrial() throws Exception {
    Path spec = TinyExperiment.cpuSpec(dir, "shared", 40);
    String db = PostgresServer.newDatabaseUrl();
    List<Process> children = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      children.add(ChildProcess.start(dir.resolve("writer" + i + ".log"), "run",
          spec.toString(), "--db", db, "--no-progress", "--plugins",
          TinyExperiment.TEST_PLUGINS.toString()));
    }
    for (int i = 0; i < 4; i++) {
      assertThat(children.get(i).waitFor(120, TimeUnit.SECONDS)).isTrue();
      String log = Files.readString(dir.resolve("writer" + i + ".log"));
      assertThat(children.get(i).exitValue()).as(log).isZero();
      assertThat(log).doesNotContain(PostgresServer.PASSWORD);
    }
    assertThat(count(db, "select count(*) from runs where status = 'complete'")).isEqualTo(4);
    assertThat(count(db, "select count(*) from trials")).isEqualTo(4 * 40);
    assertThat(count(db, "select count(*) from trial_metrics")).isEqualTo(4 * 40 * 6);
    Database database = Database.openReadOnly(StoreLocation.parse(db));
    for (long run = 2; run <= 4; run++) {
      assertThat(RunDiff.between(database, 1, run)).as("run " + run).isEmpty();
    }
  }

  @Test
  void aRunKilledMidwayInPostgresqlResumesToTheUninterruptedResult() throws Exception {
    Path spec = TinyExperiment.cpuSpec(dir, "shared", 150);
    String db = PostgresServer.newDatabaseUrl();
    Path log = dir.resolve("child.log");
    Process child = ChildProcess.start(log, "run", spec.toString(), "--db", db,
        "--no-progress", "--plugins", TinyExperiment.TEST_PLUGINS.toString());
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (countSoFar(db, "select count(*) from trials") < 20) {
      assertThat(child.isAlive()).as("ended before it could be killed: "
          + Files.readString(log)).isTrue();
      assertThat(System.nanoTime()).as("no trials within 60 s").isLessThan(deadline);
      Thread.sleep(20);
    }
    child.destroyForcibly(); // SIGKILL
    assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(count(db, "select count(*) from trials")).isBetween(20L, 149L);

    CliRunner.Result resumed = TinyExperiment.cli("resume", "1", "--db", db);
    assertThat(resumed.exitCode()).as(resumed.err()).isZero();
    assertThat(resumed.out()).contains("run 1 complete: 150 trials");
    assertThat(TinyExperiment.cli("run", spec.toString(), "--db", db).exitCode()).isZero();
    assertThat(RunDiff.between(Database.openReadOnly(StoreLocation.parse(db)), 1, 2)).isEmpty();
  }

  @Test
  void credentialsComeFromTheEnvironmentOrAPgpassFileAndAreNeverStored() throws Exception {
    String name = PostgresServer.newDatabase();
    String bare = PostgresServer.url(name);
    Path spec = TinyExperiment.write(dir.resolve("tiny"));
    Path fromEnv = dir.resolve("env.log");
    Process run = ChildProcess.start(fromEnv, List.of(),
        Map.of("PGUSER", PostgresServer.USER, "PGPASSWORD", PostgresServer.PASSWORD),
        "run", spec.toString(), "--db", bare, "--no-progress", "--plugins",
        TinyExperiment.TEST_PLUGINS.toString());
    assertThat(run.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(run.exitValue()).as(Files.readString(fromEnv)).isZero();

    Path pgpass = dir.resolve("pgpass");
    Files.writeString(pgpass, "localhost:" + PostgresServer.port() + ":" + name + ":"
        + PostgresServer.USER + ":" + PostgresServer.PASSWORD + "\n");
    Path fromFile = dir.resolve("pgpass.log");
    Process runs = ChildProcess.start(fromFile, List.of(),
        Map.of("PGUSER", PostgresServer.USER, "PGPASSFILE", pgpass.toString(),
            Main.DB_ENV, bare),
        "runs", "--format", "csv");
    assertThat(runs.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(runs.exitValue()).as(Files.readString(fromFile)).isZero();
    assertThat(Files.readString(fromFile)).contains(",complete,");

    for (Path log : List.of(fromEnv, fromFile)) {
      assertThat(Files.readString(log)).doesNotContain(PostgresServer.PASSWORD);
    }
    assertNothingStoredHolds(PostgresServer.urlWithCredentials(name), PostgresServer.PASSWORD);
  }

  @Test
  void anUnreachableServerBadCredentialsOrAMissingDatabaseGiveOneErrorLineAndExit4() {
    String name = PostgresServer.newDatabase();
    String secret = "Wr0ng-Secret-42";
    CliRunner.Result wrongPort = CliRunner.run("runs", "--db", "jdbc:postgresql://localhost:1/"
        + name + "?user=" + PostgresServer.USER + "&password=" + PostgresServer.PASSWORD);
    TinyExperiment.assertError(wrongPort, ExitCode.DATABASE,
        "postgresql://localhost:1/" + name + ": cannot connect to the PostgreSQL server");
    assertThat(wrongPort.err()).doesNotContain(PostgresServer.PASSWORD);

    Path spec = TinyExperiment.write(dir.resolve("tiny"));
    CliRunner.Result wrongPassword = TinyExperiment.cli("run", spec.toString(), "--db",
        PostgresServer.url(name) + "?user=" + PostgresServer.USER + "&password=" + secret,
        "--no-progress");
    TinyExperiment.assertError(wrongPassword, ExitCode.DATABASE,
        "the PostgreSQL server refused the credentials");
    assertThat(wrongPassword.err()).doesNotContain(secret).doesNotContain("password=");
    assertThat(wrongPassword.out()).doesNotContain(secret);

    CliRunner.Result missing = CliRunner.run("resume", "1", "--db",
        PostgresServer.urlWithCredentials("no_such_database"));
    TinyExperiment.assertError(missing, ExitCode.DATABASE, "the database does not exist");
    assertThat(missing.err()).doesNotContain(PostgresServer.PASSWORD);
  }

  /** Asserts that no text column of any table in database {@code url} contains {@code secret}. */
  private static void assertNothingStoredHolds(String url, String secret) {
    try (Handle h = Jdbi.create(url).open()) {
      List<String> columns = h.createQuery("""
              select table_name || '.' || column_name from information_schema.columns
               where table_schema = current_schema() and data_type in ('text',
                 'character varying')""")
          .mapTo(String.class).list();
      assertThat(columns).contains("runs.spec_json", "runs.spec_path");
      for (String column : columns) {
        String[] parts = column.split("\\.");
        assertThat(h.createQuery("select count(*) from " + parts[0] + " where " + parts[1]
                + " like :secret").bind("secret", "%" + secret + "%").mapTo(Long.class).one())
            .as(column).isZero();
      }
    }
  }

  private static long count(String url, String sql) {
    try (Handle h = Jdbi.create(url).open()) {
      return h.createQuery(sql).mapTo(Long.class).one();
    }
  }

  /** As {@link #count}, 0 while the writer has not created the schema yet. */
  private static long countSoFar(String url, String sql) {
    try {
      return count(url, sql);
    } catch (org.jdbi.v3.core.JdbiException e) {
      return 0;
    }
  }

}
