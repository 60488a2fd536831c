package dev.trialbase.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BoxStatsTest {

  @Test
  void quartilesInterpolateAsNumpyPercentileDoes() {
    // numpy.percentile([0.8, 0.9, 0.85, 0.7, 0.75], [0, 25, 50, 75, 100])
    //   -> [0.7, 0.75, 0.8, 0.85, 0.9]
    assertThat(BoxStats.of(new double[] {0.8, 0.9, 0.85, 0.7, 0.75}).asArray())
        .containsExactly(0.7, 0.75, 0.8, 0.85, 0.9);
    // numpy.percentile([4, 1, 3, 2], [0, 25, 50, 75, 100]) -> [1, 1.75, 2.5, 3.25, 4]
    assertThat(BoxStats.of(new double[] {4, 1, 3, 2}).asArray())
        .containsExactly(1, 1.75, 2.5, 3.25, 4);
  }

  @Test
  void missingFoldScoresAreLeftOut() {
    assertThat(BoxStats.of(new double[] {Double.NaN, 2, Double.NaN}).asArray())
        .containsExactly(2, 2, 2, 2, 2);
    assertThat(BoxStats.of(new double[] {Double.NaN})).isNull();
  }
}
