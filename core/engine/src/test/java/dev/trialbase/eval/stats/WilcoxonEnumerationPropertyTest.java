package dev.trialbase.eval.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The tabulated exact p-value equals brute-force enumeration of all 2^n sign assignments of
 * the observed ranks, with and without ties and zeros.
 */
class WilcoxonEnumerationPropertyTest {

  @Provide
  Arbitrary<double[]> differences() {
    // Small integers, so that ties and zeros are common.
    return Arbitraries.integers().between(-6, 6).map(i -> (double) i)
        .array(double[].class).ofMinSize(1).ofMaxSize(14);
  }

  @Property(tries = 300)
  void tabulatedEqualsEnumerated(@ForAll("differences") double[] d) {
    WilcoxonResult r = WilcoxonSignedRankTest.test(d, new double[d.length]);
    SignedRanks ranks = SignedRanks.of(PairedDifferences.of(d, new double[d.length]));
    assertThat(r.p()).isCloseTo(enumerated(ranks), within(1e-12));
    assertThat(r.wPlus() + r.wMinus()).isEqualTo(r.n() * (r.n() + 1) / 2.0);
  }

  @Property(tries = 200)
  void pIsAProbabilityAndSymmetric(@ForAll("differences") double[] d) {
    double[] negated = new double[d.length];
    for (int i = 0; i < d.length; i++) {
      negated[i] = -d[i];
    }
    double p = WilcoxonSignedRankTest.test(d, new double[d.length]).p();
    assertThat(p).isBetween(0.0, 1.0);
    assertThat(WilcoxonSignedRankTest.test(negated, new double[d.length]).p())
        .isCloseTo(p, within(1e-12));
  }

  private static double enumerated(SignedRanks ranks) {
    int n = ranks.size();
    if (n == 0) {
      return 1;
    }
    int[] r = ranks.doubledRanks();
    int total = ranks.doubledTotal();
    int observed = Math.abs(2 * ranks.doubledPlus() - total);
    long asExtreme = 0;
    for (long mask = 0; mask < (1L << n); mask++) {
      int plus = 0;
      for (int i = 0; i < n; i++) {
        if ((mask & (1L << i)) != 0) {
          plus += r[i];
        }
      }
      if (Math.abs(2 * plus - total) >= observed) {
        asExtreme++;
      }
    }
    return (double) asExtreme / (1L << n);
  }
}
