package dev.trialbase.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class RocAucPropertyTest {

  /** Labels and scores of equal length; scores drawn from 11 values so ties are common. */
  record Sample(int[] y, double[] p) {
  }

  @Provide
  Arbitrary<Sample> samples() {
    return Arbitraries.integers().between(1, 40).flatMap(n -> Combinators.combine(
        Arbitraries.integers().between(0, 1).array(int[].class).ofSize(n),
        Arbitraries.integers().between(0, 10).map(i -> i / 10.0).array(double[].class).ofSize(n))
        .as(Sample::new));
  }

  @Property(tries = 300)
  void rocAucEqualsBruteForcePairCounting(@ForAll("samples") Sample s) {
    double wins = 0;
    long pairs = 0;
    for (int i = 0; i < s.y().length; i++) {
      for (int j = 0; j < s.y().length; j++) {
        if (s.y()[i] == 1 && s.y()[j] == 0) {
          pairs++;
          if (s.p()[i] > s.p()[j]) {
            wins += 1;
          } else if (s.p()[i] == s.p()[j]) {
            wins += 0.5;
          }
        }
      }
    }
    double auc = Metric.ROC_AUC.score(s.y(), s.p());
    if (pairs == 0) {
      assertThat(auc).isNaN();
    } else {
      assertThat(auc).isCloseTo(wins / pairs, within(1e-12));
    }
  }
}
