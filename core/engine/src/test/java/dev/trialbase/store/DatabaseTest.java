package dev.trialbase.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
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
          .contains("experiments", "runs", "trials", "params", "fold_metrics", "trial_metrics",
              "test_metrics");
      assertThat(h.createQuery("select name from sqlite_master where type = 'view'")
          .mapTo(String.class).list())
          .containsExactlyInAnyOrder("trial_summary", "run_summary");
    }
  }

  @Test
  void aDatabaseFromAnOlderVersionIsMigratedOnOpenAndKeepsItsRows() {
    Path file = dir.resolve("old.db");
    // What Trialbase 0.1.0 before V2 made: the V1 schema only, with a stored parameter.
    org.sqlite.SQLiteDataSource source = new org.sqlite.SQLiteDataSource();
    source.setUrl("jdbc:sqlite:" + file);
    org.flywaydb.core.Flyway.configure().dataSource(source).locations("classpath:db/migration")
        .target("1").load().migrate();
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
      h.execute("insert into params values (1, 0, 'n', 0, 'int', '9007199254740993', "
          + "9007199254740993)");
    }

    Database db = Database.open(file);

    try (Handle h = db.jdbi().open()) {
      assertThat(h.createQuery("select max(version) from flyway_schema_history")
          .mapTo(String.class).one()).isEqualTo(String.valueOf(Database.newestKnownVersion()));
      // V2's view reads the big integer exactly; the row survived the migration.
      assertThat(h.createQuery("select params from trial_summary where run_id = 1")
          .mapTo(String.class).one()).isEqualTo("{\"n\":9007199254740993}");
    }
  }

  /** A V2 database as Trialbase 0.1.0 left it: one two-class run, labels not recorded. */
  private Path versionTwoDatabase() {
    Path file = dir.resolve("v2.db");
    org.sqlite.SQLiteDataSource source = new org.sqlite.SQLiteDataSource();
    source.setUrl("jdbc:sqlite:" + file);
    org.flywaydb.core.Flyway.configure().dataSource(source).locations("classpath:db/migration")
        .target("2").load().migrate();
    try (Handle h = org.jdbi.v3.core.Jdbi.create(source).open()) {
      h.execute("insert into experiments (id, name, created_at) values (1, 'old', 'x')");
      h.execute("""
          insert into runs (id, experiment_id, status, strategy, estimator, seed, folds,
            objective, maximize, spec_json, train_path, train_sha256, plugins_json,
            trialbase_version, jvm, os, started_at)
          values (1, 1, 'complete', 'grid', 'noop', 7, 5, 'accuracy', 1, '{}', 't', 's', '[]',
            '0.1.0', 'j', 'o', 'x')""");
    }
    return file;
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

  @Test
  void openingAnUpToDateDatabaseAddsNoMigration() {
    Path file = dir.resolve("current.db");
    Database.open(file);
    Database again = Database.open(file);
    try (Handle h = again.jdbi().open()) {
      assertThat(h.createQuery("select count(*) from flyway_schema_history")
          .mapTo(Integer.class).one()).isEqualTo(Database.newestKnownVersion());
    }
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
      // Flyway's history table (its default name) records version 1 once, successfully.
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
