package dev.trialbase.plugins.weka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.trialbase.api.Attribute;
import dev.trialbase.api.Attribute.Kind;
import dev.trialbase.api.DataFormatException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ArffFormatTest {

  @TempDir
  Path dir;

  private Path file(String text) throws IOException {
    return Files.writeString(dir.resolve("data.arff"), text);
  }

  private String failure(String text) throws Exception {
    Path file = file(text);
    try {
      Collected.arff(file);
    } catch (DataFormatException e) {
      return e.getMessage();
    }
    throw new AssertionError("expected a DataFormatException for:\n" + text);
  }

  @Test
  void namesSuffixAndDescription() {
    ArffFormat arff = new ArffFormat();
    assertThat(arff.name()).isEqualTo("arff");
    assertThat(arff.suffixes()).containsExactly(".arff");
    assertThat(arff.description()).contains("ARFF");
  }

  /** Every cell of every example file, against the naive independent reading of the file. */
  @ParameterizedTest
  @ValueSource(strings = {"iris", "breast-cancer", "credit-g", "diabetes"})
  void everyCellOfWekasExamplesIsAsTheFileSays(String name) throws Exception {
    Collected read = Collected.example(name);
    NaiveArff expected = NaiveArff.read(Collected.EXAMPLES.resolve(name + ".arff"));

    assertThat(read.columns).isEqualTo(expected.attributes);
    assertThat(read.rows).hasSameSizeAs(expected.rows);
    for (int i = 0; i < expected.rows.size(); i++) {
      // containsExactly compares with Double.equals, so NaN (missing) matches NaN.
      assertThat(read.rows.get(i)).as("row %d", i).containsExactly(expected.rows.get(i));
    }
    assertThat(read.lines).isEqualTo(expected.lines);
  }

  @Test
  void irisHasFourNumericAttributesAndThreeClassesInDeclaredOrder() throws Exception {
    Collected iris = Collected.example("iris");

    assertThat(iris.columns).extracting(Attribute::kind).containsExactly(
        Kind.NUMERIC, Kind.NUMERIC, Kind.NUMERIC, Kind.NUMERIC, Kind.NOMINAL);
    assertThat(iris.columns.get(4)).isEqualTo(Attribute.nominal("class",
        List.of("Iris-setosa", "Iris-versicolor", "Iris-virginica")));
    assertThat(iris.rows).hasSize(150);
    // The first instance is on line 73 of the file: 5.1,3.5,1.4,0.2,Iris-setosa
    assertThat(iris.lines.get(0)).isEqualTo(73);
    assertThat(iris.rows.get(0)).containsExactly(5.1, 3.5, 1.4, 0.2, 0.0);
    assertThat(iris.lastColumnAsTarget().classCount()).isEqualTo(3);
  }

  /**
   * Missing counts, counted apart from any reader: {@code grep -n '?' breast-cancer.arff}
   * lists 9 data lines, 8 with {@code ?} in the 5th field (node-caps) and line 346 in the
   * 8th (breast-quad). The other three files have no {@code ?} in their data.
   */
  @Test
  void breastCancerKeepsItsNineMissingCellsWhereTheFileHasThem() throws Exception {
    Collected cancer = Collected.example("breast-cancer");

    assertThat(cancer.columns).extracting(Attribute::kind).containsOnly(Kind.NOMINAL);
    assertThat(cancer.columns.get(0).values()).containsExactly("10-19", "20-29", "30-39",
        "40-49", "50-59", "60-69", "70-79", "80-89", "90-99");
    assertThat(cancer.columns.get(9)).isEqualTo(Attribute.nominal("Class",
        List.of("no-recurrence-events", "recurrence-events")));
    int[] missing = new int[cancer.columns.size()];
    for (int j = 0; j < missing.length; j++) {
      missing[j] = cancer.missing(j);
    }
    assertThat(missing).containsExactly(0, 0, 0, 0, 8, 0, 0, 1, 0, 0);
    int row346 = cancer.lines.indexOf(346L);
    assertThat(cancer.rows.get(row346)[7]).isNaN();
    for (String other : List.of("iris", "credit-g", "diabetes")) {
      Collected data = Collected.example(other);
      for (int j = 0; j < data.columns.size(); j++) {
        assertThat(data.missing(j)).as(other + " column " + j).isZero();
      }
    }
  }

  @Test
  void creditGMixesNumericAndNominalAndHasTwoClasses() throws Exception {
    Collected credit = Collected.example("credit-g");

    assertThat(credit.columns).hasSize(21);
    assertThat(credit.columns.stream().filter(Attribute::isNumeric).count()).isEqualTo(7);
    assertThat(credit.columns.get(0)).isEqualTo(Attribute.nominal("checking_status",
        List.of("<0", "0<=X<200", ">=200", "no checking")));
    assertThat(credit.columns.get(20).values()).containsExactly("good", "bad");
    // 700 good, 300 bad: grep -c 'good$' / 'bad$' on the data lines.
    long good = credit.rows.stream().filter(r -> r[20] == 0.0).count();
    assertThat(good).isEqualTo(700);
    assertThat(credit.rows).hasSize(1000);
  }

  @Test
  void diabetesIsNumericWithTextClassLabels() throws Exception {
    Collected diabetes = Collected.example("diabetes");

    assertThat(diabetes.columns.subList(0, 8)).allMatch(Attribute::isNumeric);
    assertThat(diabetes.columns.get(8).values())
        .containsExactly("tested_negative", "tested_positive");
    assertThat(diabetes.rows).hasSize(768);
  }

  @Test
  void sparseInstancesAreMadeDenseWithWekasZeros() throws Exception {
    Collected sparse = Collected.arff(file("""
        @relation s
        @attribute a numeric
        @attribute b {x, y}
        @attribute c numeric
        @data
        {0 1.5, 2 3}
        {1 y}

        {1 ?}
        {}
        """));

    assertThat(sparse.rows).containsExactly(new double[] {1.5, 0, 3}, new double[] {0, 1, 0},
        new double[] {0, Double.NaN, 0}, new double[] {0, 0, 0});
    assertThat(sparse.lines).containsExactly(6L, 7L, 9L, 10L);
  }

  @Test
  void datesAreWekasMillisecondsSinceTheEpoch() throws Exception {
    Collected dated = Collected.arff(file("""
        @relation d
        @attribute when date "yyyy-MM-dd HH:mm:ss"
        @attribute k {a, b}
        @data
        "2020-01-02 00:00:00", a
        "1970-01-01 00:00:01", b
        """));

    assertThat(dated.columns.get(0)).isEqualTo(Attribute.numeric("when"));
    // Weka parses dates in the JVM's time zone, as Weka itself does when run on the file.
    long millis = java.time.LocalDateTime.of(2020, 1, 2, 0, 0)
        .atZone(java.time.ZoneId.systemDefault()).toInstant().toEpochMilli();
    assertThat(dated.rows.get(0)[0]).isEqualTo((double) millis);
  }

  @Test
  void aFileWithoutInstancesHasColumnsAndNoRows() throws Exception {
    Collected empty = Collected.arff(file("""
        @relation e
        @attribute a numeric
        @attribute c {x, y}
        @data
        """));

    assertThat(empty.columns).hasSize(2);
    assertThat(empty.rows).isEmpty();
  }

  @Test
  void malformedHeaderNamesItsLine() throws Exception {
    assertThat(failure("""
        % a comment
        @relation broken
        @attribute a numeric
        @attribute b {x, y
        @attribute c numeric
        @data
        1,x,2
        """)).isEqualTo("line 4: } expected at end of enumeration (found the end of the line)");
    assertThat(failure("""
        @relation broken
        @attribute a numeric
        @attribute b bogus
        @data
        """)).isEqualTo("line 3: no valid attribute type or invalid enumeration (found 'bogus')");
    assertThat(failure("a,b,class\n1,2,x\n"))
        .isEqualTo("line 1: keyword @relation expected (found 'a')");
    assertThat(failure("")).startsWith("line 1: premature end of file");
  }

  @Test
  void headerDeclaringANameOrValueTwiceIsRefused() throws Exception {
    assertThat(failure("@relation d\n@attribute a numeric\n@attribute a numeric\n@data\n"))
        .startsWith("header: ").contains("'a'");
    assertThat(failure("@relation d\n@attribute a {x, x}\n@data\n"))
        .startsWith("header: ").contains("(a)", "(x)");
  }

  @Test
  void malformedDataLinesNameTheirLine() throws Exception {
    String header = "@relation t\n@attribute a numeric\n@attribute b {x, y}\n@data\n";
    assertThat(failure(header + "1,x\n\n2,z\n"))
        .isEqualTo("line 7: nominal value not declared in header (found 'z')");
    assertThat(failure(header + "1,x\n2\n"))
        .isEqualTo("line 6: premature end of line (found the end of the line)");
    assertThat(failure(header + "abc,x\n")).isEqualTo("line 5: number expected (found 'abc')");
    assertThat(failure(header + "{7 1}\n")).isEqualTo("line 5: index out of bounds (found '7')");
  }

  @Test
  void stringAndRelationalAttributesAreRefusedByName() throws Exception {
    assertThat(failure("""
        @relation s
        @attribute id string
        @attribute a numeric
        @data
        'r1', 1
        """)).startsWith("attribute 'id' is a string attribute").contains("StringToNominal");
    assertThat(failure("""
        @relation r
        @attribute bag relational
          @attribute v numeric
        @end bag
        @attribute class {p, n}
        @data
        """)).startsWith("attribute 'bag' is relational");
  }

  @Test
  void instanceWeightsOtherThanOneAreRefusedWithTheirLine() throws Exception {
    String header = "@relation t\n@attribute a numeric\n@attribute b {x, y}\n@data\n";
    assertThat(Collected.arff(file(header + "1,x,{1}\n")).rows).hasSize(1);
    assertThat(failure(header + "1,x\n2,y,{2.5}\n")).isEqualTo(
        "line 6: instance weight 2.5 is not supported: Trialbase weighs every row the same");
  }

  @Test
  void anUnreadableFileIsAnIoErrorNotAFormatError() {
    assertThatThrownBy(() -> Collected.arff(dir.resolve("absent.arff")))
        .isInstanceOf(IOException.class);
  }
}
