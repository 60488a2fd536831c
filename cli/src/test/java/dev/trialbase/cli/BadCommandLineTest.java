package dev.trialbase.cli;

import static dev.trialbase.cli.TinyExperiment.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Wrong command lines get one {@code error:} line and exit code 2 (usage) or 6 (no such run),
 * before anything is written; the database keeps every row, and a new database is not
 * created. Stack traces appear only with {@code --debug}.
 */
class BadCommandLineTest {

  @TempDir
  static Path dir;

  static Path stored;
  static Path spec;

  @BeforeAll
  static void storeARealRun() {
    stored = TinyExperiment.populatedDatabase(dir);
    spec = TinyExperiment.write(dir.resolve("experiment"));
  }

  @Test
  void anUnknownRunIdIsNotFoundForEveryCommandThatTakesOne() {
    DatabaseSnapshot before = DatabaseSnapshot.of(stored);
    assertError(TinyExperiment.cli("trials", "99", "--db", stored.toString()),
        ExitCode.NOT_FOUND, "no run 99 in " + stored);
    DatabaseSnapshot.assertUnchanged(stored, before);
    assertError(TinyExperiment.cli("resume", "99", "--db", stored.toString()),
        ExitCode.NOT_FOUND, "no run 99 in " + stored);
    DatabaseSnapshot.assertSameRows(stored, before);
    assertError(TinyExperiment.cli("reproduce", "99", "--db", stored.toString()),
        ExitCode.NOT_FOUND, "no run 99 in " + stored);
    DatabaseSnapshot.assertSameRows(stored, before);
  }

  @Test
  void resumeAndReproduceOfAMissingDatabaseCreateNoFile() {
    Path missing = dir.resolve("no-such.db");
    for (String command : new String[] {"resume", "reproduce"}) {
      CliRunner.Result r = TinyExperiment.cli(command, "1", "--db", missing.toString());
      assertThat(r.exitCode()).as(command).isEqualTo(ExitCode.DATABASE);
      assertThat(r.err()).as(command).contains("no such database");
      assertThat(missing).as(command).doesNotExist();
    }
  }

  @Test
  void anUnknownFormatIsAUsageErrorListingTheFormats() {
    DatabaseSnapshot before = DatabaseSnapshot.of(stored);
    assertError(TinyExperiment.cli("runs", "--db", stored.toString(), "--format", "xml"),
        ExitCode.USAGE, "--format", "expected one of [table, json, csv]", "'xml'",
        "(see 'trialbase runs --help')");
    assertError(TinyExperiment.cli("run", spec.toString(), "--db", stored.toString(),
        "--format", "yaml"), ExitCode.USAGE, "'yaml'");
    DatabaseSnapshot.assertUnchanged(stored, before);
    assertNothingCreated("run", spec.toString(), "--format", "yaml");
  }

  @Test
  void jobsOutsideOneTo1024IsAUsageErrorBeforeAnythingRuns() {
    DatabaseSnapshot before = DatabaseSnapshot.of(stored);
    assertError(TinyExperiment.cli("run", spec.toString(), "--db", stored.toString(),
        "--jobs", "0"), ExitCode.USAGE, "--jobs must be between 1 and 1024, got 0");
    assertError(TinyExperiment.cli("resume", "1", "--db", stored.toString(), "--jobs", "-1"),
        ExitCode.USAGE, "--jobs must be between 1 and 1024, got -1");
    // 2^30 workers would overflow the scheduler's in-flight window (a multiple of --jobs).
    assertError(TinyExperiment.cli("run", spec.toString(), "--db", stored.toString(),
        "--jobs", String.valueOf(1 << 30)), ExitCode.USAGE,
        "--jobs must be between 1 and 1024, got 1073741824");
    DatabaseSnapshot.assertUnchanged(stored, before);
    assertNothingCreated("run", spec.toString(), "--jobs", "0");
    assertNothingCreated("run", spec.toString(), "--jobs", "1025");
  }

  @Test
  void resumingACompleteRunSaysSoAndChangesNothing() {
    DatabaseSnapshot before = DatabaseSnapshot.of(stored);
    CliRunner.Result r = TinyExperiment.cli("resume", "1", "--db", stored.toString());
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out()).isEqualTo("run 1 is already complete\n");
    assertThat(r.err()).isEmpty();
    DatabaseSnapshot.assertSameRows(stored, before);
  }

  @Test
  void aRunIdThatIsNotANumberIsAUsageError() {
    assertError(TinyExperiment.cli("trials", "one", "--db", stored.toString()),
        ExitCode.USAGE, "'one' is not a long");
  }

  @Test
  void anUnknownOptionIsAUsageError() {
    assertError(TinyExperiment.cli("run", spec.toString(), "--db", stored.toString(),
        "--bogus"), ExitCode.USAGE, "Unknown option: '--bogus'",
        "(see 'trialbase run --help')");
    assertNothingCreated("run", spec.toString(), "--bogus");
  }

  @Test
  void aMissingSpecArgumentIsAUsageError() {
    assertError(TinyExperiment.cli("run", "--db", stored.toString()), ExitCode.USAGE,
        "Missing required parameter: 'SPEC'");
  }

  @Test
  void anUnknownCommandIsAUsageError() {
    assertError(TinyExperiment.cli("frobnicate", "--db", stored.toString()), ExitCode.USAGE,
        "'frobnicate'");
  }

  @Test
  void aSeedThatIsNotANumberIsAUsageError() {
    assertError(TinyExperiment.cli("run", spec.toString(), "--db", stored.toString(),
        "--seed", "abc"), ExitCode.USAGE, "'abc' is not a long");
    assertNothingCreated("run", spec.toString(), "--seed", "abc");
  }

  @Test
  void debugAddsTheStackTraceAfterTheErrorLine() {
    Path missing = dir.resolve("missing.json");
    CliRunner.Result plain = TinyExperiment.cli("run", missing.toString(), "--db",
        stored.toString());
    assertError(plain, ExitCode.BAD_INPUT, "no such spec file");

    CliRunner.Result debug = TinyExperiment.cli("run", missing.toString(), "--db",
        stored.toString(), "--debug");
    assertThat(debug.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
    assertThat(debug.err().lines().findFirst()).contains(plain.err().strip());
    assertThat(debug.err()).contains("dev.trialbase.spec.SpecException")
        .contains("\tat dev.trialbase.spec.SpecReader");
  }

  /** The command with a new database path fails before creating it. */
  private static void assertNothingCreated(String... args) {
    Path fresh = dir.resolve("fresh-" + System.nanoTime() + ".db");
    String[] all = java.util.Arrays.copyOf(args, args.length + 2);
    all[args.length] = "--db";
    all[args.length + 1] = fresh.toString();
    CliRunner.Result r = TinyExperiment.cli(all);
    assertThat(r.exitCode()).as(r.err()).isNotZero();
    assertThat(fresh).doesNotExist();
  }
}
