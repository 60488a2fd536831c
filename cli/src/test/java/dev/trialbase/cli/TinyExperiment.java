package dev.trialbase.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A small, fast experiment for error-handling tests: a 20-row training set (10 rows of each
 * class), a 6-row test set, and a spec that grid-searches the test plugin estimator
 * {@code noop} (no fitting) with 2 folds. The test estimators are loaded from the folder the
 * build stages them in, as the user plugins directory.
 */
public final class TinyExperiment {

  /** The test estimators' folder, given by the cli pom (or found from the module folder). */
  public static final Path TEST_PLUGINS = Path.of(System.getProperty("trialbase.test.plugins",
      Path.of("..", "target", "test-plugins").toString())).toAbsolutePath().normalize();

  public static final String SPEC = """
      {
        "experiment": "tiny",
        "data": {"train": "train.csv", "test": "test.csv", "target": "y"},
        "estimator": {"name": "noop"},
        "strategy": {"name": "grid"},
        "space": {"x": [1, 2, 3]},
        "folds": 2,
        "seed": 7
      }
      """;

  static final String TRAIN_HEADER = "a,b,y";

  private TinyExperiment() {
  }

  /** The training rows: features a (a fraction) and b (a digit), class y alternating 0, 1. */
  static List<String> trainRows() {
    List<String> rows = new ArrayList<>();
    rows.add(TRAIN_HEADER);
    for (int i = 0; i < 20; i++) {
      rows.add((i * 0.05) + "," + (i % 7) + "," + (i % 2));
    }
    return rows;
  }

  /** Writes train.csv, test.csv and spec.json ({@link #SPEC}) into {@code dir}. */
  static Path write(Path dir) {
    return write(dir, SPEC);
  }

  /** Writes train.csv, test.csv and spec.json with {@code spec} as its text into {@code dir}. */
  public static Path write(Path dir, String spec) {
    try {
      Files.createDirectories(dir);
      List<String> train = trainRows();
      Files.write(dir.resolve("train.csv"), train);
      Files.write(dir.resolve("test.csv"), train.subList(0, 7));
      return Files.writeString(dir.resolve("spec.json"), spec);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Runs the command line with the test estimators loaded. */
  static CliRunner.Result cli(String... args) {
    String[] all = new String[args.length + 2];
    System.arraycopy(args, 0, all, 0, args.length);
    all[args.length] = "--plugins";
    all[args.length + 1] = TEST_PLUGINS.toString();
    return CliRunner.run(all);
  }

  /**
   * A database holding one real complete run (3 noop trials with fold scores and test
   * scores), made in {@code dir}, with no side files left behind.
   */
  static Path populatedDatabase(Path dir) {
    Path spec = write(dir.resolve("populate"));
    Path db = dir.resolve("stored.db");
    CliRunner.Result r = cli("run", spec.toString(), "--db", db.toString(), "--no-progress");
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out()).contains("run 1 complete: 3 trials, 0 failed");
    DatabaseSnapshot snapshot = DatabaseSnapshot.of(db);
    assertThat(snapshot.rows("runs")).isEqualTo(1);
    assertThat(snapshot.rows("trials")).isEqualTo(3);
    assertThat(snapshot.rows("fold_metrics")).isPositive();
    assertThat(snapshot.rows("test_metrics")).isPositive();
    assertThat(snapshot.files()).as("no side files after the run").hasSize(1);
    return db;
  }

  /**
   * Asserts the documented error form: exit {@code code}, exactly one line on stderr, starting
   * with {@code error: }, containing each of {@code fragments}, and no stack trace.
   */
  static void assertError(CliRunner.Result r, int code, String... fragments) {
    assertThat(r.exitCode()).as("exit code; stderr: " + r.err()).isEqualTo(code);
    List<String> lines = r.err().lines().toList();
    assertThat(lines).as("stderr is one line").hasSize(1);
    assertThat(lines.get(0)).startsWith("error: ").contains(fragments)
        .doesNotContain("\tat ").doesNotContain("Exception:").doesNotContain("a bug");
  }

  /**
   * A spec in {@code dir} for {@code trials} trials of the {@code cpu} test estimator on the
   * Titanic data (copied beside it): each trial takes a steady few milliseconds, so a run lasts
   * long enough to be killed midway whatever the machine's load, and every trial scores all six
   * metrics on five folds.
   */
  static Path cpuSpec(Path dir, String experiment, int trials) throws IOException {
    for (String f : List.of("train.csv", "test.csv")) {
      Path target = dir.resolve(f);
      if (!Files.exists(target)) {
        Files.copy(CliRunner.EXAMPLES.resolve("titanic").resolve(f), target);
      }
    }
    Path spec = dir.resolve("cpu-" + trials + ".json");
    Files.writeString(spec, """
        {
          "experiment": "%s",
          "data": { "train": "train.csv", "test": "test.csv", "target": "Survived" },
          "estimator": { "name": "cpu", "params": { "work": 1 } },
          "strategy": { "name": "random" },
          "space": { "x": { "type": "float", "low": 0, "high": 1 } },
          "trials": %d,
          "folds": 5,
          "seed": 42
        }
        """.formatted(experiment, trials));
    return spec;
  }

  /**
   * A spec in {@code dir} for {@code trials} TPE trials of the test plugins' {@code quadratic}
   * objective function, some of whose points fail on purpose ({@code fail_above}).
   */
  static Path quadraticSpec(Path dir, int trials) throws IOException {
    return Files.writeString(dir.resolve("quadratic.json"), """
        {
          "experiment": "quadratic",
          "function": {"name": "quadratic", "params": {"fail_above": 4.5}},
          "space": {"x": {"type": "float", "low": -5, "high": 5},
                    "y": {"type": "float", "low": -5, "high": 5}},
          "strategy": {"name": "tpe"},
          "trials": %d,
          "objective": "loss",
          "seed": 5
        }
        """.formatted(trials));
  }
}
