package dev.trialbase.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.trialbase.api.ParamSet;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The PostgreSQL store on a real server ({@link PostgresServer}): the same schema as an SQLite
 * file, migrations that several processes may start at once, doubles stored exactly, the same
 * rows read back as from SQLite, and one-line errors that never print the password.
 */
class PostgresStoreTest {

  @TempDir
  Path dir;

  private static Database openNew() {
    return Database.open(StoreLocation.parse(PostgresServer.newDatabaseUrl()));
  }

  @Test
  void aNewDatabaseGetsTheSqliteSchemaTablesColumnsAndViews() {
    Database pg = openNew();
    Database sqlite = Database.open(dir.resolve("schema.db"));
    assertThat(pg.schemaVersion()).isEqualTo(SchemaVersion.newestKnown())
        .isEqualTo(PostgresMigrations.newestKnown());
    Map<String, List<String>> sqliteColumns = new LinkedHashMap<>();
    try (Handle h = sqlite.jdbi().open()) {
      for (String table : h.createQuery("select name from sqlite_master "
          + "where type in ('table', 'view') order by name").mapTo(String.class).list()) {
        sqliteColumns.put(table, h.createQuery("select name from pragma_table_info(:t) order by cid")
            .bind("t", table).mapTo(String.class).list());
      }
    }
    Map<String, List<String>> pgColumns = new LinkedHashMap<>();
    try (Handle h = pg.jdbi().open()) {
      h.createQuery("select table_name, column_name from information_schema.columns "
              + "where table_schema = current_schema() order by table_name collate \"C\", "
              + "ordinal_position")
          .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getString(2)))
          .forEach(e -> pgColumns.computeIfAbsent(e.getKey(), k -> new ArrayList<>())
              .add(e.getValue()));
    }
    assertThat(pgColumns).isEqualTo(sqliteColumns);
    assertThat(pgColumns).containsKeys("fold_metrics", "trial_summary", "run_summary");
  }

  @Test
  void concurrentFirstOpensCreateTheSchemaOnce() throws Exception {
    String url = PostgresServer.newDatabaseUrl();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<Database>> opens = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        opens.add(pool.submit(() -> Database.open(StoreLocation.parse(url))));
      }
      for (Future<Database> open : opens) {
        assertThat(open.get().schemaVersion()).isEqualTo(PostgresMigrations.newestKnown());
      }
    } finally {
      pool.shutdown();
    }
    try (Handle h = Database.open(StoreLocation.parse(url)).jdbi().open()) {
      assertThat(h.createQuery("select count(*) from flyway_schema_history")
          .mapTo(Integer.class).one())
          .isEqualTo(MigrationScripts.allIn(MigrationScripts.POSTGRESQL_LOCATION).size());
    }
  }

  @Test
  void aDatabaseWrittenByANewerTrialbaseIsRefusedAndLeftAlone() {
    Database db = openNew();
    try (Handle h = db.jdbi().open()) {
      h.execute("insert into flyway_schema_history (installed_rank, version, description, type,"
          + " script, installed_by, execution_time, success) values (99, '99', 'future', 'SQL',"
          + " 'V99__future.sql', 'x', 0, true)");
    }
    assertThatThrownBy(() -> Database.open(db.location()))
        .isInstanceOf(StoreException.class)
        .hasMessage(db.location() + ": was written by a newer Trialbase (schema version 99; "
            + "this one knows up to " + PostgresMigrations.newestKnown() + "); upgrade Trialbase");
    assertThatThrownBy(() -> Database.openReadOnly(db.location()))
        .hasMessageContaining("newer Trialbase");
  }

  @Test
  void aDatabaseWithOtherTablesIsNotTouched() {
    String name = PostgresServer.newDatabase();
    StoreLocation location = StoreLocation.parse(PostgresServer.urlWithCredentials(name));
    Database.open(location); // creates the schema
    String other = PostgresServer.newDatabase();
    StoreLocation foreign = StoreLocation.parse(PostgresServer.urlWithCredentials(other));
    try (Handle h = org.jdbi.v3.core.Jdbi.create(PostgresServer.urlWithCredentials(other))
        .open()) {
      h.execute("create table customers (id integer)");
    }
    assertThatThrownBy(() -> Database.open(foreign))
        .hasMessage(foreign + ": holds tables but no Trialbase schema version; give Trialbase "
            + "a database (or schema) of its own");
    assertThatThrownBy(() -> Database.openReadOnly(StoreLocation.parse(
        PostgresServer.newDatabaseUrl())))
        .hasMessageContaining("has no Trialbase runs yet");
  }

  @Test
  void doublesRoundTripExactly() {
    double[] hard = {0.1, 1.0 / 3, Math.nextUp(0.1), Math.nextDown(1.0), Double.MIN_VALUE,
        Double.MAX_VALUE, -1e-300, 123456789.12345679, 2.2250738585072014E-308, 0.0};
    Database db = openNew();
    long run;
    try (RunRecorder recorder = new RunRecorder(db)) {
      run = recorder.beginRun(StoreTestData.newRun("doubles"));
      Map<String, Object> params = new LinkedHashMap<>();
      params.put("x", hard[2]);
      params.put("big", Long.MAX_VALUE);
      recorder.recordTrial(run, StoreTestData.complete(0, ParamSet.of(params),
          List.of("accuracy"), new double[][] {hard}, hard[1]));
      recorder.finishRun(run, RunStatus.COMPLETE, 0L, Map.of("accuracy", hard[3]), null);
    }
    Database reader = Database.openReadOnly(db.location());
    RunQueries queries = new RunQueries(reader);
    TrialView trial = queries.trials(run).get(0);
    assertThat(trial.objective()).isEqualTo(hard[1]);
    assertThat(trial.params().asMap()).containsEntry("x", hard[2])
        .containsEntry("big", Long.MAX_VALUE);
    List<Double> folds = queries.foldMetrics(run, 0).get("accuracy");
    for (int k = 0; k < hard.length; k++) {
      assertThat(Double.doubleToRawLongBits(folds.get(k)))
          .as("fold %d", k).isEqualTo(Double.doubleToRawLongBits(hard[k]));
    }
    assertThat(queries.testMetrics(run)).containsEntry("accuracy", hard[3]);
    try (Handle h = reader.jdbi().open()) {
      // The view parses the stored JSON text on the server: the same doubles come back.
      List<Double> viewed = h.createQuery("select value from fold_metrics where run_id = :run "
              + "order by fold").bind("run", run).mapTo(Double.class).list();
      assertThat(viewed).containsExactlyElementsOf(folds);
      assertThat(h.createQuery("select mean from trial_metrics").mapTo(Double.class).one())
          .isEqualTo(trial.means().get("accuracy"));
    }
  }

  @Test
  void readsGiveTheSameRowsAsSqliteForTheSameTrials() {
    Database sqlite = Database.open(dir.resolve("same.db"));
    Database pg = openNew();
    for (Database db : List.of(sqlite, pg)) {
      try (RunRecorder recorder = new RunRecorder(db)) {
        long run = recorder.beginRun(StoreTestData.newRun("same"));
        List<TrialRecord> trials = new ArrayList<>();
        for (int n = 0; n < 150; n++) {
          double a = (n * 37 % 101) / 101.0;
          trials.add(n % 17 == 3 ? StoreTestData.failed(n, StoreTestData.mixedParams())
              : StoreTestData.complete(n, StoreTestData.mixedParams(),
                  List.of("accuracy", "roc_auc"),
                  new double[][] {{a, a / 2, a / 3}, {1 - a, Double.NaN, 0.5}}, a / 2));
        }
        recorder.recordTrials(run, trials);
        recorder.finishRun(run, RunStatus.COMPLETE, 1L, Map.of("accuracy", 0.75), null);
      }
    }
    RunQueries left = new RunQueries(Database.openReadOnly(dir.resolve("same.db")));
    RunQueries right = new RunQueries(Database.openReadOnly(pg.location()));
    assertThat(untimed(right.runs())).isEqualTo(untimed(left.runs()));
    assertThat(untimed(right.run(1).orElseThrow())).isEqualTo(untimed(left.run(1).orElseThrow()));
    assertThat(right.trials(1)).isEqualTo(left.trials(1));
    assertThat(right.trials(1, List.of(9L, 3L, 120L))).isEqualTo(left.trials(1, List.of(9L, 3L, 120L)));
    assertThat(right.foldMetrics(1, null)).isEqualTo(left.foldMetrics(1, null));
    assertThat(right.statusCounts(1)).isEqualTo(left.statusCounts(1));
    assertThat(right.testMetrics(1)).isEqualTo(left.testMetrics(1));
    assertThat(rows(pg)).isEqualTo(rows(sqlite)).hasSize(150);
  }

  /** {@code value}'s text without the times at which the runs ended and last beat. */
  private static String untimed(Object value) {
    return value.toString().replaceAll("(endedAt|heartbeatAt)=[^,\\]]*", "$1=?");
  }

  /** Every trial through a ranked {@link TrialCursor}: values, folds and ranks. */
  private static List<TrialCursor.Row> rows(Database db) {
    List<TrialCursor.Row> rows = new ArrayList<>();
    try (TrialCursor cursor = TrialCursor.ranked(db, 1, m -> !m.equals("roc_auc"))) {
      cursor.forEachRemaining(rows::add);
    }
    return rows;
  }

  @Test
  void ofTwoMachinesTakingOverAStoppedRunOneGetsIt() {
    Database db = openNew();
    long runId;
    try (RunRecorder first = new RunRecorder(db)) {
      runId = first.beginRun(StoreTestData.newRun("owned"));
      first.finishRun(runId, RunStatus.INTERRUPTED, null, Map.of(), "stopped");
    }
    try (RunRecorder winner = new RunRecorder(db);
        RunRecorder loser = new RunRecorder(Database.open(db.location()))) {
      winner.reopenRun(runId, 4242, "host-a");
      assertThatThrownBy(() -> loser.reopenRun(runId, 777, "host-b"))
          .isInstanceOf(RunOwnedException.class)
          .hasMessageContaining("run " + runId + " is being run by process 4242 on host-a");
    }
  }

  @Test
  void aRunOnAnotherHostIsTakenForDeadOnlyOnceItsHeartbeatIsStale() {
    Database db = openNew();
    long runId;
    try (RunRecorder recorder = new RunRecorder(db)) {
      runId = recorder.beginRun(StoreTestData.newRun("elsewhere"));
    }
    // As another machine's live run looks: a recent heartbeat, a pid this host cannot check.
    try (Handle h = db.jdbi().open()) {
      h.execute("update runs set host = 'another-machine', pid = 1, heartbeat_at = ?",
          java.time.Instant.now().toString());
    }
    Database.open(db.location());
    assertThat(status(db, runId)).isEqualTo("running");
    try (Handle h = db.jdbi().open()) {
      h.execute("update runs set heartbeat_at = ?",
          java.time.Instant.now().minus(Liveness.STALE).minusSeconds(5).toString());
    }
    Database.open(db.location());
    assertThat(status(db, runId)).isEqualTo("interrupted");
  }

  private static String status(Database db, long runId) {
    try (Handle h = db.jdbi().open()) {
      return h.createQuery("select status from runs where id = :id").bind("id", runId)
          .mapTo(String.class).one();
    }
  }

  @Test
  void unreachableServerBadPasswordAndMissingDatabaseGiveOneLineWithoutThePassword() {
    String db = PostgresServer.newDatabase();
    String wrongPort = "jdbc:postgresql://localhost:1/" + db + "?user=" + PostgresServer.USER
        + "&password=" + PostgresServer.PASSWORD;
    assertThatThrownBy(() -> Database.open(StoreLocation.parse(wrongPort)))
        .isInstanceOf(StoreException.class)
        .hasMessageStartingWith("postgresql://localhost:1/" + db + ": cannot connect to the "
            + "PostgreSQL server")
        .message().doesNotContain(PostgresServer.PASSWORD).doesNotContain("\n");
    String secret = "Wr0ng-Secret-42";
    String wrongPassword = PostgresServer.url(db) + "?user=" + PostgresServer.USER
        + "&password=" + secret;
    assertThatThrownBy(() -> Database.open(StoreLocation.parse(wrongPassword)))
        .hasMessageStartingWith("postgresql://localhost:" + PostgresServer.port() + "/" + db
            + ": the PostgreSQL server refused the credentials")
        .message().doesNotContain(secret).doesNotContain("password=").doesNotContain("\n");
    String missing = PostgresServer.urlWithCredentials("no_such_db");
    assertThatThrownBy(() -> Database.openReadOnly(StoreLocation.parse(missing)))
        .hasMessageContaining("no_such_db: the database does not exist")
        .message().doesNotContain(PostgresServer.PASSWORD);
  }

  @Test
  void locationsPrintWithoutCredentials() {
    StoreLocation pg = StoreLocation.parse(
        "jdbc:postgresql://db.example:5432/trialbase?user=ann&password=s3cret&ssl=true");
    assertThat(pg.isPostgres()).isTrue();
    assertThat(pg).hasToString("postgresql://db.example:5432/trialbase");
    assertThat(StoreLocation.parse("jdbc:postgresql://ann:s3cret@db.example/tb"))
        .hasToString("postgresql://db.example/tb");
    assertThat(StoreLocation.parse("runs.db").isPostgres()).isFalse();
    assertThat(StoreLocation.parse("runs.db").file()).isEqualTo(Path.of("runs.db"));
    assertThatThrownBy(() -> StoreLocation.parse("jdbc:mysql://h/db?password=x"))
        .hasMessageStartingWith("jdbc:mysql:...: Trialbase stores runs in an SQLite file or a "
            + "PostgreSQL database");
    assertThatThrownBy(() -> StoreLocation.parse("postgresql://ann:s3cret@h/db?password=x"))
        .hasMessage("postgresql://h/db: give a PostgreSQL database as a JDBC URL, "
            + "jdbc:postgresql://host:5432/dbname");
  }
}
