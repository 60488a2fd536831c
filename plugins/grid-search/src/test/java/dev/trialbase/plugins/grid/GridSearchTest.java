package dev.trialbase.plugins.grid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.trialbase.api.Distribution;
import dev.trialbase.api.Distribution.Categorical;
import dev.trialbase.api.Distribution.FloatRange;
import dev.trialbase.api.Distribution.IntRange;
import dev.trialbase.api.History;
import dev.trialbase.api.ParamSet;
import dev.trialbase.api.Proposer;
import dev.trialbase.api.SearchSpace;
import dev.trialbase.api.StrategyOptions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class GridSearchTest {

  private static final GridSearch GRID = new GridSearch();

  /** 3 x 2 x 4 = 24 points: a categorical, an int range with step, a float range. */
  private static SearchSpace mixedSpace() {
    Map<String, Distribution> p = new LinkedHashMap<>();
    p.put("solver", new Categorical(List.of("lbfgs", "cg", "newton-cg")));
    p.put("depth", new IntRange(2, 4, 2));
    p.put("C", new FloatRange(0.01, 10.0, true, 4));
    return new SearchSpace(p);
  }

  private static Optional<ParamSet> propose(Proposer proposer, long n) {
    return proposer.propose(n, new SplittableRandom(n), History.empty());
  }

  private static List<ParamSet> all(SearchSpace space) {
    Proposer proposer = GRID.start(space, StrategyOptions.defaults());
    List<ParamSet> points = new ArrayList<>();
    for (long n = 0; propose(proposer, n).isPresent(); n++) {
      points.add(propose(proposer, n).orElseThrow());
    }
    return points;
  }

  @Test
  void gridExhaustsEverySpacePointExactlyOnceThenStops() {
    Proposer proposer = GRID.start(mixedSpace(), StrategyOptions.defaults());

    List<ParamSet> points = all(mixedSpace());

    assertThat(proposer.size()).hasValue(24);
    assertThat(points).hasSize(24);
    assertThat(new HashSet<>(points)).hasSize(24);
    assertThat(propose(proposer, 24)).isEmpty();
    assertThat(propose(proposer, 1_000)).isEmpty();
  }

  @Test
  void everyProposalLiesInTheSpace() {
    SearchSpace space = mixedSpace();

    assertThat(all(space)).allSatisfy(p -> assertThat(space.contains(p)).isTrue());
  }

  @Test
  void lastDeclaredParameterVariesFastest() {
    Map<String, Distribution> p = new LinkedHashMap<>();
    p.put("a", new Categorical(List.of("x", "y")));
    p.put("b", new IntRange(0, 2, 1));

    List<String> order = all(new SearchSpace(p)).stream()
        .map(ps -> ps.get("a") + "" + ps.get("b"))
        .toList();

    assertThat(order).containsExactly("x0", "x1", "x2", "y0", "y1", "y2");
  }

  @Test
  void proposalsIgnoreRandomStreamAndHistory() {
    Proposer proposer = GRID.start(mixedSpace(), StrategyOptions.defaults());

    ParamSet a = proposer.propose(7, new SplittableRandom(1), History.empty()).orElseThrow();
    ParamSet b = proposer.propose(7, new SplittableRandom(99), History.empty()).orElseThrow();

    assertThat(a).isEqualTo(b);
  }

  @Test
  void intRangeTakesEveryStepUpToHigh() {
    SearchSpace space = new SearchSpace(Map.of("k", new IntRange(1, 10, 3)));

    assertThat(all(space)).extracting(ps -> ps.get("k")).containsExactly(1L, 4L, 7L, 10L);
  }

  @Test
  void logFloatPointsHitBothBoundsExactlyAndAreGeometric() {
    SearchSpace space = new SearchSpace(Map.of("C", new FloatRange(0.001, 1000.0, true, 7)));

    double[] c = all(space).stream().mapToDouble(ps -> (Double) ps.get("C")).toArray();

    assertThat(c).hasSize(7);
    assertThat(c[0]).isEqualTo(0.001);
    assertThat(c[6]).isEqualTo(1000.0);
    for (int i = 1; i < c.length; i++) {
      assertThat(c[i] / c[i - 1]).isCloseTo(10.0, within(1e-9));
    }
  }

  @Test
  void linearFloatPointsAreEvenlySpaced() {
    SearchSpace space = new SearchSpace(Map.of("x", new FloatRange(0.0, 1.0, false, 5)));

    assertThat(all(space)).extracting(ps -> (Double) ps.get("x"))
        .containsExactly(0.0, 0.25, 0.5, 0.75, 1.0);
  }

  @Test
  void singleGridPointIsTheLowBound() {
    SearchSpace space = new SearchSpace(Map.of("x", new FloatRange(0.3, 0.9, false, 1)));

    assertThat(all(space)).extracting(ps -> ps.get("x")).containsExactly(0.3);
  }

  @Test
  void continuousParameterWithoutPointsIsRejectedByName() {
    SearchSpace space = new SearchSpace(Map.of("C", new FloatRange(0.1, 10, true, 0)));

    assertThatThrownBy(() -> GRID.start(space, StrategyOptions.defaults()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("grid search needs 'points' for continuous parameter 'C'");
  }

  @Test
  void categoricalValuesKeepTheirTypesIncludingNull() {
    SearchSpace space = new SearchSpace(
        Map.of("penalty", new Categorical(Arrays.asList("l2", null, true, 3L, 0.5))));

    assertThat(all(space)).extracting(ps -> ps.get("penalty"))
        .containsExactly("l2", null, true, 3L, 0.5);
  }

  @Test
  void emptySpaceHasOneEmptyTrial() {
    List<ParamSet> points = all(new SearchSpace(Map.of()));

    assertThat(points).containsExactly(ParamSet.empty());
  }

  @Test
  void gridTooLargeToCountIsRejected() {
    Map<String, Distribution> p = new LinkedHashMap<>();
    p.put("a", new IntRange(0, Long.MAX_VALUE / 2, 1));
    p.put("b", new IntRange(0, 4, 1));

    assertThatThrownBy(() -> GRID.start(new SearchSpace(p), StrategyOptions.defaults()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'b'");
  }

  @Test
  void wideIntRangeIsDecodedWithoutListingIt() {
    SearchSpace space = new SearchSpace(Map.of("seed", new IntRange(0, 1_000_000_000_000L, 1)));
    Proposer proposer = GRID.start(space, StrategyOptions.defaults());

    assertThat(propose(proposer, 999_999_999_999L).orElseThrow().get("seed"))
        .isEqualTo(999_999_999_999L);
  }

  // Issue 17, items 2 and 28.

  private static List<Object> axis(Distribution d) {
    GridAxis axis = GridAxis.of("p", d);
    List<Object> values = new ArrayList<>();
    for (long i = 0; i < axis.size(); i++) {
      values.add(axis.value(i));
    }
    return values;
  }

  @Test
  void logGridsLandExactlyOnDecades() {
    assertThat(axis(new FloatRange(0.001, 1000, true, 7)))
        .containsExactly(0.001, 0.01, 0.1, 1.0, 10.0, 100.0, 1000.0);
    assertThat(axis(new FloatRange(1e-4, 1e4, true, 5)))
        .containsExactly(1e-4, 0.01, 1.0, 100.0, 1e4);
    // Between decades the points stay geometric: 10^-0.5 and 10^0.5.
    List<Object> halves = axis(new FloatRange(0.1, 10, true, 5));
    assertThat(halves.get(0)).isEqualTo(0.1);
    assertThat(halves.get(2)).isEqualTo(1.0);
    assertThat((Double) halves.get(1)).isCloseTo(Math.sqrt(0.1), within(1e-15));
    assertThat((Double) halves.get(3)).isCloseTo(Math.sqrt(10), within(1e-14));
  }

  @Test
  void aLinearGridOverNearlyTheWholeDoubleSpanIsEven() {
    List<Object> values = axis(new FloatRange(-1.6e308, 1.6e308, false, 5));
    assertThat(values.get(0)).isEqualTo(-1.6e308);
    assertThat((Double) values.get(1)).isCloseTo(-0.8e308, within(1e293));
    assertThat((Double) values.get(2)).isCloseTo(0.0, within(1e293));
    assertThat((Double) values.get(3)).isCloseTo(0.8e308, within(1e293));
    assertThat(values.get(4)).isEqualTo(1.6e308);
  }

  @Test
  void anIntGridWhoseSpanOverflowsALongStillCountsAndStepsCorrectly() {
    long e18 = 1_000_000_000_000_000_000L;
    List<Object> values = axis(new IntRange(-9 * e18, 9 * e18, e18));
    assertThat(values).hasSize(19);
    assertThat(values.get(0)).isEqualTo(-9 * e18);
    assertThat(values.get(9)).isEqualTo(0L);
    assertThat(values.get(18)).isEqualTo(9 * e18);
    // The widest range that still fits: 2^63 - 1 values.
    IntRange widest = new IntRange(Long.MIN_VALUE, Long.MAX_VALUE - 2, 2);
    assertThat(widest.size()).isEqualTo(Long.MAX_VALUE);
    assertThat(GridAxis.of("w", widest).value(Long.MAX_VALUE - 1)).isEqualTo(Long.MAX_VALUE - 3);
    assertThatThrownBy(() -> new IntRange(Long.MIN_VALUE, Long.MAX_VALUE, 1))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("holds more than");
  }
}
