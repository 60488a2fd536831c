package dev.trialbase.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.trialbase.api.Dataset;
import dev.trialbase.api.Task;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The format-independent side, through a plugin-like format that declares its columns (as
 * ARFF does): the choice of format, declared classes, task overrides by value, and test sets
 * whose declared values differ from training.
 */
class DeclaredFormatTest {

  private static final FormatLookup FORMATS = () -> List.of(new DeclaredFormat());

  @TempDir
  Path dir;
  private CsvFiles files;

  @BeforeEach
  void setUp() {
    files = new CsvFiles(dir);
  }

  private static Dataset train(Path file, DataRequest request) {
    return DataFiles.readTrain(file, request, FORMATS);
  }

  @Test
  void theFormatIsChosenBySuffixOrByName() throws IOException {
    Path decl = files.write("d.decl", "x:numeric,y:a|b\n1,a\n2,b\n");
    assertThat(train(decl, DataRequest.defaults()).classLabels()).containsExactly("a", "b");
    Path named = files.write("d.txt", "x:numeric,y:a|b\n1,a\n2,b\n");
    assertThat(train(named, new DataRequest(null, null, null, "declared")).size()).isEqualTo(2);
    Path csvByName = files.write("data.txt", "x,y\n1,a\n2,b\n");
    assertThat(train(csvByName, new DataRequest(null, null, null, "csv")).size()).isEqualTo(2);
  }

  @Test
  void anUnknownFormatListsTheKnownOnes() throws IOException {
    Path xyz = files.write("data.xyz", "x");
    assertThatThrownBy(() -> train(xyz, DataRequest.defaults()))
        .isInstanceOf(DataException.class)
        .hasMessage(xyz + ": no data format for '.xyz'; known formats: csv (.csv),"
            + " declared (.decl) (set data.format to choose one)");
    Path none = files.write("data", "x");
    assertThatThrownBy(() -> train(none, DataRequest.defaults()))
        .hasMessageContaining(": no data format for a file name without a suffix;");
    assertThatThrownBy(() -> train(xyz, new DataRequest(null, null, null, "arff")))
        .hasMessage(xyz + ": no data format 'arff'; known formats: csv (.csv), declared (.decl)");
    assertThatThrownBy(() -> DataFiles.readTrain(xyz, DataRequest.defaults(),
        FormatLookup.builtIn()))
        .hasMessage(xyz + ": no data format for '.xyz'; known formats: csv (.csv)"
            + " (set data.format to choose one)");
  }

  @Test
  void declaredButAbsentClassesAreKept() throws IOException {
    Path file = files.write("d.decl", "x:numeric,y:a|b|c\n1,c\n2,a\n3,c\n");
    Dataset d = train(file, DataRequest.defaults());
    assertThat(d.classLabels()).containsExactly("a", "b", "c");
    assertThat(d.labels()).containsExactly(2, 0, 2);
  }

  @Test
  void oneClassPresentIsAnErrorNamingIt() throws IOException {
    Path file = files.write("d.decl", "x:numeric,y:a|b|c\n1,b\n2,b\n");
    assertThatThrownBy(() -> train(file, DataRequest.defaults()))
        .isInstanceOf(DataException.class)
        .hasMessage(file + ": target column 'y' has a single class 'b' in its 2 rows;"
            + " classification needs at least two (declared: a, b, c)");
    Path one = files.write("one.decl", "x:numeric,y:a\n1,a\n2,a\n");
    assertThatThrownBy(() -> train(one, DataRequest.defaults()))
        .hasMessage(one + ": target column 'y' has a single class [a];"
            + " classification needs at least two");
  }

  @Test
  void aNumericTargetIsRegressionUnlessClassificationIsAsked() throws IOException {
    Path file = files.write("d.decl", "x:numeric,y:numeric\n1,2\n2,0.5\n3,2.0\n4,-0\n");
    Dataset regression = train(file, DataRequest.defaults());
    assertThat(regression.task()).isEqualTo(Task.REGRESSION);
    assertThat(regression.targets()).containsExactly(2.0, 0.5, 2.0, -0.0);
    Dataset classes = train(file, new DataRequest("y", Task.CLASSIFICATION, null, null));
    assertThat(classes.classLabels()).containsExactly("0", "0.5", "2");
    assertThat(classes.labels()).containsExactly(2, 1, 2, 0);
    // The positive class of a target made classes by value is checked once they are known.
    Path two = files.write("two.decl", "x:numeric,y:numeric\n1,2\n2,0.5\n");
    assertThat(train(two, new DataRequest("y", Task.CLASSIFICATION, "2", null)).classLabels())
        .containsExactly("0.5", "2");
    assertThatThrownBy(() -> train(two, new DataRequest("y", Task.CLASSIFICATION, "3", null)))
        .hasMessage(two + ": the positive class '3' is not a class of target column 'y';"
            + " classes are 0.5, 2");
  }

  @Test
  void aMissingTargetNamesLineAndColumn() throws IOException {
    Path file = files.write("d.decl", "y:a|b,x:numeric\na,1\n?,2\n");
    assertThatThrownBy(() -> train(file, DataRequest.target("y")))
        .hasMessage(file + ": line 3, column 'y': missing target value");
  }

  @Test
  void aPositiveClassOnARegressionTargetIsAnError() throws IOException {
    Path file = files.write("d.decl", "x:numeric,y:numeric\n1,2\n2,0.5\n");
    assertThatThrownBy(() -> train(file, new DataRequest(null, null, "2", null)))
        .hasMessage(file + ": a positive class '2' was given, but target column 'y' is numeric:"
            + " a regression target has no classes");
  }

  @Test
  void aTestFileMapsItsOwnDeclaredValuesToTheTrainingOnes() throws IOException {
    Dataset train = train(files.write("train.decl",
        "color:red|green|blue,n:numeric,y:no|yes\nred,1,no\nblue,2,yes\n"),
        DataRequest.defaults());
    // Another value order, an extra value 'pink', and 'n' declared nominal with numbers.
    TestSet test = DataFiles.readTest(files.write("test.decl",
        "y:yes|no|maybe,n:3|1,color:pink|blue|red\nyes,1,blue\nno,3,pink\nno,?,red\n"),
        train, DataRequest.defaults(), FORMATS);
    double[][] x = test.dataset().features();
    assertThat(x[0]).containsExactly(2.0, 1.0);
    assertThat(Dataset.isMissing(x[1][0])).isTrue();
    assertThat(x[1][1]).isEqualTo(3.0);
    assertThat(x[2][0]).isEqualTo(0.0);
    assertThat(Dataset.isMissing(x[2][1])).isTrue();
    assertThat(test.dataset().labels()).containsExactly(1, 0, 0);
    assertThat(test.unseenCount()).isEqualTo(1);
    // A class declared in the test file but not in training is fine until a row uses it.
    Path maybe = files.write("maybe.decl", "y:yes|no|maybe,n:numeric,color:red\nmaybe,1,red\n");
    assertThatThrownBy(() -> DataFiles.readTest(maybe, train, DataRequest.defaults(), FORMATS))
        .hasMessage(maybe + ": line 2, column 'y': class 'maybe' does not occur in the training"
            + " set; its classes are no, yes");
  }

  @Test
  void aNumericTestColumnMapsToNominalTrainingValuesByNumber() throws IOException {
    Dataset train = DataFiles.readTrain(files.write("train.csv", "code,y\n1,a\n2,b\nx,a\n"),
        DataRequest.defaults(), FORMATS);
    TestSet test = DataFiles.readTest(files.write("test.decl", "code:numeric,y:a|b\n2,a\n3,b\n"),
        train, DataRequest.defaults(), FORMATS);
    assertThat(test.dataset().features()[0]).containsExactly(1.0);
    assertThat(Dataset.isMissing(test.dataset().features()[1][0])).isTrue();
    assertThat(test.unseenValues()).containsEntry("code", 1L);
  }
}
