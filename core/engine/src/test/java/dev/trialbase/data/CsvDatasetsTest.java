package dev.trialbase.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.trialbase.api.Dataset;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvDatasetsTest {

  @TempDir
  Path dir;

  private Path csv(String name, String text) throws IOException {
    Path file = dir.resolve(name);
    Files.writeString(file, text, StandardCharsets.UTF_8);
    return file;
  }

  @Test
  void readsFeaturesAndCanonicalBinaryLabels() throws IOException {
    Path file = csv("train.csv", """
        a,label,b
        1.5,0,2
        -3,1.0,4e2
        0,1,7
         2 ,0, 8
        """);
    Dataset d = CsvDatasets.read(file, "label");
    assertThat(d.featureNames()).containsExactly("a", "b");
    assertThat(d.classLabels()).containsExactly("0", "1");
    assertThat(d.size()).isEqualTo(4);
    assertThat(d.features()[0]).containsExactly(1.5, 2.0);
    assertThat(d.features()[1]).containsExactly(-3.0, 400.0);
    assertThat(d.features()[2]).containsExactly(0.0, 7.0);
    assertThat(d.features()[3]).containsExactly(2.0, 8.0);
    // "1.0" and "1" are the same class.
    assertThat(d.labels()).containsExactly(0, 1, 1, 0);
  }

  @Test
  void targetMayBeTheFirstColumn() throws IOException {
    Path file = csv("first.csv", "y,x1,x2\n1,10,20\n0,11,21\n");
    Dataset d = CsvDatasets.read(file, "y");
    assertThat(d.featureNames()).containsExactly("x1", "x2");
    assertThat(d.features()[1]).containsExactly(11.0, 21.0);
    assertThat(d.labels()).containsExactly(1, 0);
  }

  @Test
  void targetMayBeTheLastColumn() throws IOException {
    Path file = csv("last.csv", "x1,x2,y\n10,20,1\n11,21,0\n");
    Dataset d = CsvDatasets.read(file, "y");
    assertThat(d.featureNames()).containsExactly("x1", "x2");
    assertThat(d.features()[0]).containsExactly(10.0, 20.0);
    assertThat(d.labels()).containsExactly(1, 0);
  }

  @Test
  void numericLabelsSortAsNumbers() throws IOException {
    // Alphabetically "10" < "9"; numerically 9 < 10, so "9" is class 0.
    Path file = csv("num.csv", "x,y\n1,10\n2,9\n3,10\n");
    Dataset d = CsvDatasets.read(file, "y");
    assertThat(d.classLabels()).containsExactly("9", "10");
    assertThat(d.labels()).containsExactly(1, 0, 1);
  }

  @Test
  void textLabelsSortAlphabetically() throws IOException {
    Path file = csv("text.csv", "x,y\n1,yes\n2,no\n3,yes\n");
    Dataset d = CsvDatasets.read(file, "y");
    assertThat(d.classLabels()).containsExactly("no", "yes");
    assertThat(d.labels()).containsExactly(1, 0, 1);
  }

  @Test
  void negativeZeroAndZeroNameOneClass() throws IOException {
    // "-0", "0" and "0.0" are all the number zero; with "1" that makes two classes, "0" and "1".
    Path file = csv("zeros.csv", "x,y\n1,-0\n2,0\n3,1\n4,0.0\n");
    Dataset d = CsvDatasets.read(file, "y");
    assertThat(d.classLabels()).containsExactly("0", "1");
    assertThat(d.labels()).containsExactly(0, 0, 1, 0);
  }

  @Test
  void nonNumericFeatureNamesFileLineAndColumn() throws IOException {
    Path file = csv("bad.csv", "a,b,y\n1,2,0\n3,abc,1\n");
    assertThatThrownBy(() -> CsvDatasets.read(file, "y"))
        .isInstanceOf(DataException.class)
        .hasMessageContaining(file.toString())
        .hasMessageContaining("line 3")
        .hasMessageContaining("column 'b'")
        .hasMessageContaining("'abc'");
  }

  @Test
  void infiniteOrNaNFeatureIsRejected() throws IOException {
    Path nan = csv("nan.csv", "a,y\nNaN,0\n1,1\n");
    assertThatThrownBy(() -> CsvDatasets.read(nan, "y"))
        .isInstanceOf(DataException.class)
        .hasMessageContaining("line 2")
        .hasMessageContaining("not a finite number");
    Path inf = csv("inf.csv", "a,y\n1,0\nInfinity,1\n");
    assertThatThrownBy(() -> CsvDatasets.read(inf, "y"))
        .isInstanceOf(DataException.class)
        .hasMessageContaining("line 3");
  }

  @Test
  void missingFeatureValueNamesLineAndColumn() throws IOException {
    Path file = csv("missing.csv", "a,b,y\n1,2,0\n3,4,1\n5,,0\n");
    assertThatThrownBy(() -> CsvDatasets.read(file, "y"))
        .isInstanceOf(DataException.class)
        .hasMessageContaining(file.toString())
        .hasMessageContaining("line 4")
        .hasMessageContaining("column 'b'")
        .hasMessageContaining("missing value");
  }

  @Test
  void missingTargetValueNamesLine() throws IOException {
    Path file = csv("notarget.csv", "a,y\n1,0\n2,\n");
    assertThatThrownBy(() -> CsvDatasets.read(file, "y"))
        .isInstanceOf(DataException.class)
        .hasMessageContaining("line 3")
        .hasMessageContaining("column 'y'")
        .hasMessageContaining("missing target value");
  }

  @Test
  void errorLineNumbersCountBlankLines() throws IOException {
    // Line 1 header, line 2 data, line 3 blank, line 4 the bad value.
    Path file = csv("blank.csv", "a,y\n1,0\n\nxyz,1\n");
    assertThatThrownBy(() -> CsvDatasets.read(file, "y"))
        .isInstanceOf(DataException.class)
        .hasMessageContaining("line 4,");
  }

  @Test
  void raggedRowIsRejectedWithItsLine() throws IOException {
    Path shortRow = csv("short.csv", "a,b,y\n1,2,0\n3,1\n");
    assertThatThrownBy(() -> CsvDatasets.read(shortRow, "y"))
        .isInstanceOf(DataException.class)
        .hasMessageContaining("line 3 has 2 fields but the header has 3");
    Path longRow = csv("long.csv", "a,b,y\n1,2,0,9\n3,4,1\n");
    assertThatThrownBy(() -> CsvDatasets.read(longRow, "y"))
        .isInstanceOf(DataException.class)
        .hasMessageContaining("line 2 has 4 fields but the header has 3");
  }

  @Test
  void missingTargetColumnListsTheColumns() throws IOException {
    Path file = csv("cols.csv", "a,b,label\n1,2,0\n3,4,1\n");
    assertThatThrownBy(() -> CsvDatasets.read(file, "target"))
        .isInstanceOf(DataException.class)
        .hasMessageContaining("no target column 'target'")
        .hasMessageContaining("columns are a, b, label");
  }

  @Test
  void headerOnlyIsRejected() throws IOException {
    Path file = csv("header.csv", "a,b,y\n");
    assertThatThrownBy(() -> CsvDatasets.read(file, "y"))
        .isInstanceOf(DataException.class)
        .hasMessageContaining(file.toString())
        .hasMessageContaining("header but no data rows");
  }

  @Test
  void emptyFileIsRejected() throws IOException {
    Path file = csv("empty.csv", "");
    assertThatThrownBy(() -> CsvDatasets.read(file, "y"))
        .isInstanceOf(DataException.class)
        .hasMessageContaining(file.toString())
        .hasMessageContaining("empty");
  }

  @Test
  void missingFileAndDirectoryAreRejected() {
    assertThatThrownBy(() -> CsvDatasets.read(dir.resolve("nope.csv"), "y"))
        .isInstanceOf(DataException.class)
        .hasMessageContaining("no such file");
    assertThatThrownBy(() -> CsvDatasets.read(dir, "y"))
        .isInstanceOf(DataException.class)
        .hasMessageContaining("is a directory");
  }

  @Test
  void singleClassIsRejected() throws IOException {
    Path file = csv("one.csv", "a,y\n1,1\n2,1.0\n3,1\n");
    assertThatThrownBy(() -> CsvDatasets.read(file, "y"))
        .isInstanceOf(DataException.class)
        .hasMessageContaining("single class [1]");
  }

  @Test
  void moreThanTwoClassesIsRejected() throws IOException {
    Path file = csv("three.csv", "a,y\n1,0\n2,1\n3,2\n");
    assertThatThrownBy(() -> CsvDatasets.read(file, "y"))
        .isInstanceOf(DataException.class)
        .hasMessageContaining("has 3 classes")
        .hasMessageContaining("binary");
  }

  @Test
  void readLikeMapsTestLabelsToTheTrainingClasses() throws IOException {
    Dataset train = CsvDatasets.read(csv("train.csv", "a,b,y\n1,2,0\n3,4,1\n"), "y");
    // Only class "1" occurs in the test file, written as "1.0": allowed, index 1.
    Dataset test = CsvDatasets.readLike(csv("test.csv", "a,b,y\n5,6,1.0\n7,8,1\n"), "y", train);
    assertThat(test.classLabels()).containsExactly("0", "1");
    assertThat(test.labels()).containsExactly(1, 1);
    assertThat(test.features()[1]).containsExactly(7.0, 8.0);
  }

  @Test
  void readLikeRejectsDifferentColumns() throws IOException {
    Dataset train = CsvDatasets.read(csv("train.csv", "a,b,y\n1,2,0\n3,4,1\n"), "y");
    Path test = csv("test.csv", "a,c,y\n5,6,1\n7,8,0\n");
    assertThatThrownBy(() -> CsvDatasets.readLike(test, "y", train))
        .isInstanceOf(DataException.class)
        .hasMessageContaining("[a, c]")
        .hasMessageContaining("differ from the training set's [a, b]");
    Path reordered = csv("reordered.csv", "b,a,y\n5,6,1\n7,8,0\n");
    assertThatThrownBy(() -> CsvDatasets.readLike(reordered, "y", train))
        .isInstanceOf(DataException.class);
  }

  @Test
  void readLikeRejectsAnUnseenLabel() throws IOException {
    Dataset train = CsvDatasets.read(csv("train.csv", "a,y\n1,0\n3,1\n"), "y");
    Path test = csv("test.csv", "a,y\n5,1\n7,2\n");
    assertThatThrownBy(() -> CsvDatasets.readLike(test, "y", train))
        .isInstanceOf(DataException.class)
        .hasMessageContaining("line 3")
        .hasMessageContaining("label '2' does not occur in the training set [0, 1]");
  }
}
