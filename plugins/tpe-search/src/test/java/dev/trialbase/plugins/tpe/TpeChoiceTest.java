package dev.trialbase.plugins.tpe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.trialbase.api.Distribution.Categorical;
import dev.trialbase.api.Distribution.FloatRange;
import dev.trialbase.api.History;
import dev.trialbase.api.History.FinishedTrial;
import dev.trialbase.api.ParamSet;
import dev.trialbase.api.Proposer;
import dev.trialbase.api.SearchSpace;
import dev.trialbase.api.StrategyOptions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The good/bad split and the l/g choice, against hand computations on tiny histories. */
class TpeChoiceTest {

  private static FinishedTrial ok(long n, String name, Object value, double score) {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put(name, value);
    return new FinishedTrial(n, ParamSet.of(p), true, OptionalDouble.of(score));
  }

  private static FinishedTrial failed(long n, String name, Object value) {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put(name, value);
    return new FinishedTrial(n, ParamSet.of(p), false, OptionalDouble.empty());
  }

  private static Proposer tpe(SearchSpace space, Map<String, Object> settings) {
    return new TpeSearch().start(space, new StrategyOptions(settings, true, 1));
  }

  /**
   * penalty in {l1, l2, null}; history: 0 l2 0.9, 1 l1 0.5, 2 null 0.6, 3 l1 failed,
   * 4 l2 0.95. gamma 0.5: ceil(0.5 * 5) = 3 good: trials 4, 0, 2 (l2, l2, null); bad: 1, 3
   * (l1, l1; the failure counts as bad). Kernels: 2/3 on the own choice, 1/6 elsewhere; prior
   * 1/3 each.
   *   l(l2)   = (2/3 + 2/3 + 1/6 + 1/3) / 4 = 11/24     g(l2)   = (1/6 + 1/6 + 1/3) / 3 = 2/9
   *   l(null) = (1/6 + 1/6 + 2/3 + 1/3) / 4 = 1/3       g(null) = 2/9
   *   l(l1)   = (1/6 + 1/6 + 1/6 + 1/3) / 4 = 5/24      g(l1)   = (2/3 + 2/3 + 1/3) / 3 = 5/9
   *   l/g: l2 = 99/48 = 2.0625, null = 1.5, l1 = 0.375. The draw that is l2 wins.
   */
  @Test
  void categoricalChoiceMaximisesLOverG() {
    SearchSpace space = new SearchSpace(Map.of("penalty",
        new Categorical(Arrays.asList("l1", "l2", null))));
    History history = new History(List.of(ok(0, "penalty", "l2", 0.9),
        ok(1, "penalty", "l1", 0.5), ok(2, "penalty", null, 0.6), failed(3, "penalty", "l1"),
        ok(4, "penalty", "l2", 0.95)));
    TpeOptions options = TpeOptions.parse(Map.of("gamma", 0.5, "startupTrials", 1, "lag", 0));

    Split split = Split.of(history, options);
    assertThat(split.good()).extracting(FinishedTrial::number).containsExactly(0L, 2L, 4L);
    assertThat(split.bad()).extracting(FinishedTrial::number).containsExactly(1L, 3L);

    Axis axis = new Axis("penalty", space.parameters().get("penalty"));
    TpeProposer.Observed good = TpeProposer.Observed.of(List.of(axis), split.good());
    TpeProposer.Observed bad = TpeProposer.Observed.of(List.of(axis), split.bad());
    CategoricalMixture l = new CategoricalMixture(axis, good.column(0), good.weights(), 1.0);
    CategoricalMixture g = new CategoricalMixture(axis, bad.column(0), bad.weights(), 1.0);
    assertThat(ratio(l, g, axis.encode("l2"))).isCloseTo(2.0625, within(1e-12));
    assertThat(ratio(l, g, axis.encode(null))).isCloseTo(1.5, within(1e-12));
    assertThat(ratio(l, g, axis.encode("l1"))).isCloseTo(0.375, within(1e-12));

    Proposer proposer = tpe(space, Map.of("gamma", 0.5, "startupTrials", 1, "lag", 0));
    for (long seed = 0; seed < 20; seed++) {
      assertThat(proposer.propose(5, new SplittableRandom(seed), history).orElseThrow()
          .get("penalty")).as("seed %d", seed).isEqualTo("l2");
    }
  }

  /**
   * x in [0, 10]; history: 0 x=2 score 1, 1 x=8 score 0. gamma 0.1: ceil(0.2) = 1 good (x=2),
   * 1 bad (x=8). l: kernel at 2 with s = 3 (its distance to the prior's centre 5) clipped up
   * to 10 / min(100, 1 + 2) = 10/3; prior N(5, 10). g: kernel at 8, s = 10/3; the same prior.
   * At x = 3:
   *   l(3) = (phi(0.3)/(10/3) / (Phi(2.4) - Phi(-0.6)) + phi(-0.2)/10 / (Phi(.5) - Phi(-.5))) / 2
   *        = (0.159454 + 0.102120) / 2 = 0.130787
   *   g(3) = (phi(-1.5)/(10/3) / (Phi(0.6) - Phi(-2.4)) + 0.102120) / 2
   *        = (0.054150 + 0.102120) / 2 = 0.078135
   *   l/g = 1.673862. Every proposal lies on the good side, below the midpoint 5.
   */
  @Test
  void numericChoiceMaximisesLOverG() {
    SearchSpace space = new SearchSpace(Map.of("x", new FloatRange(0, 10, false, 0)));
    History history = new History(List.of(ok(0, "x", 2.0, 1), ok(1, "x", 8.0, 0)));
    TpeOptions options = TpeOptions.parse(Map.of("startupTrials", 2, "lag", 0));
    Split split = Split.of(history, options);
    Axis axis = new Axis("x", space.parameters().get("x"));
    NumericMixture l = NumericMixture.univariate(axis,
        TpeProposer.Observed.of(List.of(axis), split.good()).column(0), new double[] {1}, 1.0);
    NumericMixture g = NumericMixture.univariate(axis,
        TpeProposer.Observed.of(List.of(axis), split.bad()).column(0), new double[] {1}, 1.0);

    assertThat(Math.exp(l.logDensity(3))).isCloseTo(0.1307871, within(1e-6));
    assertThat(Math.exp(g.logDensity(3))).isCloseTo(0.0781350, within(1e-6));
    assertThat(ratio(l, g, 3)).isCloseTo(1.673862, within(1e-5));

    Proposer proposer = tpe(space, Map.of("startupTrials", 2, "lag", 0));
    for (long seed = 0; seed < 50; seed++) {
      double x = proposer.propose(2, new SplittableRandom(seed), history).orElseThrow()
          .getDouble("x");
      assertThat(x).as("seed %d", seed).isLessThan(5.0);
    }
  }

  /** The candidate kept is the one with the highest l/g among the draws, checked by redrawing. */
  @Test
  void keepsTheBestOfItsCandidates() {
    SearchSpace space = new SearchSpace(Map.of("x", new FloatRange(0, 10, false, 0)));
    History history = new History(List.of(ok(0, "x", 2.0, 1), ok(1, "x", 8.0, 0)));
    Axis axis = new Axis("x", space.parameters().get("x"));
    NumericMixture l = NumericMixture.univariate(axis, new double[] {2}, new double[] {1}, 1.0);
    NumericMixture g = NumericMixture.univariate(axis, new double[] {8}, new double[] {1}, 1.0);
    for (long seed = 0; seed < 10; seed++) {
      SplittableRandom same = new SplittableRandom(seed);
      double best = Double.NaN;
      double bestRatio = Double.NEGATIVE_INFINITY;
      for (int c = 0; c < 5; c++) {
        double x = l.sample(same);
        if (ratio(l, g, x) > bestRatio) {
          best = x;
          bestRatio = ratio(l, g, x);
        }
      }
      double proposed = tpe(space, Map.of("startupTrials", 2, "lag", 0, "candidates", 5))
          .propose(2, new SplittableRandom(seed), history).orElseThrow().getDouble("x");
      assertThat(proposed).isEqualTo(best);
    }
  }

  @Test
  void startUpTrialsAreUniformDrawsAndTheLagHidesTheLatestTrials() {
    SearchSpace space = new SearchSpace(Map.of("x", new FloatRange(0, 10, false, 0)));
    List<FinishedTrial> trials = new ArrayList<>();
    for (int n = 0; n < 12; n++) {
      trials.add(ok(n, "x", n * 0.5, -n));
    }
    Proposer proposer = tpe(space, Map.of());
    // Trial 12 with lag 3 sees trials 0..8: nine, fewer than 10 start-up trials: uniform.
    double uniform = new Axis("x", space.parameters().get("x")).drawUniform(
        new SplittableRandom(7)) instanceof Double d ? d : Double.NaN;
    assertThat(proposer.propose(12, new SplittableRandom(7), new History(trials)).orElseThrow()
        .getDouble("x")).isEqualTo(uniform);
    // Trial 13 sees ten: TPE, which no longer equals the uniform draw.
    assertThat(proposer.propose(13, new SplittableRandom(7), new History(trials)).orElseThrow()
        .getDouble("x")).isNotEqualTo(uniform);
  }

  @Test
  void badOptionsAreRefusedNamingTheOption() {
    SearchSpace space = new SearchSpace(Map.of("x", new FloatRange(0, 1, false, 0)));
    assertThatThrownBy(() -> tpe(space, Map.of("gamma", 1.0)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'gamma'");
    assertThatThrownBy(() -> tpe(space, Map.of("gamma", 0)))
        .hasMessageContaining("'gamma' must lie strictly between 0 and 1");
    assertThatThrownBy(() -> tpe(space, Map.of("startupTrials", -1)))
        .hasMessageContaining("'startupTrials' must be at least 0");
    assertThatThrownBy(() -> tpe(space, Map.of("startupTrials", 2.5)))
        .hasMessageContaining("'startupTrials' must be a whole number");
    assertThatThrownBy(() -> tpe(space, Map.of("candidates", "24")))
        .hasMessageContaining("'candidates' must be a whole number, got text \"24\"");
    assertThatThrownBy(() -> tpe(space, Map.of("multivariate", "yes")))
        .hasMessageContaining("'multivariate' must be true or false");
    assertThatThrownBy(() -> tpe(space, Map.of("gama", 0.2)))
        .hasMessageContaining("unknown option 'gama'").hasMessageContaining("gamma");
    assertThatThrownBy(() -> tpe(space, Map.of("lag", -2)))
        .hasMessageContaining("'lag' must be at least 0");
    assertThat(tpe(space, Map.of("startupTrials", 0, "lag", 7L, "priorWeight", 2)).historyLag())
        .isEqualTo(7);
  }

  private static double ratio(Mixture l, Mixture g, double x) {
    return Math.exp(l.logDensity(x) - g.logDensity(x));
  }

  @Test
  void aFloatRangeWiderThanTheLargestDoubleIsRefusedNamingTheParameter() {
    SearchSpace space = new SearchSpace(Map.of("x", new FloatRange(-1.7e308, 1.7e308, false, 0)));
    assertThatThrownBy(() -> tpe(space, Map.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("parameter 'x'").hasMessageContaining("wider than the largest");
  }
}
