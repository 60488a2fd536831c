package dev.trialbase.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatabaseTest {

  @TempDir
  Path dir;

  @Test
  void openCreatesTheFileWithEveryTableAndView() {
    Path file = dir.resolve("trialbase.db");
    Database db = Database.open(file);
    assertThat(Files.isRegularFile(file)).isTrue();
    assertThat(db.file()).isEqualTo(file);
    try (Handle h = db.jdbi().open()) {
      assertThat(h.createQuery("select name from sqlite_master where type = 'table'")
          .mapTo(String.class).list())
          .contains("experiments", "runs", "trials", "params", "trial_metrics", "test_metrics")
          .doesNotContain("fold_metrics");
      assertThat(h.createQuery("select name from sqlite_master where type = 'view'")
          .mapTo(String.class).list())
          .containsExactlyInAnyOrder("trial_summary", "run_summary", "fold_metrics");
    }
  }

  @Test
  void aDatabaseFromAnOlderVersionIsMigratedOnOpenAndKeepsItsRows() {
    Path file = dir.resolve("old.db");
    // What Trialbase 0.1.0 before V2 made: the V1 schema only, with a stored parameter.
    org.sqlite.SQLiteDataSource source = OlderDatabases.flyway(file, 1);
    try (Handle h = org.jdbi.v3.core.Jdbi.create(source).open()) {
      OlderDatabases.insertRun(h, 1);
      h.execute("insert into trials (run_id, number, status, started_at) values (1, 0, "
          + "'complete', 'x')");
      h.execute("insert into params values (1, 0, 'n', 0, 'int', '9007199254740993', "
          + "9007199254740993)");
    }

    Database db = Database.open(file);

    try (Handle h = db.jdbi().open()) {
      assertThat(h.createQuery("select max(cast(version as integer)) from flyway_schema_history")
          .mapTo(Integer.class).one()).isEqualTo(Database.newestKnownVersion());
      assertThat(h.createQuery("pragma user_version").mapTo(Integer.class).one())
          .isEqualTo(Database.newestKnownVersion());
      // V2's view reads the big integer exactly; the row survived the migration.
      assertThat(h.createQuery("select params from trial_summary where run_id = 1")
          .mapTo(String.class).one()).isEqualTo("{\"n\":9007199254740993}");
    }
  }

  /** A V2 database as Trialbase 0.1.0 left it: one two-class run, labels not recorded. */
  private Path versionTwoDatabase() {
    Path file = dir.resolve("v2.db");
    org.sqlite.SQLiteDataSource source = OlderDatabases.flyway(file, 2);
    try (Handle h = org.jdbi.v3.core.Jdbi.create(source).open()) {
      h.execute("insert into experiments (id, name, created_at) values (1, 'old', 'x')");
      h.execute("""
          insert into runs (id, experiment_id, status, strategy, estimator, seed, folds,
            objective, maximize, spec_json, train_path, train_sha256, plugins_json,
            trialbase_version, jvm, os, started_at)
          values (1, 1, 'complete', 'grid', 'noop', 7, 5, 'accuracy', 1, '{}', 't', 's', '[]',
            '0.1.0', 'j', 'o', 'x')""");
      h.execute("insert into trials (run_id, number, status, started_at) values (1, 0, "
          + "'complete', 'x')");
      h.execute("insert into fold_metrics values (1, 0, 'accuracy', 0, 0.75)");
      h.execute("insert into fold_metrics values (1, 0, 'accuracy', 1, 0.5)");
      h.execute("insert into trial_metrics values (1, 0, 'accuracy', 0.625, 0.17)");
    }
    return file;
  }

  @Test
  void aVersionTwoDatabaseAnswersFoldQueriesReadOnlyWithoutMigrating() {
    Path file = versionTwoDatabase();
    RunQueries readOnly = new RunQueries(Database.openReadOnly(file));
    assertThat(readOnly.foldMetrics(1, 0L)).containsEntry("accuracy", List.of(0.75, 0.5));
    assertThat(readOnly.foldMetrics(1, null).get(0L)).containsEntry("accuracy",
        List.of(0.75, 0.5));
    assertThat(Database.openReadOnly(file).schemaVersion()).isEqualTo(2);
  }

  @Test
  void aVersionTwoDatabaseIsReadAsClassificationWithoutMigratingAndMigratesOnWrite() {
    Path file = versionTwoDatabase();
    RunDetail before = new RunQueries(Database.openReadOnly(file)).run(1).orElseThrow();
    assertThat(before.task()).isEqualTo("classification");
    assertThat(before.classLabels()).isEmpty();
    assertThat(before.target()).isNull();

    Database db = Database.open(file);
    RunDetail after = new RunQueries(db).run(1).orElseThrow();
    assertThat(after.task()).isEqualTo("classification");
    assertThat(after.classLabels()).isEmpty();
    try (RunRecorder recorder = new RunRecorder(db)) {
      long id = recorder.beginRun(StoreTestData.newRun("new"));
      RunDetail stored = new RunQueries(db).run(id).orElseThrow();
      assertThat(stored.task()).isEqualTo("classification");
      assertThat(stored.target()).isEqualTo("class");
      assertThat(stored.classLabels()).containsExactly("no", "yes");
      assertThat(stored.positiveClass()).isEqualTo("yes");
    }
  }

  /**
   * A database written by every earlier schema (made by Flyway, as Trialbase 0.1 did), with
   * fold scores in fold_metrics rows: after the migration that packs them, the same scores
   * come back, bit for bit, through the queries and through the fold_metrics view.
   */
  @Test
  void foldScoresOfEveryOlderSchemaArePackedAndReadBackBitForBit() {
    int packing = packingVersion();
    for (MigrationScripts.Script older : MigrationScripts.all()) {
      if (older.version() >= packing) {
        continue;
      }
      Path file = dir.resolve("v" + older.version() + ".db");
      org.sqlite.SQLiteDataSource source = OlderDatabases.flyway(file, older.version());
      java.util.Random random = new java.util.Random(older.version());
      java.util.Map<Long, java.util.Map<String, List<Double>>> written = new java.util.TreeMap<>();
      List<String> viewBefore;
      try (Handle h = org.jdbi.v3.core.Jdbi.create(source).open()) {
        OlderDatabases.insertRun(h, 1);
        for (long trial = 0; trial < 4; trial++) {
          h.execute("insert into trials (run_id, number, status, started_at) values "
              + "(1, ?, ?, 'x')", trial, trial == 3 ? "pruned" : "complete");
          for (String metric : List.of("accuracy", "roc_auc")) {
            int folds = trial == 3 ? 2 : 5; // a pruned trial scored fewer folds
            List<Double> values = new java.util.ArrayList<>();
            for (int fold = 0; fold < folds; fold++) {
              Double v = trial == 1 && metric.equals("roc_auc") && fold == 2 ? null
                  : fold == 4 ? Double.longBitsToDouble(random.nextLong() >>> 2)
                  : random.nextDouble();
              values.add(v);
              h.execute("insert into fold_metrics values (1, ?, ?, ?, ?)", trial, metric, fold,
                  v);
            }
            h.execute("insert into trial_metrics values (1, ?, ?, 0.5, 0.1)", trial, metric);
            written.computeIfAbsent(trial, k -> new java.util.LinkedHashMap<>())
                .put(metric, values);
          }
        }
        viewBefore = foldRows(h);
      }

      Database db = Database.open(file);

      assertThat(new RunQueries(db).foldMetrics(1, null)).as("from V" + older.version())
          .isEqualTo(written);
      assertThat(new RunQueries(db).foldMetrics(1, 3L)).isEqualTo(written.get(3L));
      try (Handle h = db.jdbi().open()) {
        assertThat(foldRows(h)).isEqualTo(viewBefore).hasSize(2 * (3 * 5 + 2));
        assertThat(h.createQuery("pragma user_version").mapTo(Integer.class).one())
            .isEqualTo(Database.newestKnownVersion());
      }
    }
  }

  /** Every fold row, its value as the exact bits of the double, in key order. */
  private static List<String> foldRows(Handle h) {
    return h.createQuery("select trial_number, metric, fold, value from fold_metrics "
            + "order by trial_number, metric, fold")
        .map((rs, ctx) -> {
          double v = rs.getDouble(4);
          return rs.getLong(1) + " " + rs.getString(2) + " " + rs.getInt(3) + " "
              + (rs.wasNull() ? "null" : Long.toHexString(Double.doubleToRawLongBits(v)));
        })
        .list();
  }

  /** The version of the migration that packs fold scores. */
  private static int packingVersion() {
    return MigrationScripts.all().stream()
        .filter(s -> s.fileName().contains("packed_fold_scores"))
        .findFirst().orElseThrow().version();
  }

  @Test
  void openingAnUpToDateDatabaseAddsNoMigration() {
    Path file = dir.resolve("current.db");
    Database.open(file);
    Database again = Database.open(file);
    try (Handle h = again.jdbi().open()) {
      assertThat(h.createQuery("select count(*) from flyway_schema_history")
          .mapTo(Integer.class).one()).isEqualTo(MigrationScripts.all().size());
      assertThat(h.createQuery("pragma user_version").mapTo(Integer.class).one())
          .isEqualTo(Database.newestKnownVersion());
    }
  }

  @Test
  void aNewDatabaseRecordsEveryMigrationAsFlywayDidSoOlderBuildsCanReadItsVersion() {
    Database db = Database.open(dir.resolve("history.db"));
    try (Handle h = db.jdbi().open()) {
      List<String> rows = h.createQuery("select installed_rank || ' ' || version || ' ' || script"
              + " || ' ' || success from flyway_schema_history order by installed_rank")
          .mapTo(String.class).list();
      List<String> expected = new java.util.ArrayList<>();
      int rank = 1;
      for (MigrationScripts.Script script : MigrationScripts.all()) {
        expected.add(rank++ + " " + script.version() + " " + script.fileName() + " 1");
      }
      assertThat(rows).isEqualTo(expected).isNotEmpty();
      // The same checksum Flyway itself records for V1.
      assertThat(h.createQuery("select checksum from flyway_schema_history where version = '1'")
          .mapTo(Integer.class).one()).isEqualTo(OlderDatabases.flywayChecksumOfV1(dir));
    }
  }

  @Test
  void aDatabaseFlywayMigratedToTheNewestVersionIsCurrentAndNotMigratedAgain() {
    Path file = dir.resolve("flyway-current.db");
    OlderDatabases.flyway(file, Database.newestKnownVersion());

    Database db = Database.open(file);

    try (Handle h = db.jdbi().open()) {
      // Flyway never set user_version; nothing ran, so nothing set it now either.
      assertThat(h.createQuery("pragma user_version").mapTo(Integer.class).one()).isZero();
      assertThat(h.createQuery("select count(*) from flyway_schema_history")
          .mapTo(Integer.class).one()).isEqualTo(MigrationScripts.all().size());
    }
  }

  @Test
  void severalProcessesCreatingOneNewFileAtOnceMakeTheSchemaOnce() throws Exception {
    Path file = dir.resolve("race.db");
    int openers = 6;
    java.util.concurrent.ExecutorService pool =
        java.util.concurrent.Executors.newFixedThreadPool(openers);
    java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
    List<java.util.concurrent.Future<Database>> opened = new java.util.ArrayList<>();
    for (int i = 0; i < openers; i++) {
      opened.add(pool.submit(() -> {
        start.await();
        return Database.open(file);
      }));
    }
    start.countDown();
    for (java.util.concurrent.Future<Database> f : opened) {
      assertThat(f.get()).isNotNull();
    }
    pool.shutdown();
    try (Handle h = Database.open(file).jdbi().open()) {
      assertThat(h.createQuery("select count(*) from flyway_schema_history")
          .mapTo(Integer.class).one()).isEqualTo(MigrationScripts.all().size());
    }
  }

  @Test
  void aNewerUserVersionIsRefusedAndTheFileLeftAlone() throws Exception {
    Path file = dir.resolve("newer-user-version.db");
    Database.open(file);
    try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + file);
        java.sql.Statement s = c.createStatement()) {
      s.execute("pragma user_version = " + (Database.newestKnownVersion() + 1));
    }
    byte[] before = Files.readAllBytes(file);

    assertThatThrownBy(() -> Database.open(file)).isInstanceOf(StoreException.class)
        .hasMessageContaining("was written by a newer Trialbase (schema version "
            + (Database.newestKnownVersion() + 1));
    assertThatThrownBy(() -> Database.openReadOnly(file)).isInstanceOf(StoreException.class)
        .hasMessageContaining("upgrade Trialbase");
    assertThat(Files.readAllBytes(file)).isEqualTo(before);
  }

  @Test
  void anSqliteFileWithOtherTablesIsNotMigrated() throws Exception {
    Path file = dir.resolve("other.db");
    try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + file);
        java.sql.Statement s = c.createStatement()) {
      s.execute("create table notes (text)");
    }
    byte[] before = Files.readAllBytes(file);

    assertThatThrownBy(() -> Database.open(file)).isInstanceOf(StoreException.class)
        .hasMessage(file + ": is an SQLite database but not a Trialbase one (it has tables but "
            + "no Trialbase schema version); give another --db file");
    assertThat(Files.readAllBytes(file)).isEqualTo(before);
  }

  @Test
  void openUsesWalJournalAndForeignKeys() {
    Database db = Database.open(dir.resolve("wal.db"));
    try (Handle h = db.jdbi().open()) {
      assertThat(h.createQuery("pragma journal_mode").mapTo(String.class).one())
          .isEqualToIgnoringCase("wal");
      assertThat(h.createQuery("pragma foreign_keys").mapTo(Integer.class).one()).isEqualTo(1);
    }
  }

  @Test
  void reopeningKeepsDataAndMigratesOnce() {
    Path file = dir.resolve("again.db");
    Database first = Database.open(file);
    long runId;
    try (RunRecorder recorder = new RunRecorder(first)) {
      runId = recorder.beginRun(StoreTestData.newRun("exp"));
    }
    Database second = Database.open(file);
    assertThat(new RunQueries(second).runs()).extracting(RunView::id).containsExactly(runId);
    try (Handle h = second.jdbi().open()) {
      // Flyway's history table (its name kept for older builds) records version 1 once.
      assertThat(h.createQuery(
              "select count(*) from flyway_schema_history where version = '1' and success = 1")
          .mapTo(Integer.class).one()).isEqualTo(1);
    }
  }

  @Test
  void openInMissingDirectoryIsAStoreException() {
    Path file = dir.resolve("no/such/dir/x.db");
    assertThatThrownBy(() -> Database.open(file))
        .isInstanceOf(StoreException.class)
        .hasMessageContaining("does not exist");
  }

  @Test
  void openReadOnlyOfAMissingFileIsAStoreException() {
    Path file = dir.resolve("missing.db");
    assertThatThrownBy(() -> Database.openReadOnly(file))
        .isInstanceOf(StoreException.class)
        .hasMessageContaining(file.toString())
        .hasMessageContaining("no such database");
    assertThat(Files.exists(file)).isFalse();
  }

  @Test
  void readOnlyHandleReadsButCannotWrite() {
    Path file = dir.resolve("ro.db");
    try (RunRecorder recorder = new RunRecorder(Database.open(file))) {
      recorder.beginRun(StoreTestData.newRun("exp"));
    }
    Database readOnly = Database.openReadOnly(file);
    assertThat(new RunQueries(readOnly).runs()).hasSize(1);
    assertThatThrownBy(() -> {
      try (RunRecorder recorder = new RunRecorder(readOnly)) {
        recorder.beginRun(StoreTestData.newRun("other"));
      }
    }).rootCause().hasMessageContaining("readonly");
    assertThat(new RunQueries(Database.open(file)).runs()).hasSize(1);
  }
}
