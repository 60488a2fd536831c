package dev.trialbase.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The database knows the newest schema version this build has migrations for, and refuses a
 * file whose schema is newer without changing a byte of it.
 */
class SchemaVersionTest {

  @TempDir
  Path dir;

  @Test
  void theNewestKnownVersionIsTheHighestMigrationInTheSources() throws IOException {
    Pattern migration = Pattern.compile("V(\\d+)__.*\\.sql");
    int newest = 0;
    try (Stream<Path> files = Files.list(Path.of("src/main/resources/db/migration"))) {
      for (Path f : (Iterable<Path>) files::iterator) {
        Matcher m = migration.matcher(f.getFileName().toString());
        if (m.matches()) {
          newest = Math.max(newest, Integer.parseInt(m.group(1)));
        }
      }
    }
    assertThat(newest).isPositive();
    assertThat(Database.newestKnownVersion()).isEqualTo(newest);
  }

  @Test
  void aDatabaseMigratedByANewerBuildIsRefusedAndLeftAlone() throws IOException {
    Path file = dir.resolve("newer.db");
    try (RunRecorder recorder = new RunRecorder(Database.open(file))) {
      recorder.beginRun(StoreTestData.newRun("exp"));
    }
    int future = Database.newestKnownVersion() + 1;
    try (Handle h = Database.open(file).jdbi().open()) {
      h.execute("insert into flyway_schema_history (installed_rank, version, description, "
          + "type, script, checksum, installed_by, execution_time, success) values "
          + "(?, ?, 'next', 'SQL', 'V' || ? || '__next.sql', 0, 'test', 1, 1)",
          future, Integer.toString(future), future);
    }
    byte[] bytes = Files.readAllBytes(file);
    String expected = "was written by a newer Trialbase (schema version " + future
        + "; this one knows up to " + (future - 1) + "); upgrade Trialbase";

    assertThatThrownBy(() -> Database.open(file)).isInstanceOf(StoreException.class)
        .hasMessage(file + ": " + expected);
    assertThatThrownBy(() -> Database.openReadOnly(file)).isInstanceOf(StoreException.class)
        .hasMessage(file + ": " + expected);
    assertThat(Files.readAllBytes(file)).isEqualTo(bytes);
    assertThat(Files.exists(dir.resolve("newer.db-wal"))).isFalse();
    assertThat(Files.exists(dir.resolve("newer.db-shm"))).isFalse();
  }

  @Test
  void aFailedMigrationRowDoesNotCountAsNewer() throws IOException {
    Path file = dir.resolve("failed.db");
    int future = Database.newestKnownVersion() + 1;
    try (Handle h = Database.open(file).jdbi().open()) {
      h.execute("insert into flyway_schema_history (installed_rank, version, description, "
          + "type, script, checksum, installed_by, execution_time, success) values "
          + "(?, ?, 'next', 'SQL', 'next.sql', 0, 'test', 1, 0)", future,
          Integer.toString(future));
    }
    assertThat(new RunQueries(Database.openReadOnly(file)).runs()).isEmpty();
  }
}
