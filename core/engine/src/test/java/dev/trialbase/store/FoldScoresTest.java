package dev.trialbase.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Packed fold scores give back exactly the doubles written, and null where undefined. */
class FoldScoresTest {

  @Test
  void encodesAsAJsonArrayWithNullForWhatIsNotFinite() {
    assertThat(FoldScores.encode(new double[] {0.5, Double.NaN, 1.0, -0.0,
        Double.POSITIVE_INFINITY, 1e-300})).isEqualTo("[0.5,null,1.0,-0.0,null,1.0E-300]");
    assertThat(FoldScores.encode(new double[0])).isEqualTo("[]");
  }

  @Test
  void randomDoublesSurviveTheRoundTripBitForBit() {
    SplittableRandom random = new SplittableRandom(16);
    for (int n = 0; n < 2000; n++) {
      double[] values = new double[1 + random.nextInt(10)];
      for (int i = 0; i < values.length; i++) {
        double v = random.nextBoolean() ? random.nextDouble()
            : Double.longBitsToDouble(random.nextLong());
        values[i] = Double.isFinite(v) ? v : 0.25;
      }
      List<Double> back = FoldScores.decode(FoldScores.encode(values));
      assertThat(back.stream().mapToDouble(Double::doubleValue).toArray())
          .as(Arrays.toString(values)).isEqualTo(values);
    }
  }

  @Test
  void decodesWhatSqliteWritesToo() {
    // json_group_array's output for 0.1 + 0.2, a NULL and 1/3 * 1e-300 (SQLite 3.54).
    assertThat(FoldScores.decode("[0.30000000000000004,null,3.3333333333333334e-301]"))
        .containsExactly(0.1 + 0.2, null, 1e-300 / 3);
    assertThat(FoldScores.decode(" [ 1 , 2.5 ] ")).containsExactly(1.0, 2.5);
    assertThat(FoldScores.decode("[]")).isEmpty();
    assertThat(FoldScores.decode(null)).isEmpty();
  }

  @Test
  void somethingElseIsAStoreException() {
    assertThatThrownBy(() -> FoldScores.decode("0.5")).isInstanceOf(StoreException.class);
    assertThatThrownBy(() -> FoldScores.decode("[0.5,x]")).isInstanceOf(StoreException.class);
  }
}
