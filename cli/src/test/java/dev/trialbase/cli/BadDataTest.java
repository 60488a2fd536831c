package dev.trialbase.cli;

import static dev.trialbase.cli.TinyExperiment.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every way a training or test CSV can be unusable gives one {@code error:} line naming the
 * file and, where there is one, the line and column; exit code 3; and nothing stored: a
 * database holding a real run keeps every row and byte, and a new database is not created.
 */
class BadDataTest {

  @TempDir
  static Path dir;

  static Path stored;

  private static final AtomicInteger CASES = new AtomicInteger();

  @BeforeAll
  static void storeARealRun() {
    stored = TinyExperiment.populatedDatabase(dir);
  }

  @Test
  void aMissingTrainingFileIsNamed() throws IOException {
    Path spec = experiment();
    Path train = Files.move(spec.resolveSibling("train.csv"),
        spec.resolveSibling("moved.csv"));
    assertRefused(spec, spec.resolveSibling("train.csv") + ": no such file");
    assertThat(train).exists();
  }

  @Test
  void aMissingTestFileIsNamed() throws IOException {
    Path spec = experiment();
    Files.delete(spec.resolveSibling("test.csv"));
    assertRefused(spec, spec.resolveSibling("test.csv") + ": no such file");
  }

  @Test
  void anEmptyFileIsReported() throws IOException {
    Path spec = experiment(rows -> List.of());
    assertRefused(spec, "train.csv: the file is empty; expected a header row and data rows");
  }

  @Test
  void aHeaderWithoutRowsIsReported() throws IOException {
    Path spec = experiment(rows -> rows.subList(0, 1));
    assertRefused(spec, "train.csv: the file has a header but no data rows");
  }

  @Test
  void aMissingTargetColumnListsTheColumns() throws IOException {
    Path spec = experiment(rows -> replace(rows, 0, "a,b,label"));
    assertRefused(spec, "train.csv: no target column 'y'; columns are a, b, label");
  }

  @Test
  void aTargetWithOneClassIsReported() throws IOException {
    Path spec = experiment(rows -> rows.stream()
        .map(r -> r.endsWith(",0") ? r.substring(0, r.length() - 1) + "1" : r).toList());
    assertRefused(spec, "train.csv: target column 'y' has a single class [1]; "
        + "classification needs at least two");
  }

  @Test
  void textAndMissingFeatureCellsAreData() throws IOException {
    // A text cell makes column b nominal; empty and NA cells are missing values, not errors.
    Path spec = experiment(rows -> replace(replace(replace(rows, 4, "0.15,abc,1"), 3, ",2,0"),
        6, "0.3,NA,1"));
    Path db = dir.resolve("fresh-" + CASES.incrementAndGet() + ".db");
    CliRunner.Result r = TinyExperiment.cli("run", spec.toString(), "--db", db.toString());
    assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCode.OK);
  }

  @Test
  void aNonNumberInATestColumnNumericInTrainingNamesTheLineAndColumn() throws IOException {
    // Line 1 is the header, so the fourth data row is line 5.
    Path spec = experiment();
    Path test = spec.resolveSibling("test.csv");
    Files.write(test, replace(Files.readAllLines(test), 4, "0.15,abc,1"));
    assertRefused(spec, "test.csv: line 5, column 'b': 'abc' is not a number, but the training"
        + " set's column is numeric");
  }

  @Test
  void aMissingTargetNamesTheLineAndColumnWhateverMarkerWroteIt() throws IOException {
    for (String marker : List.of("", "?", "NA", "n/a", "NaN", "null", "None", "#N/A", "-")) {
      Path spec = experiment(rows -> replace(rows, 2, "0.05,1," + marker));
      assertRefused(spec, "train.csv: line 3, column 'y': missing target value");
    }
  }

  @Test
  void aRaggedRowNamesItsLineAndFieldCount() throws IOException {
    Path longer = experiment(rows -> replace(rows, 5, "0.2,4,0,9"));
    assertRefused(longer, "train.csv: line 6 has 4 fields but the header has 3");
    Path shorter = experiment(rows -> replace(rows, 7, "0.3,1"));
    assertRefused(shorter, "train.csv: line 8 has 2 fields but the header has 3");
  }

  @Test
  void lineNumbersCountBlankLinesAndQuotedLineBreaks() throws IOException {
    Path spec = experiment(rows -> {
      List<String> out = new java.util.ArrayList<>(rows);
      out.add(2, "");
      out.set(1, "\"0\n\",0,0");
      out.set(6, "0.1,1,?");
      return out;
    });
    // Line 1 header, 2-3 the quoted record, 4 blank, ... the bad value's record is on line 8.
    assertRefused(spec, "train.csv: line 8, column 'y': missing target value");
  }

  @Test
  void anUnclosedQuoteNamesTheLineWhereItStarts() throws IOException {
    Path spec = experiment(rows -> replace(rows, 9, "\"0.4,2,1"));
    assertRefused(spec, "train.csv: line 10: cannot read as CSV: Missing closing quote");
  }

  @Test
  void aHeaderColumnGivenTwiceIsReported() throws IOException {
    Path spec = experiment(rows -> replace(rows, 0, "a,a,y"));
    assertRefused(spec, "train.csv: line 1: column 'a' appears twice in the header");
  }

  @Test
  void aBinaryFileIsNotTakenForCsv() throws IOException {
    Path spec = experiment();
    byte[] bytes = new byte[512];
    for (int i = 0; i < bytes.length; i++) {
      bytes[i] = (byte) (0x80 + i % 64);
    }
    Files.write(spec.resolveSibling("train.csv"), bytes);
    assertRefused(spec, "train.csv: is not a UTF-8 text file");
  }

  @Test
  void aTestSetWithOtherColumnsSaysWhichDiffer() throws IOException {
    Path spec = experiment();
    Path test = spec.resolveSibling("test.csv");
    Files.write(test, replace(Files.readAllLines(test), 0, "a,c,y"));
    assertRefused(spec, "test.csv: missing training column b; column c not in the training set "
        + "(training columns: a, b, y)");
  }

  @Test
  void aTestSetWithReorderedColumnsIsMatchedByName() throws IOException {
    // A model that uses its features, so that a column mix-up would change the test scores.
    Path spec = experiment();
    Files.writeString(spec, Files.readString(spec).replace("\"noop\"", "\"weka-logistic\"")
        .replace("\"space\": {\"x\": [1, 2, 3]}", "\"space\": {\"C\": [0.5]}"));
    Path db = dir.resolve("fresh-" + CASES.incrementAndGet() + ".db");
    CliRunner.Result straight = TinyExperiment.cli("run", spec.toString(), "--db", db.toString(),
        "--format", "json");
    Path test = spec.resolveSibling("test.csv");
    List<String> swapped = Files.readAllLines(test).stream().map(r -> {
      String[] f = r.split(",");
      return f[2] + "," + f[1] + "," + f[0];
    }).toList();
    Files.write(test, swapped);
    CliRunner.Result reordered = TinyExperiment.cli("run", spec.toString(), "--db",
        db.toString(), "--format", "json");
    assertThat(reordered.exitCode()).as(reordered.err()).isEqualTo(ExitCode.OK);
    assertThat(testScores(reordered.out())).isEqualTo(testScores(straight.out()))
        .isNotEmpty();
  }

  private static String testScores(String json) {
    int at = json.indexOf("\"test\"");
    return at < 0 ? "" : json.substring(at, json.indexOf('}', at) + 1);
  }

  @Test
  void aTestSetWithoutTheTargetColumnIsReported() throws IOException {
    Path spec = experiment();
    Path test = spec.resolveSibling("test.csv");
    Files.write(test, replace(Files.readAllLines(test), 0, "a,b,z"));
    assertRefused(spec, "test.csv: missing training column y; column z not in the training "
        + "set");
  }

  @Test
  void aTestLabelUnknownToTheTrainingSetNamesItsLine() throws IOException {
    Path spec = experiment();
    Path test = spec.resolveSibling("test.csv");
    Files.write(test, replace(Files.readAllLines(test), 2, "0.05,1,7"));
    assertRefused(spec, "test.csv: line 3, column 'y': class '7' does not occur in the training "
        + "set; its classes are 0, 1");
  }

  @Test
  void aMalformedArffHeaderNamesItsLine() throws IOException {
    Path spec = experiment();
    Files.writeString(spec, Files.readString(spec).replace("train.csv", "train.arff"));
    Files.writeString(spec.resolveSibling("train.arff"), """
        @relation tiny
        @attribute a numeric
        @attribute b nonsense
        @attribute y {0,1}
        @data
        0.1,1,0
        """);
    assertRefused(spec, "train.arff: line 3");
  }

  // --- helpers -----------------------------------------------------------------------------

  private static List<String> replace(List<String> rows, int index, String row) {
    List<String> out = new java.util.ArrayList<>(rows);
    out.set(index, row);
    return out;
  }

  private static Path experiment() {
    return TinyExperiment.write(dir.resolve("case-" + CASES.incrementAndGet()));
  }

  /** The tiny experiment with its training rows (header first) changed by {@code change}. */
  private static Path experiment(UnaryOperator<List<String>> change) throws IOException {
    Path spec = experiment();
    Files.write(spec.resolveSibling("train.csv"), change.apply(TinyExperiment.trainRows()));
    return spec;
  }

  private static void assertRefused(Path spec, String... fragments) {
    DatabaseSnapshot before = DatabaseSnapshot.of(stored);
    assertError(TinyExperiment.cli("run", spec.toString(), "--db", stored.toString()),
        ExitCode.BAD_INPUT, fragments);
    DatabaseSnapshot.assertUnchanged(stored, before);

    Path fresh = dir.resolve("fresh-" + CASES.incrementAndGet() + ".db");
    assertError(TinyExperiment.cli("run", spec.toString(), "--db", fresh.toString()),
        ExitCode.BAD_INPUT, fragments);
    assertThat(fresh).as("refused data creates no database").doesNotExist();
  }
}
