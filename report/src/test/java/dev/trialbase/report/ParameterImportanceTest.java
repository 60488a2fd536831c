package dev.trialbase.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ParameterImportanceTest {

  @Test
  void etaSquaredIsTheBetweenGroupShareOfTheSumOfSquares() {
    // y = 1, 2, 3, 4; mean 2.5; SS_total = 2.25 + 0.25 + 0.25 + 2.25 = 5.
    // a = x, x, y, y: group means 1.5 and 3.5, SS_between = 2 * 1 + 2 * 1 = 4, eta2 = 0.8.
    // b = x, y, x, y: group means 2 and 3, SS_between = 2 * 0.25 + 2 * 0.25 = 1, eta2 = 0.2.
    // c = one value: SS_between = 0, eta2 = 0.
    List<Map<String, Object>> params = List.of(
        Map.of("a", "x", "b", "x", "c", 1L), Map.of("a", "x", "b", "y", "c", 1L),
        Map.of("a", "y", "b", "x", "c", 1L), Map.of("a", "y", "b", "y", "c", 1L));
    List<ParameterImportance.Share> shares = ParameterImportance.of(List.of("c", "b", "a"),
        Map.of("a", ParamAxis.CATEGORY, "b", ParamAxis.CATEGORY, "c", ParamAxis.CATEGORY),
        params, new double[] {1, 2, 3, 4});
    assertThat(shares).extracting(ParameterImportance.Share::param).containsExactly("a", "b", "c");
    assertThat(shares.get(0).eta2()).isCloseTo(0.8, within(1e-12));
    assertThat(shares.get(1).eta2()).isCloseTo(0.2, within(1e-12));
    assertThat(shares.get(2).eta2()).isZero();
    assertThat(shares).extracting(ParameterImportance.Share::groups).containsExactly(2, 2, 1);
  }

  @Test
  void aNumericParameterWithManyValuesIsCutIntoDecilesAndTiesStayTogether() {
    // 40 trials: x = 0..19 twice; y = 1 for x >= 10, else 0. Deciles of x are bins of two
    // values each (both copies of a value land in the same bin), so every bin is pure in y and
    // eta2 is 1: the step is explained exactly.
    List<Map<String, Object>> params = new ArrayList<>();
    double[] y = new double[40];
    for (int i = 0; i < 40; i++) {
      Map<String, Object> p = new HashMap<>();
      p.put("x", (double) (i % 20));
      params.add(p);
      y[i] = i % 20 >= 10 ? 1 : 0;
    }
    ParameterImportance.Share share = ParameterImportance.of(List.of("x"),
        Map.of("x", ParamAxis.LOG), params, y).get(0);
    assertThat(share.groups()).isEqualTo(ParameterImportance.BINS);
    assertThat(share.eta2()).isCloseTo(1.0, within(1e-12));
  }

  @Test
  void nullAndAbsentValuesAreGroupsOfTheirOwn() {
    Map<String, Object> none = new HashMap<>();
    none.put("p", null);
    List<Map<String, Object>> params = List.of(none, Map.of("p", "l2"), Map.of());
    ParameterImportance.Share share = ParameterImportance.of(List.of("p"),
        Map.of("p", ParamAxis.CATEGORY), params, new double[] {0, 1, 2}).get(0);
    assertThat(share.groups()).isEqualTo(3);
    assertThat(share.eta2()).isCloseTo(1.0, within(1e-12));
  }

  @Test
  void fewerThanTwoTrialsGiveNoShares() {
    assertThat(ParameterImportance.of(List.of("a"), Map.of(), List.of(Map.of("a", 1L)),
        new double[] {0.5})).isEmpty();
  }
}
