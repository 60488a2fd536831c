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
  void aNonNumberInATestColumnNumericInTrainingNamesTheLineAndColumn() throws IOException {
    // Line 1 is the header, so the fourth data row is line 5.
    Path spec = experiment();
    Path test = spec.resolveSibling("test.csv");
    Files.write(test, replace(Files.readAllLines(test), 4, "0.15,abc,1"));
    assertRefused(spec, "test.csv: line 5, column 'b': 'abc' is not a number, but the training"
        + " set's column is numeric");
  }

  @Test
  void aMissingClassLabelNamesTheLine() throws IOException {
    Path spec = experiment(rows -> replace(rows, 2, "0.05,1,"));
    assertRefused(spec, "train.csv: line 3, column 'y': missing target value (empty cell)");
  }

  @Test
  void aMissingClassLabelMarkerIsNamed() throws IOException {
    Path spec = experiment(rows -> replace(rows, 6, "0.3,2,NA"));
    assertRefused(spec, "train.csv: line 7, column 'y': missing target value ('NA')");
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
    assertRefused(spec, "train.csv: line 8, column 'y': missing target value ('?')");
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
    assertRefused(spec, "test.csv: missing training column b; column c not in the training set"
        + " (training columns: a, b, y)");
  }

  @Test
  void aTestSetWithoutTheTargetColumnIsReported() throws IOException {
    Path spec = experiment();
    Path test = spec.resolveSibling("test.csv");
    Files.write(test, replace(Files.readAllLines(test), 0, "a,b,z"));
    assertRefused(spec, "test.csv: missing training column y; column z not in the training set"
        + " (training columns: a, b, y)");
  }

  @Test
  void aTestLabelUnknownToTheTrainingSetNamesItsLine() throws IOException {
    Path spec = experiment();
    Path test = spec.resolveSibling("test.csv");
    Files.write(test, replace(Files.readAllLines(test), 2, "0.05,1,7"));
    assertRefused(spec, "test.csv: line 3, column 'y': class '7' does not occur in the training"
        + " set; its classes are 0, 1");
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
