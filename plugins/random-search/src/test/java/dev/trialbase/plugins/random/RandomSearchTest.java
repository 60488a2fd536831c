package dev.trialbase.plugins.random;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trialbase.api.Distribution;
import dev.trialbase.api.Distribution.Categorical;
import dev.trialbase.api.Distribution.FloatRange;
import dev.trialbase.api.Distribution.IntRange;
import dev.trialbase.api.History;
import dev.trialbase.api.ParamSet;
import dev.trialbase.api.Proposer;
import dev.trialbase.api.SearchSpace;
import dev.trialbase.api.StrategyOptions;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class RandomSearchTest {

  private static final RandomSearch RANDOM = new RandomSearch();

  private static SearchSpace space() {
    Map<String, Distribution> p = new LinkedHashMap<>();
    p.put("penalty", new Categorical(Arrays.asList("l2", null, "none")));
    p.put("depth", new IntRange(3, 30, 3));
    p.put("alpha", new FloatRange(-1.0, 1.0, false, 0));
    p.put("C", new FloatRange(1e-3, 1e3, true, 0));
    return new SearchSpace(p);
  }

  private static Proposer proposer() {
    return RANDOM.start(space(), StrategyOptions.defaults());
  }

  private static ParamSet propose(long trial, long seed) {
    return proposer().propose(trial, new SplittableRandom(seed), History.empty()).orElseThrow();
  }

  @Test
  void sameRandomStreamGivesSameProposal() {
    assertThat(propose(5, 42)).isEqualTo(propose(5, 42));
  }

  @Test
  void differentStreamsGiveDifferentProposals() {
    Set<ParamSet> proposals = new HashSet<>();
    for (long seed = 0; seed < 20; seed++) {
      proposals.add(propose(seed, seed * 7919));
    }

    assertThat(proposals).hasSize(20);
  }

  @Test
  void proposalsKeepDeclarationOrderAndAreUnbounded() {
    assertThat(propose(0, 1).names()).containsExactly("penalty", "depth", "alpha", "C");
    assertThat(proposer().size()).isEmpty();
    assertThat(proposer().propose(1_000_000, new SplittableRandom(3), History.empty()))
        .isPresent();
  }

  @Test
  void everyProposalLiesInTheSpace() {
    SearchSpace space = space();
    Proposer proposer = proposer();
    SplittableRandom root = new SplittableRandom(2024);

    for (int n = 0; n < 2_000; n++) {
      ParamSet p = proposer.propose(n, root.split(), History.empty()).orElseThrow();
      assertThat(space.contains(p)).as("trial %d: %s", n, p).isTrue();
    }
  }

  @Test
  void everyCategoricalChoiceAndIntStepIsReached() {
    SplittableRandom random = new SplittableRandom(7);
    Set<Object> choices = new HashSet<>();
    Set<Object> ints = new HashSet<>();
    for (int i = 0; i < 2_000; i++) {
      choices.add(RandomProposer.draw(new Categorical(Arrays.asList("a", null, 1L)), random));
      ints.add(RandomProposer.draw(new IntRange(-4, 4, 4), random));
    }

    assertThat(choices).containsExactlyInAnyOrder("a", null, 1L);
    assertThat(ints).containsExactlyInAnyOrder(-4L, 0L, 4L);
  }

  @Test
  void logRangeIsLogUniformHalfBelowTheGeometricMean() {
    FloatRange range = new FloatRange(1e-4, 1e2, true, 0);
    double geometricMean = Math.sqrt(1e-4 * 1e2);
    SplittableRandom random = new SplittableRandom(11);

    int below = 0;
    int n = 10_000;
    for (int i = 0; i < n; i++) {
      if ((Double) RandomProposer.draw(range, random) < geometricMean) {
        below++;
      }
    }

    // Binomial(10000, 0.5) has sd 50; a uniform draw would put ~99.9% below.
    assertThat(below / (double) n).isBetween(0.47, 0.53);
  }

  @Test
  void linearRangeIsUniformHalfBelowTheMidpoint() {
    FloatRange range = new FloatRange(1e-4, 1e2, false, 0);
    SplittableRandom random = new SplittableRandom(11);

    long below = java.util.stream.IntStream.range(0, 10_000)
        .filter(i -> (Double) RandomProposer.draw(range, random) < (1e-4 + 1e2) / 2)
        .count();

    assertThat(below / 10_000.0).isBetween(0.47, 0.53);
  }

  @Test
  void degenerateRangesReturnTheirOnlyValue() {
    SplittableRandom random = new SplittableRandom(1);

    assertThat(RandomProposer.draw(new FloatRange(2.5, 2.5, true, 0), random)).isEqualTo(2.5);
    assertThat(RandomProposer.draw(new IntRange(9, 9, 5), random)).isEqualTo(9L);
    assertThat(RandomProposer.draw(new Categorical(List.of(true)), random)).isEqualTo(true);
  }

  @Test
  void emptySpaceProposesEmptySets() {
    Proposer proposer = RANDOM.start(new SearchSpace(Map.of()), StrategyOptions.defaults());

    assertThat(proposer.propose(0, new SplittableRandom(0), History.empty()))
        .contains(ParamSet.empty());
  }

  // Issue 17, item 2: extremes are sampled over the whole range, not refused or pinned.

  @Test
  void aFloatRangeOverNearlyTheWholeDoubleSpanIsSampledEvenly() {
    var wide = new dev.trialbase.api.Distribution.FloatRange(-1.7e308, 1.7e308, false, 0);
    int below = 0;
    for (long seed = 0; seed < 2000; seed++) {
      double v = (Double) RandomProposer.draw(wide, new java.util.SplittableRandom(seed));
      assertThat(v).isBetween(-1.7e308, 1.7e308);
      below += v < 0 ? 1 : 0;
    }
    // Half below the midpoint 0; 2000 draws: sd 22, so 1000 +- 110 is five sd.
    assertThat(below).isBetween(890, 1110);
  }

  @Test
  void anIntRangeWhoseSpanOverflowsALongIsSampledOverItsWholeLength() {
    long e18 = 1_000_000_000_000_000_000L;
    var r = new dev.trialbase.api.Distribution.IntRange(-9 * e18, 9 * e18, e18);
    java.util.Set<Object> seen = new java.util.HashSet<>();
    for (long seed = 0; seed < 500; seed++) {
      Object v = RandomProposer.draw(r, new java.util.SplittableRandom(seed));
      assertThat(r.contains(v)).as(String.valueOf(v)).isTrue();
      seen.add(v);
    }
    assertThat(seen).hasSize(19);
  }
}
