package dev.trialbase.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.trialbase.api.Attribute;
import dev.trialbase.api.Dataset;
import dev.trialbase.api.Task;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Reading training CSV files: typing, missing cells, targets and tasks, and bad files. */
class DataFilesTrainTest {

  @TempDir
  Path dir;
  private CsvFiles files;

  @BeforeEach
  void setUp() {
    files = new CsvFiles(dir);
  }

  private static Dataset read(Path file, String target) {
    return DataFiles.readTrain(file, DataRequest.target(target), FormatLookup.builtIn());
  }

  private static Dataset read(Path file, String target, Task task) {
    return DataFiles.readTrain(file, new DataRequest(target, task, null, null),
        FormatLookup.builtIn());
  }

  @Test
  void readsNumericFeaturesAndIntegerLabelsAsWritten() throws IOException {
    Path file = files.write("train.csv", """
        a,label,b
        1.5,0,2
        -3,1,4e2
        0,1,7
         2 ,0, 8
        """);
    Dataset d = read(file, "label");
    assertThat(d.featureNames()).containsExactly("a", "b");
    assertThat(d.attributes()).allMatch(Attribute::isNumeric);
    assertThat(d.task()).isEqualTo(Task.CLASSIFICATION);
    assertThat(d.classLabels()).containsExactly("0", "1");
    assertThat(d.size()).isEqualTo(4);
    assertThat(d.features()[0]).containsExactly(1.5, 2.0);
    assertThat(d.features()[1]).containsExactly(-3.0, 400.0);
    assertThat(d.features()[2]).containsExactly(0.0, 7.0);
    assertThat(d.features()[3]).containsExactly(2.0, 8.0);
    assertThat(d.labels()).containsExactly(0, 1, 1, 0);
  }

  @Test
  void differentSpellingsOfANumberAreDifferentClassesOrderedByText() throws IOException {
    // Labels stay as written: "1.0" and "1" are two classes, as are "01" and "1"; the same
    // number sorts by text ("-0" < "0" < "0.0" and "01" < "1" < "1.0").
    Path file = files.write("spell.csv", "x,y\n1,-0\n2,0\n3,1\n4,0.0\n5,01\n6,1.0\n7,1\n");
    Dataset d = read(file, "y");
    assertThat(d.classLabels()).containsExactly("-0", "0", "0.0", "01", "1", "1.0");
    assertThat(d.labels()).containsExactly(0, 1, 4, 2, 3, 5, 4);
  }

  @Test
  void nominalLabelsOneAndZeroOneStayDistinct() throws IOException {
    Path file = files.write("labels.csv", "x,y\n1,01\n2,1\n3,a\n");
    Dataset d = read(file, "y");
    assertThat(d.classLabels()).containsExactly("01", "1", "a");
    Path feature = files.write("feature.csv", "f,y\n01,a\n1,b\nx,a\n");
    assertThat(read(feature, "y").attributes().get(0).values()).containsExactly("01", "1", "x");
  }

  @Test
  void targetMayBeTheFirstColumn() throws IOException {
    Path file = files.write("first.csv", "y,x1,x2\n1,10,20\n0,11,21\n");
    Dataset d = read(file, "y");
    assertThat(d.featureNames()).containsExactly("x1", "x2");
    assertThat(d.features()[1]).containsExactly(11.0, 21.0);
    assertThat(d.labels()).containsExactly(1, 0);
  }

  @Test
  void targetMayBeTheLastColumn() throws IOException {
    Path file = files.write("last.csv", "x1,x2,y\n10,20,1\n11,21,0\n");
    Dataset d = read(file, "y");
    assertThat(d.featureNames()).containsExactly("x1", "x2");
    assertThat(d.features()[0]).containsExactly(10.0, 20.0);
    assertThat(d.labels()).containsExactly(1, 0);
  }

  @Test
  void theTargetDefaultsToTheLastColumn() throws IOException {
    Path file = files.write("default.csv", "x1,y,x2\n10,1,a\n11,0,b\n");
    Dataset d = DataFiles.readTrain(file, DataRequest.defaults(), FormatLookup.builtIn());
    assertThat(d.target().name()).isEqualTo("x2");
    assertThat(d.featureNames()).containsExactly("x1", "y");
    assertThat(d.classLabels()).containsExactly("a", "b");
  }

  @Test
  void numericLabelsSortAsNumbers() throws IOException {
    // Alphabetically "10" < "9"; numerically 9 < 10, so "9" is class 0.
    Path file = files.write("num.csv", "x,y\n1,10\n2,9\n3,10\n");
    Dataset d = read(file, "y");
    assertThat(d.classLabels()).containsExactly("9", "10");
    assertThat(d.labels()).containsExactly(1, 0, 1);
  }

  @Test
  void textLabelsSortAlphabetically() throws IOException {
    Path file = files.write("text.csv", "x,y\n1,yes\n2,no\n3,yes\n");
    Dataset d = read(file, "y");
    assertThat(d.classLabels()).containsExactly("no", "yes");
    assertThat(d.labels()).containsExactly(1, 0, 1);
  }

  @Test
  void threeOrMoreClassesAreOneTarget() throws IOException {
    Path file = files.write("three.csv", "a,y\n1,0\n2,1\n3,2\n");
    Dataset d = read(file, "y");
    assertThat(d.classLabels()).containsExactly("0", "1", "2");
    assertThat(d.labels()).containsExactly(0, 1, 2);
  }

  @Test
  void textColumnsAreNominalWithSortedValues() throws IOException {
    Path file = files.write("nominal.csv", """
        age,flag,size,y
        40-49,true,10,a
        30-39,false,9,b
        40-49,TRUE,x,a
        """);
    Dataset d = read(file, "y");
    assertThat(d.attributes()).containsExactly(
        Attribute.nominal("age", java.util.List.of("30-39", "40-49")),
        Attribute.nominal("flag", java.util.List.of("TRUE", "false", "true")),
        // numbers and text mixed: String order, so "10" < "9" < "x"
        Attribute.nominal("size", java.util.List.of("10", "9", "x")));
    assertThat(d.features()[0]).containsExactly(1.0, 2.0, 0.0);
    assertThat(d.features()[1]).containsExactly(0.0, 1.0, 1.0);
    assertThat(d.features()[2]).containsExactly(1.0, 0.0, 2.0);
  }

  @Test
  void javaOnlyNumberFormsAreText() throws IOException {
    Path file = files.write("java.csv",
        "hex,suffix,inf,plain,y\n0x1p3,2.5d,inf,1,a\n1,1,1,.5,b\n2,2,Infinity,3.,a\n");
    Dataset d = read(file, "y");
    assertThat(d.attributes().get(0).values()).containsExactly("0x1p3", "1", "2");
    assertThat(d.attributes().get(1).values()).containsExactly("1", "2", "2.5d");
    assertThat(d.attributes().get(2).values()).containsExactly("1", "Infinity", "inf");
    assertThat(d.attributes().get(3).isNumeric()).isTrue();
    assertThat(d.features()[1][3]).isEqualTo(0.5);
    assertThat(d.features()[2][3]).isEqualTo(3.0);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "?", "-", "NA", "na", "N/A", "#N/A", "#N/A N/A", "#NA", "<NA>",
      "NaN", "nan", "-NaN", "NULL", "null", "None"})
  void everyMarkerIsAMissingFeatureCell(String marker) throws IOException {
    Path file = files.write("missing.csv",
        "a,b,y\n1,red,0\n\"" + marker + "\",\"" + marker + "\",1\n3,blue,1\n");
    Dataset d = read(file, "y");
    assertThat(d.attributes().get(0).isNumeric()).isTrue();
    assertThat(d.attributes().get(1).values()).containsExactly("blue", "red");
    assertThat(Dataset.isMissing(d.features()[1][0])).isTrue();
    assertThat(Dataset.isMissing(d.features()[1][1])).isTrue();
    assertThat(d.features()[2]).containsExactly(3.0, 0.0);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "?", "-", "NA", "na", "N/A", "#N/A", "#N/A N/A", "#NA", "<NA>",
      "NaN", "nan", "-NaN", "NULL", "null", "None"})
  void everyMarkerIsAMissingTargetNamingLineAndColumn(String marker) throws IOException {
    Path file = files.write("notarget.csv", "a,y\n1,0\n2,\"" + marker + "\"\n3,1\n");
    assertThatThrownBy(() -> read(file, "y"))
        .isInstanceOf(DataException.class)
        .hasMessageStartingWith(file + ": line 3, column 'y': missing target value")
        .hasMessageContaining(marker.isEmpty() ? "(empty cell)" : "('" + marker + "')");
  }

  @Test
  void aMissingTargetIsReportedInATextTargetToo() throws IOException {
    Path file = files.write("text.csv", "a,y\n1,no\n2,yes\n3,?\n");
    assertThatThrownBy(() -> read(file, "y"))
        .hasMessage(file + ": line 4, column 'y': missing target value ('?')");
  }

  @Test
  void aFewIntegersAreClassesManyAreARegressionTarget() throws IOException {
    StringBuilder twenty = new StringBuilder("x,y\n");
    StringBuilder twentyOne = new StringBuilder("x,y\n");
    for (int i = 0; i < 21; i++) {
      if (i < 20) {
        twenty.append(i).append(',').append(i).append('\n');
      }
      twentyOne.append(i).append(',').append(i).append('\n');
    }
    Dataset classes = read(files.write("twenty.csv", twenty.toString()), "y");
    assertThat(classes.task()).isEqualTo(Task.CLASSIFICATION);
    assertThat(classes.classCount()).isEqualTo(20);
    Dataset regression = read(files.write("twentyone.csv", twentyOne.toString()), "y");
    assertThat(regression.task()).isEqualTo(Task.REGRESSION);
    assertThat(regression.target()).isEqualTo(Attribute.numeric("y"));
    assertThat(regression.targets()[20]).isEqualTo(20.0);
    // Non-integer numbers are a regression target even when there are few of them.
    Dataset fractions = read(files.write("fractions.csv", "x,y\n1,0.5\n2,1.5\n3,0.5\n"), "y");
    assertThat(fractions.task()).isEqualTo(Task.REGRESSION);
    assertThat(fractions.targets()).containsExactly(0.5, 1.5, 0.5);
  }

  @Test
  void theTaskOverridesTheInferenceBothWays() throws IOException {
    Path file = files.write("task.csv", "x,y\n1,0\n2,1\n3,1\n");
    Dataset regression = read(file, "y", Task.REGRESSION);
    assertThat(regression.task()).isEqualTo(Task.REGRESSION);
    assertThat(regression.targets()).containsExactly(0.0, 1.0, 1.0);
    Path many = files.write("many.csv", "x,y\n1,0.5\n2,10\n3,2.25\n4,10\n");
    Dataset classes = read(many, "y", Task.CLASSIFICATION);
    assertThat(classes.classLabels()).containsExactly("0.5", "2.25", "10");
    assertThat(classes.labels()).containsExactly(0, 2, 1, 2);
  }

  @Test
  void aNominalTargetCannotBeARegressionTarget() throws IOException {
    Path file = files.write("nominal.csv", "x,y\n1,no\n2,yes\n");
    assertThatThrownBy(() -> read(file, "y", Task.REGRESSION))
        .isInstanceOf(DataException.class)
        .hasMessage(file + ": target column 'y' is nominal (values no, yes); task regression"
            + " needs a numeric target");
  }

  @Test
  void singleClassIsRejected() throws IOException {
    Path file = files.write("one.csv", "a,y\n1,1\n2,1\n3,1\n");
    assertThatThrownBy(() -> read(file, "y"))
        .isInstanceOf(DataException.class)
        .hasMessage(file + ": target column 'y' has a single class [1];"
            + " classification needs at least two");
  }

  @Test
  void aTargetWithoutValuesIsRejected() throws IOException {
    Path file = files.write("none.csv", "a,y\n1,?\n2,NA\n");
    assertThatThrownBy(() -> read(file, "y"))
        .hasMessage(file + ": target column 'y' has no values: every cell is missing");
  }

  @Test
  void theShapeIsCheckedBeforeTheCells() throws IOException {
    // A missing target cell on line 2 and a single class: the class count is the blocker.
    Path file = files.write("order.csv", "a,y\n1,\n2,1\n3,1\n");
    assertThatThrownBy(() -> read(file, "y")).hasMessageContaining("single class [1]");
    Path absent = files.write("absent.csv", "a,y\n1,\n2,1\n3,0\n");
    assertThatThrownBy(() -> read(absent, "label")).hasMessageContaining("no target column");
  }

  @Test
  void missingTargetColumnSuggestsAndListsTheColumns() throws IOException {
    Path file = files.write("cols.csv", "a,b,label\n1,2,0\n3,4,1\n");
    assertThatThrownBy(() -> read(file, "Label"))
        .isInstanceOf(DataException.class)
        .hasMessage(file + ": no target column 'Label'; did you mean 'label'?;"
            + " columns are a, b, label");
    assertThatThrownBy(() -> read(file, "target"))
        .hasMessage(file + ": no target column 'target'; columns are a, b, label");
  }

  @Test
  void thePositiveClassMustBeOneOfTwo() throws IOException {
    Path file = files.write("pos.csv", "a,y\n1,no\n2,yes\n");
    DataFiles.readTrain(file, new DataRequest("y", null, "yes", null), FormatLookup.builtIn());
    assertThatThrownBy(() -> DataFiles.readTrain(file, new DataRequest("y", null, "Yes", null),
        FormatLookup.builtIn()))
        .hasMessage(file + ": the positive class 'Yes' is not a class of target column 'y';"
            + " did you mean 'yes'?; classes are no, yes");
    Path three = files.write("three.csv", "a,y\n1,a\n2,b\n3,c\n");
    assertThatThrownBy(() -> DataFiles.readTrain(three, new DataRequest("y", null, "a", null),
        FormatLookup.builtIn()))
        .hasMessageContaining("applies to two classes, but target column 'y' has 3: a, b, c");
  }

  @Test
  void errorLineNumbersCountBlankLinesAndQuotedLineBreaks() throws IOException {
    // Line 1 header, line 2 data, line 3 blank, line 4 a quoted break, line 6 the bad cell.
    Path file = files.write("blank.csv", "a,b,y\n1,x,0\n\n2,\"two\nlines\",1\n3,x\n");
    assertThatThrownBy(() -> read(file, "y"))
        .hasMessage(file + ": line 6 has 2 fields but the header has 3");
    Path target = files.write("blank2.csv", "a,y\n1,0\n\n2,\"multi\nline\"\n3,\n");
    assertThatThrownBy(() -> read(target, "y"))
        .hasMessageStartingWith(target + ": line 6, column 'y': missing target value");
  }

  @Test
  void raggedRowIsRejectedWithItsLine() throws IOException {
    Path shortRow = files.write("short.csv", "a,b,y\n1,2,0\n3,1\n");
    assertThatThrownBy(() -> read(shortRow, "y"))
        .isInstanceOf(DataException.class)
        .hasMessage(shortRow + ": line 3 has 2 fields but the header has 3");
    Path longRow = files.write("long.csv", "a,b,y\n1,2,0,9\n3,4,1\n");
    assertThatThrownBy(() -> read(longRow, "y"))
        .hasMessage(longRow + ": line 2 has 4 fields but the header has 3");
  }

  @Test
  void headerProblemsAreRejected() throws IOException {
    Path noName = files.write("noname.csv", "a,,y\n1,2,0\n");
    assertThatThrownBy(() -> read(noName, "y"))
        .hasMessage(noName + ": line 1: column 2 of the header has no name");
    Path twice = files.write("twice.csv", "a,a,y\n1,2,0\n");
    assertThatThrownBy(() -> read(twice, "y"))
        .hasMessage(twice + ": line 1: column 'a' appears twice in the header");
  }

  @Test
  void windowsLineEndingsAndQuotedNamesRead() throws IOException {
    Path file = files.write("crlf.csv", "\"a, b\",y\r\n1,no\r\n\r\n2,\r\n3,yes\r\n");
    assertThatThrownBy(() -> read(file, "y"))
        .hasMessage(file + ": line 4, column 'y': missing target value (empty cell)");
    Path good = files.write("crlf2.csv", "\"a, b\",y\r\n1,no\r\n2,yes\r\n");
    Dataset d = read(good, "y");
    assertThat(d.featureNames()).containsExactly("a, b");
    assertThat(d.classLabels()).containsExactly("no", "yes");
  }

  @Test
  void aByteOrderMarkIsDropped() throws IOException {
    Path file = files.write("bom.csv", "\uFEFFy,x\n1,10\n0,11\n");
    assertThat(read(file, "y").featureNames()).containsExactly("x");
  }

  @Test
  void headerOnlyAndEmptyFilesAreRejected() throws IOException {
    Path header = files.write("header.csv", "a,b,y\n");
    assertThatThrownBy(() -> read(header, "y"))
        .isInstanceOf(DataException.class)
        .hasMessage(header + ": the file has a header but no data rows");
    Path empty = files.write("empty.csv", "");
    assertThatThrownBy(() -> read(empty, "y"))
        .hasMessage(empty + ": the file is empty; expected a header row and data rows");
  }

  @Test
  void aFileThatIsNotUtf8IsRejected() throws IOException {
    Path file = dir.resolve("latin1.csv");
    java.nio.file.Files.write(file, new byte[] {'a', ',', 'y', '\n', (byte) 0xE9, ',', '1', '\n',
        'b', ',', '0', '\n'});
    assertThatThrownBy(() -> read(file, "y"))
        .hasMessage(file + ": is not a UTF-8 text file; a CSV file is UTF-8 text");
  }

  @Test
  void aBinaryOrForeignFileIsNotQuotedWhole() throws IOException {
    String secret = "-----BEGIN PRIVATE KEY----- MIIEvQIBADANBgkqhkiG9w0BAQEFAASC" + "x".repeat(200);
    Path key = files.write("key.csv", secret + "\nabc\n");
    assertThatThrownBy(() -> read(key, "y"))
        .hasMessageNotContaining(secret.substring(0, 60))
        .hasMessageContaining("no target column 'y'");
    Path binary = files.write("binary.csv", "a\u0000b,y\n1,0\n");
    assertThatThrownBy(() -> read(binary, "y"))
        .hasMessage(binary + ": line 1: column 1 of the header has unprintable characters;"
            + " is this a CSV text file?");
  }

  @Test
  void unclosedQuoteNamesTheLineItStartsOn() throws IOException {
    Path file = files.write("quote.csv", "a,y\n1,0\n\"2,1\n3,0\n");
    assertThatThrownBy(() -> read(file, "y"))
        .hasMessageStartingWith(file + ": line 3: cannot read as CSV: ");
  }

  @Test
  void onlyRegularFilesAreRead() throws Exception {
    assertThatThrownBy(() -> read(dir.resolve("nope.csv"), "y"))
        .hasMessage(dir.resolve("nope.csv") + ": no such file");
    assertThatThrownBy(() -> read(dir, "y"))
        .hasMessage(dir + ": is a directory, not a data file");
    Path zero = Path.of("/dev/zero");
    if (java.nio.file.Files.exists(zero)) {
      assertThatThrownBy(() -> DataFiles.readTrain(zero,
          new DataRequest("y", null, null, "csv"), FormatLookup.builtIn()))
          .hasMessage("/dev/zero: is not a regular file");
    }
    Path fifo = dir.resolve("fifo.csv");
    if (new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor() == 0) {
      assertThatThrownBy(() -> read(fifo, "y")).hasMessage(fifo + ": is not a regular file");
    }
  }

  @Test
  void aColumnThatTurnsToTextLateKeepsAllItsValues() throws IOException {
    // 2000 distinct numbers, then text: the first pass stops keeping the numbers' texts after
    // ColumnProfile.NUMERIC_TEXT_LIMIT, so an extra pass collects them; every cell must decode
    // back to the text written. The target, forced to classes, keeps all its 2001 texts.
    StringBuilder text = new StringBuilder("v,y\n");
    for (int i = 0; i < 2000; i++) {
      text.append(i * 7).append(',').append(i).append('\n');
    }
    text.append("seven,2000\n");
    Dataset d = read(files.write("late.csv", text.toString()), "y", Task.CLASSIFICATION);
    java.util.List<String> values = d.attributes().get(0).values();
    assertThat(values).hasSize(2001);
    java.util.List<String> labels = d.classLabels();
    assertThat(labels).hasSize(2001);
    for (int i = 0; i < 2000; i++) {
      assertThat(values.get((int) d.features()[i][0])).isEqualTo(Integer.toString(i * 7));
      assertThat(labels.get(d.labels()[i])).isEqualTo(Integer.toString(i));
    }
    assertThat(values.get((int) d.features()[2000][0])).isEqualTo("seven");
  }
}
