package dev.trialbase.store;

import java.nio.file.Path;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.sqlite.SQLiteDataSource;

/**
 * Databases as earlier Trialbase builds wrote them: Flyway (which Trialbase 0.1 used to
 * migrate) applies this build's own scripts up to a given version, exactly as it did then.
 */
final class OlderDatabases {

  private OlderDatabases() {
  }

  /** A new database at {@code file} migrated by Flyway to schema {@code version}. */
  static SQLiteDataSource flyway(Path file, int version) {
    SQLiteDataSource source = new SQLiteDataSource();
    source.setUrl("jdbc:sqlite:" + file);
    Flyway.configure().dataSource(source).locations("classpath:" + MigrationScripts.LOCATION)
        .target(Integer.toString(version)).load().migrate();
    return source;
  }

  /** The checksum Flyway itself records for V1, read from a database it made in {@code dir}. */
  static int flywayChecksumOfV1(Path dir) {
    try (Handle h = Jdbi.create(flyway(dir.resolve("flyway-checksum.db"), 1)).open()) {
      return h.createQuery("select checksum from flyway_schema_history where version = '1'")
          .mapTo(Integer.class).one();
    }
  }

  /** Experiment 1 and its run {@code runId} (5 folds, accuracy), with the V1 columns only. */
  static void insertRun(Handle h, long runId) {
    h.execute("insert or ignore into experiments (id, name, created_at) values (1, 'old', 'x')");
    h.execute("""
        insert into runs (id, experiment_id, status, strategy, estimator, seed, folds,
          objective, maximize, spec_json, train_path, train_sha256, plugins_json,
          trialbase_version, jvm, os, started_at)
        values (?, 1, 'complete', 'grid', 'noop', 7, 5, 'accuracy', 1, '{}', 't', 's', '[]',
          '0.1.0', 'j', 'o', 'x')""", runId);
  }
}
