package dev.trialbase.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.trialbase.api.Dataset;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading a test CSV file aligned to its training set. */
class DataFilesTestSetTest {

  @TempDir
  Path dir;
  private CsvFiles files;

  @BeforeEach
  void setUp() {
    files = new CsvFiles(dir);
  }

  private Dataset train(String text) throws IOException {
    return DataFiles.readTrain(files.write("train.csv", text), DataRequest.target("y"),
        FormatLookup.builtIn());
  }

  private static TestSet test(Path file, Dataset train) {
    return DataFiles.readTest(file, train, DataRequest.target("y"), FormatLookup.builtIn());
  }

  @Test
  void labelsMapToTheTrainingClasses() throws IOException {
    Dataset train = train("a,b,y\n1,2,0\n3,4,1\n");
    // Only class "1" occurs in the test file, once written as "1.0": the same number as the
    // one training class "1", so index 1.
    TestSet test = test(files.write("test.csv", "a,b,y\n5,6,1.0\n7,8,1\n"), train);
    assertThat(test.dataset().classLabels()).containsExactly("0", "1");
    assertThat(test.dataset().labels()).containsExactly(1, 1);
    assertThat(test.dataset().features()[1]).containsExactly(7.0, 8.0);
    assertThat(test.unseenCount()).isZero();
  }

  @Test
  void columnsAreMatchedByNameInAnyOrder() throws IOException {
    Dataset train = train("a,color,b,y\n1,red,2,no\n3,blue,4,yes\n");
    TestSet test = test(files.write("test.csv", "y,b,color,a\nyes,6,blue,5\nno,8,red,7\n"),
        train);
    Dataset d = test.dataset();
    assertThat(d.attributes()).isEqualTo(train.attributes());
    assertThat(d.target()).isEqualTo(train.target());
    assertThat(d.features()[0]).containsExactly(5.0, 0.0, 6.0);
    assertThat(d.features()[1]).containsExactly(7.0, 1.0, 8.0);
    assertThat(d.labels()).containsExactly(1, 0);
  }

  @Test
  void missingAndExtraColumnsAreNamed() throws IOException {
    Dataset train = train("a,b,y\n1,2,0\n3,4,1\n");
    Path missing = files.write("missing.csv", "a,y\n5,1\n");
    assertThatThrownBy(() -> test(missing, train))
        .isInstanceOf(DataException.class)
        .hasMessage(missing + ": missing training column b (training columns: a, b, y)");
    Path extra = files.write("extra.csv", "a,b,c,y\n5,6,7,1\n");
    assertThatThrownBy(() -> test(extra, train))
        .hasMessage(extra + ": column c not in the training set (training columns: a, b, y)");
    Path both = files.write("both.csv", "a,c,d\n5,6,7\n");
    assertThatThrownBy(() -> test(both, train))
        .hasMessage(both + ": missing training columns b, y; columns c, d not in the training"
            + " set (training columns: a, b, y)");
  }

  @Test
  void anUnseenNominalFeatureValueIsMissingAndCounted() throws IOException {
    Dataset train = train("color,size,y\nred,S,0\nblue,M,1\n");
    TestSet test = test(files.write("test.csv",
        "color,size,y\ngreen,S,0\nred,XL,1\ngreen,?,1\nblue,M,0\n"), train);
    double[][] x = test.dataset().features();
    assertThat(Dataset.isMissing(x[0][0])).isTrue();
    assertThat(x[0][1]).isEqualTo(1.0);
    assertThat(x[1][0]).isEqualTo(1.0);
    assertThat(Dataset.isMissing(x[1][1])).isTrue();
    assertThat(x[3]).containsExactly(0.0, 0.0);
    // The '?' on line 4 was missing already: not counted as unseen.
    assertThat(test.unseenValues()).isEqualTo(Map.of("color", 2L, "size", 1L));
    assertThat(test.warnings(Path.of("t.csv"))).containsExactly(
        "t.csv: column 'color': 2 values not seen in training, read as missing",
        "t.csv: column 'size': 1 value not seen in training, read as missing");
  }

  @Test
  void anUnseenClassIsAnErrorNamingLineColumnAndClasses() throws IOException {
    Dataset train = train("a,y\n1,0\n3,1\n");
    Path test = files.write("test.csv", "a,y\n5,1\n7,2\n");
    assertThatThrownBy(() -> test(test, train))
        .isInstanceOf(DataException.class)
        .hasMessage(test + ": line 3, column 'y': class '2' does not occur in the training set;"
            + " its classes are 0, 1");
    Dataset text = train("a,y\n1,no\n3,yes\n");
    Path maybe = files.write("maybe.csv", "a,y\n5,yes\n\n7,maybe\n");
    assertThatThrownBy(() -> test(maybe, text))
        .hasMessage(maybe + ": line 4, column 'y': class 'maybe' does not occur in the training"
            + " set; its classes are no, yes");
  }

  @Test
  void aMissingTestTargetIsAnError() throws IOException {
    Dataset train = train("a,y\n1,no\n3,yes\n");
    Path test = files.write("test.csv", "a,y\n5,yes\n7,NA\n");
    assertThatThrownBy(() -> test(test, train))
        .hasMessage(test + ": line 3, column 'y': missing target value ('NA')");
  }

  @Test
  void aTestColumnTypedDifferentlyStillMapsByText() throws IOException {
    // In training 'code' holds text, so it is nominal; the test file's cells are all numbers.
    // Labels '01' and '1' are two different training values and map by their exact text.
    Dataset train = train("code,y\n01,a\n1,b\nx,a\n");
    assertThat(train.attributes().get(0).values()).containsExactly("01", "1", "x");
    TestSet test = test(files.write("test.csv", "code,y\n1,a\n01,b\n2,a\n"), train);
    assertThat(test.dataset().features()[0]).containsExactly(1.0);
    assertThat(test.dataset().features()[1]).containsExactly(0.0);
    assertThat(Dataset.isMissing(test.dataset().features()[2][0])).isTrue();
  }

  @Test
  void aNonNumberInATrainingNumericColumnIsAnError() throws IOException {
    Dataset train = train("a,b,y\n1,2,0\n3,4,1\n");
    Path test = files.write("test.csv", "a,b,y\n5,6,1\n7,?,0\n8,eight,1\n");
    assertThatThrownBy(() -> test(test, train))
        .hasMessage(test + ": line 4, column 'b': 'eight' is not a number, but the training"
            + " set's column is numeric");
  }

  @Test
  void aRegressionTestTargetKeepsItsValues() throws IOException {
    StringBuilder text = new StringBuilder("x,y\n");
    for (int i = 0; i < 30; i++) {
      text.append(i).append(',').append(i * 1.5).append('\n');
    }
    Dataset train = train(text.toString());
    TestSet test = test(files.write("test.csv", "y,x\n2.5,1\n-1e3,2\n"), train);
    assertThat(test.dataset().targets()).containsExactly(2.5, -1000.0);
    assertThat(test.dataset().features()[1]).containsExactly(2.0);
  }

  @Test
  void anEmptyTestFileIsRejected() throws IOException {
    Dataset train = train("a,y\n1,0\n3,1\n");
    Path header = files.write("header.csv", "a,y\n");
    assertThatThrownBy(() -> test(header, train))
        .hasMessage(header + ": the file has a header but no data rows");
  }
}
