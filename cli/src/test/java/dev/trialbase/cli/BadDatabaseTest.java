package dev.trialbase.cli;

import static dev.trialbase.cli.TinyExperiment.assertError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.trialbase.store.Database;
import dev.trialbase.store.StoreException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A database file that cannot be used — not writable, a directory, not SQLite, damaged, or
 * written by a newer Trialbase — gives one {@code error:} line naming the file and exit code 4
 * at once, and is left byte for byte as it was. Query commands open a database read-only:
 * they create and change no file, and they work where the operating system forbids writing.
 */
class BadDatabaseTest {

  /** The message for a database whose schema is newer than this build's migrations. */
  private static final String NEWER = "was written by a newer Trialbase (schema version 99; "
      + "this one knows up to ";

  @TempDir
  static Path dir;

  static Path spec;
  static Path stored;

  @BeforeAll
  static void storeARealRun() {
    stored = TinyExperiment.populatedDatabase(dir);
    spec = TinyExperiment.write(dir.resolve("experiment"));
  }

  // --- cannot be written -------------------------------------------------------------------

  @Test
  void aPathThatCannotBeCreatedIsADatabaseError() {
    // Tests run as root, which chmod does not stop; nobody may create files in /proc.
    Path db = Path.of("/proc/trialbase-test.db");
    long start = System.nanoTime();
    assertError(run(db), ExitCode.DATABASE,
        "/proc/trialbase-test.db: cannot create the database file; is /proc a writable "
            + "directory?");
    assertThat(elapsedMillis(start)).as("no retrying").isLessThan(5_000);
    assertThat(db).doesNotExist();
  }

  @Test
  void aPathUnderARegularFileIsADatabaseError() throws IOException {
    Path file = Files.writeString(dir.resolve("notes.txt"), "not a folder\n");
    Path db = file.resolve("trialbase.db");
    assertError(run(db), ExitCode.DATABASE, "notes.txt is a file, not a directory");
    assertThat(file).hasContent("not a folder");
  }

  @Test
  void aDirectoryGivenAsTheDatabaseIsNamed() throws IOException {
    Path folder = Files.createDirectories(dir.resolve("a-folder.db"));
    assertError(run(folder), ExitCode.DATABASE,
        "a-folder.db: is a directory; --db takes a database file");
    assertError(TinyExperiment.cli("runs", "--db", folder.toString()), ExitCode.DATABASE,
        "a-folder.db: is a directory");
    assertError(TinyExperiment.cli("trials", "1", "--db", folder.toString()),
        ExitCode.DATABASE, "a-folder.db: is a directory");
    try (var entries = Files.list(folder)) {
      assertThat(entries).isEmpty();
    }
  }

  // --- not a database, or not one this build may touch -------------------------------------

  @Test
  void aTextFileIsNotAnSqliteDatabaseAndIsLeftAsItWas() throws IOException {
    Path text = Files.writeString(dir.resolve("notes.db"), "my notes, not a database\n");
    byte[] bytes = Files.readAllBytes(text);
    for (String[] command : List.of(new String[] {"run", spec.toString()},
        new String[] {"runs"}, new String[] {"trials", "1"}, new String[] {"resume", "1"},
        new String[] {"reproduce", "1"})) {
      List<String> args = new ArrayList<>(List.of(command));
      args.addAll(List.of("--db", text.toString()));
      assertError(TinyExperiment.cli(args.toArray(String[]::new)), ExitCode.DATABASE,
          "notes.db: is not an SQLite database");
      assertThat(Files.readAllBytes(text)).as(command[0]).isEqualTo(bytes);
      assertThat(DatabaseSnapshot.files(text)).as("no side files").hasSize(1);
    }
  }

  @Test
  void openingANonDatabaseFailsAtOnceWithoutRetrying() throws IOException {
    Path text = Files.writeString(dir.resolve("quick.db"), "plain text\n");
    long start = System.nanoTime();
    assertThatThrownBy(() -> Database.open(text)).isInstanceOf(StoreException.class)
        .hasMessageContaining("is not an SQLite database");
    assertThat(elapsedMillis(start)).isLessThan(1_000);
  }

  @Test
  void aDamagedDatabaseFailsAtOnceAndIsLeftAsItWas() throws IOException {
    // SQLite's header followed by noise: past the header check, refused by SQLite itself.
    byte[] noise = new byte[4096];
    new Random(3).nextBytes(noise);
    System.arraycopy("SQLite format 3\0".getBytes(java.nio.charset.StandardCharsets.US_ASCII),
        0, noise, 0, 16);
    Path damaged = Files.write(dir.resolve("damaged.db"), noise);
    long start = System.nanoTime();
    assertError(run(damaged), ExitCode.DATABASE, "damaged.db: ");
    assertThat(elapsedMillis(start)).as("no retrying").isLessThan(5_000);
    assertError(TinyExperiment.cli("runs", "--db", damaged.toString()), ExitCode.DATABASE,
        "damaged.db: ");
    assertThat(Files.readAllBytes(damaged)).isEqualTo(noise);
    assertThat(DatabaseSnapshot.files(damaged)).as("no side files").hasSize(1);
  }

  @Test
  void aDatabaseWithGarbageInADataPageIsNotWrittenTo() throws Exception {
    // A real database whose trials table's page got 2,000 garbage bytes (issue 17, item 10):
    // before, run exited 0 and stored more trials into it.
    Path db = copy(stored, "garbage-page.db");
    long rootPage;
    int pageSize;
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:file:"
            + db.toAbsolutePath().toUri().getRawPath() + "?immutable=1");
        Statement s = c.createStatement()) {
      var rs = s.executeQuery("select rootpage from sqlite_master where name = 'trials'");
      rs.next();
      rootPage = rs.getLong(1);
      rs = s.executeQuery("pragma page_size");
      rs.next();
      pageSize = rs.getInt(1);
    }
    byte[] garbage = new byte[2000];
    new Random(10).nextBytes(garbage);
    try (java.io.RandomAccessFile raf = new java.io.RandomAccessFile(db.toFile(), "rw")) {
      raf.seek((rootPage - 1) * pageSize + 8);
      raf.write(garbage);
    }
    byte[] bytes = Files.readAllBytes(db);
    assertError(run(db), ExitCode.DATABASE, db + ": the database file is damaged",
        "nothing was written to it");
    assertThat(Files.readAllBytes(db)).isEqualTo(bytes);
    assertThat(DatabaseSnapshot.files(db)).as("no side files").hasSize(1);
  }

  @Test
  void anEmptyFileIsNoDatabaseToQueryButAPlaceToStoreRuns() throws IOException {
    Path empty = Files.createFile(dir.resolve("empty.db"));
    assertError(TinyExperiment.cli("runs", "--db", empty.toString()), ExitCode.DATABASE,
        "empty.db: is empty, not a Trialbase database yet");
    assertThat(empty).isEmptyFile();
    CliRunner.Result r = run(empty);
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(DatabaseSnapshot.of(empty).rows("trials")).isEqualTo(3);
  }

  @Test
  void anSqliteDatabaseThatIsNotTrialbasesIsNamedAsSuch() throws Exception {
    Path other = dir.resolve("other-app.db");
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + other);
        Statement s = c.createStatement()) {
      s.execute("create table notes (text)");
      s.execute("insert into notes values ('hello')");
    }
    DatabaseSnapshot before = DatabaseSnapshot.of(other);
    assertError(TinyExperiment.cli("runs", "--db", other.toString()), ExitCode.DATABASE,
        "other-app.db: is an SQLite database but not a Trialbase one");
    DatabaseSnapshot.assertUnchanged(other, before);
  }

  @Test
  void aDatabaseFromANewerTrialbaseIsRefusedByEveryCommandAndLeftAsItWas() throws Exception {
    Path newer = newerDatabase("newer.db");
    DatabaseSnapshot before = DatabaseSnapshot.of(newer);
    for (String[] command : List.of(new String[] {"run", spec.toString()},
        new String[] {"runs"}, new String[] {"trials", "1"}, new String[] {"resume", "1"},
        new String[] {"reproduce", "1"})) {
      List<String> args = new ArrayList<>(List.of(command));
      args.addAll(List.of("--db", newer.toString()));
      CliRunner.Result r = TinyExperiment.cli(args.toArray(String[]::new));
      assertError(r, ExitCode.DATABASE, "newer.db: " + NEWER, "); upgrade Trialbase");
      assertThat(r.err()).containsPattern("knows up to \\d+\\)");
      DatabaseSnapshot.assertUnchanged(newer, before);
    }
  }

  @Test
  void aNewerDatabaseIsRefusedWithOneLineAndNoLogNoiseInARealProcess() throws Exception {
    // In a real process Flyway and SQLite log to stderr too: there must be nothing from them.
    Path newer = newerDatabase("newer-process.db");
    DatabaseSnapshot before = DatabaseSnapshot.of(newer);
    Path log = dir.resolve("newer-process.log");
    Process child = ChildProcess.start(log, "run", spec.toString(), "--db", newer.toString(),
        "--plugins", TinyExperiment.TEST_PLUGINS.toString(), "--no-progress");
    assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(child.exitValue()).isEqualTo(ExitCode.DATABASE);
    assertThat(Files.readAllLines(log)).singleElement().asString()
        .startsWith("error: " + newer + ": " + NEWER);
    DatabaseSnapshot.assertUnchanged(newer, before);
  }

  // --- read-only use -----------------------------------------------------------------------

  @Test
  void queryCommandsCreateAndChangeNoFile() throws IOException {
    Path db = copy(stored, "queried.db");
    DatabaseSnapshot before = DatabaseSnapshot.of(db);
    assertThat(before.files()).as("no side files to begin with").hasSize(1);
    for (String[] command : List.of(new String[] {"runs"}, new String[] {"trials", "1"},
        new String[] {"runs", "--format", "json"}, new String[] {"trials", "1", "--format",
            "csv"})) {
      List<String> args = new ArrayList<>(List.of(command));
      args.addAll(List.of("--db", db.toString()));
      CliRunner.Result r = TinyExperiment.cli(args.toArray(String[]::new));
      assertThat(r.exitCode()).as(r.err()).isZero();
      assertThat(r.out()).contains(command[0].equals("runs") ? "tiny" : "complete");
      DatabaseSnapshot.assertUnchanged(db, before);
    }
  }

  @Test
  void queryCommandsSeeTrialsAWriterHasNotCheckpointedYet() throws Exception {
    Path db = copy(stored, "in-use.db");
    // A connection held open keeps the write-ahead log: run 2 stays in it, not in the file.
    try (Connection holder = DriverManager.getConnection("jdbc:sqlite:" + db);
        Statement s = holder.createStatement()) {
      s.executeQuery("select count(*) from runs").close();
      CliRunner.Result second = run(db);
      assertThat(second.exitCode()).as(second.err()).isZero();
      assertThat(Files.size(db.resolveSibling("in-use.db-wal"))).isPositive();

      CliRunner.Result runs = TinyExperiment.cli("runs", "--db", db.toString(), "--format",
          "csv");
      assertThat(runs.exitCode()).as(runs.err()).isZero();
      assertThat(runs.out().lines().count()).as(runs.out()).isEqualTo(3); // header + 2 runs
      CliRunner.Result trials = TinyExperiment.cli("trials", "2", "--db", db.toString());
      assertThat(trials.exitCode()).as(trials.err()).isZero();
    }
  }

  @Test
  void queryCommandsWorkWhereTheSystemForbidsWritingAndRunSaysWhyItCannot() throws Exception {
    // As root, chmod stops nothing; in a user namespace root's files obey their mode bits.
    Assumptions.assumeTrue(canUseUserNamespaces(), "unshare -U is not available here");
    Path folder = Files.createDirectories(dir.resolve("read-only"));
    Path db = copy(stored, "read-only/locked.db");
    byte[] bytes = Files.readAllBytes(db);
    Files.setPosixFilePermissions(db, PosixFilePermissions.fromString("r--r--r--"));
    Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("r-xr-xr-x"));
    try {
      Unprivileged runs = unprivileged("runs", "--db", db.toString(), "--format", "csv");
      assertThat(runs.exitCode()).as(runs.output()).isZero();
      assertThat(runs.output()).contains("tiny").contains("complete");

      Unprivileged write = unprivileged("run", spec.toString(), "--db", db.toString(),
          "--plugins", TinyExperiment.TEST_PLUGINS.toString(), "--no-progress");
      assertThat(write.exitCode()).as(write.output()).isEqualTo(ExitCode.DATABASE);
      assertThat(write.output().lines().toList()).singleElement().asString()
          .startsWith("error: " + db + ": cannot write to the database: it or its directory "
              + "is read-only");
    } finally {
      Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwxr-xr-x"));
      Files.setPosixFilePermissions(db, PosixFilePermissions.fromString("rw-r--r--"));
    }
    assertThat(Files.readAllBytes(db)).isEqualTo(bytes);
    assertThat(DatabaseSnapshot.files(db)).as("no side files").hasSize(1);
  }

  // --- helpers -----------------------------------------------------------------------------

  private static CliRunner.Result run(Path db) {
    return TinyExperiment.cli("run", spec.toString(), "--db", db.toString(), "--no-progress");
  }

  private static long elapsedMillis(long startNanos) {
    return (System.nanoTime() - startNanos) / 1_000_000;
  }

  private static Path copy(Path from, String name) throws IOException {
    return Files.copy(from, dir.resolve(name));
  }

  /**
   * A database made by a real run, then marked as migrated to schema version 99 by a newer
   * Trialbase, as its Flyway history would say.
   */
  private static Path newerDatabase(String name) throws Exception {
    Path db = copy(stored, name);
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
        Statement s = c.createStatement()) {
      s.execute("""
          insert into flyway_schema_history (installed_rank, version, description, type,
            script, checksum, installed_by, execution_time, success)
          values (99, '99', 'from the future', 'SQL', 'V99__from_the_future.sql', 0,
            'trialbase', 1, 1)
          """);
    }
    assertThat(DatabaseSnapshot.files(db)).as("no side files left").hasSize(1);
    return db;
  }

  private record Unprivileged(int exitCode, String output) {
  }

  private static boolean canUseUserNamespaces() {
    try {
      Process p = new ProcessBuilder("unshare", "-U", "true").redirectErrorStream(true).start();
      return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (IOException | InterruptedException e) {
      return false;
    }
  }

  /** Runs the CLI in a new JVM inside a user namespace, where root's files obey their modes. */
  private static Unprivileged unprivileged(String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of("unshare", "-U"));
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add("-D" + Main.BUILTIN_PLUGINS_PROPERTY + "="
        + System.getProperty(Main.BUILTIN_PLUGINS_PROPERTY));
    command.add(Main.class.getName());
    command.addAll(List.of(args));
    Path log = Files.createTempFile(dir, "unprivileged", ".log");
    Process p = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(log.toFile()).start();
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    return new Unprivileged(p.exitValue(), Files.readString(log));
  }
}
