package dev.trialbase.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.trialbase.api.ParamSet;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteDataSource;

/**
 * Issue 17's storage items: a damaged database, schema versions that do not fit an int, a
 * foreign file, SQLite's errors during a run, a failed creation and a database being created.
 * Every fault is real SQLite behaviour: garbage bytes in a page, {@code max_page_count} (SQLite
 * answers SQLITE_FULL exactly as on a full disk) and a second connection holding the lock.
 */
class StorageFaultsTest {

  private static final List<String> METRICS = List.of("accuracy");

  @TempDir
  Path dir;

  // --- 10: a damaged database -----------------------------------------------------------------

  @Test
  void aDatabaseWithGarbageInADataPageIsRefusedForWritingAndLeftAsItWas() throws IOException {
    Path file = dir.resolve("damaged.db");
    try (RunRecorder recorder = new RunRecorder(Database.open(file))) {
      long run = recorder.beginRun(StoreTestData.newRun("exp"));
      for (int i = 0; i < 400; i++) {
        recorder.recordTrial(run, trial(i));
      }
    }
    assertThat(Files.exists(dir.resolve("damaged.db-wal"))).as("checkpointed").isFalse();
    long size = Files.size(file);
    assertThat(size).isGreaterThan(40 * 4096);
    byte[] garbage = new byte[2000];
    new Random(17).nextBytes(garbage);
    try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
      raf.seek(size / 2 / 4096 * 4096 + 1000);
      raf.write(garbage);
    }
    byte[] bytes = Files.readAllBytes(file);

    assertThatThrownBy(() -> Database.open(file)).isInstanceOf(StoreException.class)
        .hasMessageStartingWith(file + ": the database file is damaged");
    assertThat(Files.readAllBytes(file)).isEqualTo(bytes);
    assertThat(Files.exists(dir.resolve("damaged.db-wal"))).isFalse();
  }

  @Test
  void aQueryThatMeetsADamagedPageNamesTheFile() throws Exception {
    Path file = dir.resolve("damaged-query.db");
    long run;
    try (RunRecorder recorder = new RunRecorder(Database.open(file))) {
      run = recorder.beginRun(StoreTestData.newRun("exp"));
      for (int i = 0; i < 400; i++) {
        recorder.recordTrial(run, trial(i));
      }
    }
    Database db = Database.openReadOnly(file);
    long rootPage;
    try (var h = db.jdbi().open()) {
      rootPage = h.createQuery("select rootpage from sqlite_master where name = 'params'")
          .mapTo(Long.class).one();
    }
    byte[] garbage = new byte[2000];
    new Random(15).nextBytes(garbage);
    try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
      raf.seek((rootPage - 1) * 4096 + 8);
      raf.write(garbage);
    }
    assertThatThrownBy(() -> new RunQueries(Database.openReadOnly(file)).trials(run))
        .isInstanceOf(StoreException.class)
        .hasMessageStartingWith(file + ": the database file is damaged (SQLite:");
  }

  @Test
  void aRecorderThatMetCorruptionWritesNothingMore() throws Exception {
    Path file = dir.resolve("damaged-later.db");
    Database db = Database.open(file);
    try (RunRecorder recorder = new RunRecorder(db)) {
      long run = recorder.beginRun(StoreTestData.newRun("exp"));
      StoreException damaged = SqliteErrors.failure(file,
          new org.sqlite.SQLiteException("damaged", org.sqlite.SQLiteErrorCode.SQLITE_CORRUPT));
      recorder.refuseFurtherWrites(damaged);
      assertThatThrownBy(() -> recorder.recordTrial(run, trial(0))).isSameAs(damaged);
      assertThatThrownBy(() -> recorder.finishRun(run, RunStatus.FAILED, null, Map.of(), "x"))
          .isSameAs(damaged);
    }
    try (var h = db.jdbi().open()) {
      assertThat(h.createQuery("select count(*) from trials").mapTo(Integer.class).one()).isZero();
      assertThat(h.createQuery("select status from runs").mapTo(String.class).one())
          .isEqualTo("running");
    }
  }

  // --- 11: versions read exactly ------------------------------------------------------------

  @Test
  void flywayVersionsBeyondAnIntOrNotWholeAreRefusedAndTheFileLeftAlone() throws Exception {
    for (String version : List.of("4294967295", "2147483648", "99999999999999999999", "2.1",
        "-1")) {
      Path file = dir.resolve("version-" + version + ".db");
      Database.open(file);
      try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
          Statement s = c.createStatement()) {
        s.execute("insert into flyway_schema_history (installed_rank, version, description, "
            + "type, script, checksum, installed_by, execution_time, success) values "
            + "(99, '" + version + "', 'odd', 'SQL', 'odd.sql', 0, 'test', 1, 1)");
      }
      byte[] bytes = Files.readAllBytes(file);
      String expected = version.matches("\\d+")
          ? "was written by a newer Trialbase (schema version " + version + "; this one knows "
              + "up to " + Database.newestKnownVersion() + "); upgrade Trialbase"
          : "has schema version '" + version + "', which is not a version Trialbase writes";
      assertThatThrownBy(() -> Database.open(file)).as(version)
          .isInstanceOf(StoreException.class).hasMessageStartingWith(file + ": " + expected);
      assertThatThrownBy(() -> Database.openReadOnly(file)).as(version)
          .isInstanceOf(StoreException.class).hasMessageStartingWith(file + ": " + expected);
      assertThat(Files.readAllBytes(file)).as(version).isEqualTo(bytes);
      assertThat(Files.exists(dir.resolve(file.getFileName() + "-wal"))).isFalse();
    }
  }

  @Test
  void aUserVersionAboveTheSignedIntRangeIsRefusedAndTheFileLeftAlone() throws Exception {
    // user_version is a signed 32-bit number at offset 60 of the header: 4294967295 and
    // 2147483648 written there read back as -1 and -2147483648.
    for (long version : List.of(4294967295L, 2147483648L)) {
      Path file = dir.resolve("user-version-" + version + ".db");
      Database.open(file);
      try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
        raf.seek(60);
        raf.writeInt((int) version);
      }
      byte[] bytes = Files.readAllBytes(file);
      assertThatThrownBy(() -> Database.open(file)).as("" + version)
          .isInstanceOf(StoreException.class)
          .hasMessage(file + ": has schema version '" + (int) version + "', which is not a "
              + "version Trialbase writes; give another --db file or upgrade Trialbase");
      assertThatThrownBy(() -> Database.openReadOnly(file)).as("" + version)
          .isInstanceOf(StoreException.class)
          .hasMessageContaining("which is not a version Trialbase writes");
      assertThat(Files.readAllBytes(file)).isEqualTo(bytes);
    }
  }

  // --- 12: a foreign file -------------------------------------------------------------------

  @Test
  void aForeignSqliteFileIsRefusedByteForByteUnchangedAndInItsOwnJournalMode() throws Exception {
    Path file = dir.resolve("foreign.db");
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement s = c.createStatement()) {
      s.execute("create table notes (text)");
      s.execute("insert into notes values ('hello')");
    }
    byte[] bytes = Files.readAllBytes(file);
    long modified = Files.getLastModifiedTime(file).toMillis();

    assertThatThrownBy(() -> Database.open(file)).isInstanceOf(StoreException.class)
        .hasMessageContaining("is an SQLite database but not a Trialbase one");
    assertThat(Files.readAllBytes(file)).isEqualTo(bytes);
    assertThat(Files.getLastModifiedTime(file).toMillis()).isEqualTo(modified);
    // Byte 18 and 19 of the header are 2 in WAL mode, 1 in rollback-journal mode.
    assertThat(bytes[18]).isEqualTo((byte) 1);
    for (String side : List.of("-wal", "-shm", "-journal")) {
      assertThat(Files.exists(dir.resolve("foreign.db" + side))).as(side).isFalse();
    }
  }

  // --- 13: errors during a run --------------------------------------------------------------

  @Test
  void aFullDiskDuringARunIsNamedWithTheFile() throws Exception {
    Path file = dir.resolve("full.db");
    Database.open(file);
    SQLiteDataSource source = Database.dataSource(file, false);
    long pages;
    try (Connection c = source.getConnection(); Statement s = c.createStatement();
        var rs = s.executeQuery("pragma page_count")) {
      rs.next();
      pages = rs.getLong(1);
    }
    source.setMaxPageCount((int) pages + 4);
    Database limited = new Database(file, source::getConnection, SchemaVersion.newestKnown());
    try (RunRecorder recorder = new RunRecorder(limited)) {
      long run = recorder.beginRun(StoreTestData.newRun("exp"));
      assertThatThrownBy(() -> {
        for (int i = 0; i < 10_000; i++) {
          recorder.recordTrial(run, trial(i));
        }
      }).isInstanceOf(StoreException.class)
          .hasMessageStartingWith(file + ": the disk is full (SQLite:")
          .hasMessageNotContaining("\n");
    }
  }

  @Test
  void aLockHeldByAnotherProgramDuringARunIsNamedWithTheFile() throws Exception {
    Path file = dir.resolve("locked.db");
    Database.open(file);
    SQLiteDataSource source = Database.dataSource(file, false);
    source.getConfig().setBusyTimeout(100);
    Database impatient = new Database(file, source::getConnection, SchemaVersion.newestKnown());
    try (RunRecorder recorder = new RunRecorder(impatient);
        Connection other = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement s = other.createStatement()) {
      long run = recorder.beginRun(StoreTestData.newRun("exp"));
      s.execute("begin exclusive");
      assertThatThrownBy(() -> recorder.recordTrial(run, trial(0)))
          .isInstanceOf(StoreException.class)
          .hasMessageStartingWith(file + ": the database is locked by another program");
      s.execute("rollback");
      recorder.recordTrial(run, trial(0));
    }
  }

  // --- 14: a failed creation ----------------------------------------------------------------

  @Test
  void aNewDatabaseThatCannotBeCreatedIsRemoved() {
    Path file = dir.resolve("new-on-full-disk.db");
    SQLiteDataSource source = Database.dataSource(file, false);
    source.setMaxPageCount(1);
    assertThatThrownBy(() -> Database.open(file, source)).isInstanceOf(StoreException.class)
        .hasMessageStartingWith(file + ": the disk is full");
    for (String side : List.of("", "-wal", "-shm", "-journal")) {
      assertThat(Files.exists(dir.resolve("new-on-full-disk.db" + side))).as(side).isFalse();
    }
  }

  @Test
  void anExistingEmptyFileThatCannotBeMigratedIsKept() throws IOException {
    Path file = Files.createFile(dir.resolve("users-empty.db"));
    SQLiteDataSource source = Database.dataSource(file, false);
    source.setMaxPageCount(1);
    assertThatThrownBy(() -> Database.open(file, source)).isInstanceOf(StoreException.class);
    assertThat(file).exists();
  }

  // --- 15: a database being created ---------------------------------------------------------

  @Test
  void aReaderOfADatabaseBeingCreatedIsToldSo() throws Exception {
    Path file = dir.resolve("being-created.db");
    // What a reader sees while the first writer's migration is not committed yet: the file
    // is an SQLite database in WAL mode with no table.
    try (Connection writer = Database.dataSource(file, false).getConnection();
        Statement s = writer.createStatement()) {
      writer.setAutoCommit(false);
      s.execute("create table experiments (id integer primary key)");
      assertThatThrownBy(() -> Database.openReadOnly(file)).isInstanceOf(StoreException.class)
          .hasMessageStartingWith(file + ": is being created by another Trialbase process");
      writer.rollback();
    }
  }

  private static TrialRecord trial(long number) {
    return StoreTestData.complete(number, ParamSet.of(Map.of("C", number * 0.5, "penalty",
        "l2-" + "x".repeat(200))), METRICS, new double[][] {{0.5, 0.6, 0.7, 0.8}}, 0.65);
  }
}
