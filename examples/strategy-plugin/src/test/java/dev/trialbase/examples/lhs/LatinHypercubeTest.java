package dev.trialbase.examples.lhs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.trialbase.api.Distribution;
import dev.trialbase.api.Distribution.Categorical;
import dev.trialbase.api.Distribution.FloatRange;
import dev.trialbase.api.Distribution.IntRange;
import dev.trialbase.api.ParamSet;
import dev.trialbase.api.Proposer;
import dev.trialbase.api.SearchSpace;
import dev.trialbase.api.StrategyOptions;
import dev.trialbase.testkit.ProposalRun;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** What makes it a Latin hypercube: every stratum of every parameter used exactly once. */
class LatinHypercubeTest {

  private static final int N = 50;

  private static SearchSpace space() {
    Map<String, Distribution> p = new LinkedHashMap<>();
    p.put("x", new FloatRange(0.0, 1.0, false, 0));
    p.put("y", new FloatRange(-10.0, 30.0, false, 0));
    p.put("C", new FloatRange(1e-4, 1e4, true, 0));
    p.put("k", new IntRange(0, 2 * N - 1, 2));
    p.put("penalty", new Categorical(Arrays.asList("l2", null)));
    return new SearchSpace(p);
  }

  private static List<ParamSet> design(SearchSpace space, Map<String, Object> settings,
      long runSeed) {
    Proposer proposer = new LatinHypercube().start(space,
        new StrategyOptions(settings, true, runSeed));
    return new ProposalRun(proposer, runSeed).sequential(N).stream()
        .map(Optional::orElseThrow).toList();
  }

  private static List<ParamSet> design() {
    return design(space(), Map.of("samples", N), 42);
  }

  /** The stratum (0 .. N-1) of each trial's value, given where it falls in [0, 1). */
  private static List<Integer> strata(List<ParamSet> points, Function<ParamSet, Double> unit) {
    return points.stream().map(p -> (int) Math.floor(unit.apply(p) * N)).toList();
  }

  private static List<Integer> everyStratum() {
    return IntStream.range(0, N).boxed().toList();
  }

  @Test
  void eachFloatParameterHitsEveryStratumExactlyOnce() {
    List<ParamSet> points = design();

    assertThat(strata(points, p -> (Double) p.get("x")))
        .containsExactlyInAnyOrderElementsOf(everyStratum());
    assertThat(strata(points, p -> ((Double) p.get("y") + 10.0) / 40.0))
        .containsExactlyInAnyOrderElementsOf(everyStratum());
  }

  @Test
  void logParameterHitsEveryStratumOfTheLogRangeExactlyOnce() {
    List<ParamSet> points = design();

    assertThat(strata(points, p -> (Math.log10((Double) p.get("C")) + 4.0) / 8.0))
        .containsExactlyInAnyOrderElementsOf(everyStratum());
  }

  @Test
  void intRangeWithOneValuePerStratumTakesEachValueOnce() {
    List<ParamSet> points = design();

    assertThat(points).extracting(p -> (Long) p.get("k"))
        .containsExactlyInAnyOrderElementsOf(
            IntStream.range(0, N).mapToObj(i -> 2L * i).toList());
  }

  @Test
  void choicesAreBalanced() {
    Map<Object, Long> counts = design().stream()
        .collect(Collectors.groupingBy(p -> String.valueOf(p.get("penalty")),
            Collectors.counting()));

    assertThat(counts).containsEntry("l2", 25L).containsEntry("null", 25L);
  }

  @Test
  void proposesExactlySamplesPointsThenNothing() {
    Proposer proposer = new LatinHypercube().start(space(),
        new StrategyOptions(Map.of("samples", N), true, 1));

    assertThat(proposer.size()).hasValue(N);
    assertThat(new ProposalRun(proposer, 1).sequential(N + 3))
        .hasSize(N + 3)
        .satisfies(l -> assertThat(l.subList(0, N)).allMatch(Optional::isPresent))
        .satisfies(l -> assertThat(l.subList(N, N + 3)).allMatch(Optional::isEmpty));
  }

  @Test
  void theDesignFollowsTheRunSeedUnlessTheOptionsFixIt() {
    assertThat(design(space(), Map.of("samples", N), 1))
        .isNotEqualTo(design(space(), Map.of("samples", N), 2));

    List<Integer> a = strata(design(space(), Map.of("samples", N, "seed", 7), 1),
        p -> (Double) p.get("x"));
    List<Integer> b = strata(design(space(), Map.of("samples", N, "seed", 7), 2),
        p -> (Double) p.get("x"));
    assertThat(a).as("same design seed, same strata").isEqualTo(b);
  }

  @Test
  void samplesIsRequiredAndMustBeAPositiveInteger() {
    LatinHypercube lhs = new LatinHypercube();

    assertThatThrownBy(() -> lhs.start(space(), StrategyOptions.defaults()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("\"samples\"");
    assertThatThrownBy(() -> lhs.start(space(),
        new StrategyOptions(Map.of("samples", 0), true, 0)))
        .hasMessageContaining("'samples' must be between 1");
    assertThatThrownBy(() -> lhs.start(space(),
        new StrategyOptions(Map.of("samples", 2.5), true, 0)))
        .hasMessageContaining("'samples' must be an integer");
    assertThat(lhs.start(space(), new StrategyOptions(Map.of("samples", 3.0), true, 0)).size())
        .hasValue(3);
  }

  @Test
  void mapsTheUnitIntervalOntoEachRange() {
    assertThat(LatinHypercubeProposer.value(new FloatRange(2.0, 4.0, false, 0), 0.5))
        .isEqualTo(3.0);
    assertThat((Double) LatinHypercubeProposer.value(new FloatRange(1e-2, 1e2, true, 0), 0.5))
        .isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-12));
    assertThat(LatinHypercubeProposer.value(new IntRange(10, 20, 5), 0.999)).isEqualTo(20L);
    assertThat(LatinHypercubeProposer.value(new Categorical(List.of("a", "b", "c")), 0.34))
        .isEqualTo("b");
    assertThat(LatinHypercubeProposer.value(new FloatRange(0.1, 0.1, true, 0), 0.7))
        .isEqualTo(0.1);
  }
}
