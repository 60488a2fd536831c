package dev.trialbase.plugins.weka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.trialbase.api.Attribute;
import dev.trialbase.api.Dataset;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import weka.core.Instance;
import weka.core.Instances;

class WekaDataTest {

  private static final double NA = Dataset.MISSING;

  private static final Dataset MIXED = new Dataset(
      List.of(Attribute.numeric("age"), Attribute.nominal("colour", List.of("red", "green",
          "blue"))),
      Attribute.nominal("class", List.of("no", "yes", "maybe")),
      new double[][] {{31.5, 2}, {NA, 0}, {40, NA}},
      new double[] {1, 0, 2});

  @Test
  void headerKeepsKindsValueOrderAndPutsTheClassLast() {
    Instances header = WekaData.header(MIXED);

    assertThat(header.numAttributes()).isEqualTo(3);
    assertThat(header.numInstances()).isZero();
    assertThat(header.attribute(0).isNumeric()).isTrue();
    assertThat(header.attribute(0).name()).isEqualTo("age");
    assertThat(header.attribute(1).isNominal()).isTrue();
    assertThat(Collections.list(header.attribute(1).enumerateValues()))
        .containsExactly("red", "green", "blue");
    assertThat(header.classIndex()).isEqualTo(2);
    assertThat(header.classAttribute().name()).isEqualTo("class");
    assertThat(Collections.list(header.classAttribute().enumerateValues()))
        .containsExactly("no", "yes", "maybe");
  }

  @Test
  void instancesCarryEveryCellAndMissingStaysMissing() {
    Instances data = WekaData.instances(WekaData.header(MIXED), MIXED);

    assertThat(data.numInstances()).isEqualTo(3);
    assertThat(data.instance(0).toDoubleArray()).containsExactly(31.5, 2, 1);
    assertThat(data.instance(0).stringValue(1)).isEqualTo("blue");
    assertThat(data.instance(0).stringValue(2)).isEqualTo("yes");
    assertThat(data.instance(1).isMissing(0)).isTrue();
    assertThat(data.instance(2).isMissing(1)).isTrue();
    assertThat(data.instance(2).classValue()).isEqualTo(2);
    assertThat(data.attributeStats(0).missingCount).isEqualTo(1);
  }

  @Test
  void aNumericTargetBecomesANumericClass() {
    Dataset regression = Dataset.regression(List.of("x"), new double[][] {{1}, {2}},
        new double[] {0.5, -3.25});

    Instances data = WekaData.instances(WekaData.header(regression), regression);

    assertThat(data.classAttribute().isNumeric()).isTrue();
    assertThat(data.classAttribute().name()).isEqualTo("target");
    assertThat(data.instance(1).classValue()).isEqualTo(-3.25);
  }

  @Test
  void predictionRowsHaveAMissingClassAndTheRightWidth() {
    Instances header = WekaData.header(MIXED);

    Instance row = WekaData.instance(header, new double[] {5, 1});

    assertThat(row.dataset()).isSameAs(header);
    assertThat(row.classIsMissing()).isTrue();
    assertThat(row.stringValue(1)).isEqualTo("green");
    assertThatThrownBy(() -> WekaData.instance(header, new double[] {5}))
        .hasMessage("a row has 1 features but the model was fitted on 2");
  }

  @Test
  void aFeatureNamedLikeTheTargetDoesNotClash() {
    Dataset clash = new Dataset(List.of(Attribute.numeric("y")),
        Attribute.nominal("y", List.of("a", "b")), new double[][] {{1}}, new double[] {0});

    Instances header = WekaData.header(clash);

    assertThat(header.attribute(0).name()).isEqualTo("y");
    assertThat(header.classAttribute().name()).isEqualTo("_y");
  }

  /** Dataset rows are shared by every fold: what Weka does to its instances stays in Weka. */
  @Test
  void wekaWritingIntoItsInstancesLeavesTheDatasetAlone() {
    double[][] features = {{31.5, 2}, {NA, 0}, {40, NA}};
    Dataset shared = new Dataset(MIXED.attributes(), MIXED.target(), features, MIXED.targets());
    Instances data = WekaData.instances(WekaData.header(shared), shared);

    data.instance(0).setValue(0, 99.0);
    data.instance(1).setValue(0, 1.0);

    assertThat(features[0]).containsExactly(31.5, 2);
    assertThat(features[1][0]).isNaN();
  }
}
