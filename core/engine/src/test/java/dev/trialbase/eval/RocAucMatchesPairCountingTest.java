package dev.trialbase.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * {@link Metric#ROC_AUC} equals its definition counted pair by pair: the share of (positive,
 * negative) pairs in which the positive scores higher, a tie counting one half; NaN when there
 * is no such pair. Checked on many generated samples.
 *
 * <p>The samples come from {@link SplittableRandom}s with fixed seeds, so every run checks the
 * same cases. A failure names the case's own seed: {@code sample(new SplittableRandom(seed))}
 * rebuilds its input.
 */
class RocAucMatchesPairCountingTest {

  private static final long SEED = 0x7A11_BA5E_0A0CL;
  private static final int CASES = 1000;

  /** Labels and scores of equal length. */
  private record Sample(int[] y, double[] p) {

    @Override
    public String toString() {
      return "y=" + Arrays.toString(y) + ", p=" + Arrays.toString(p);
    }
  }

  @Test
  void rocAucEqualsBruteForcePairCounting() {
    SplittableRandom seeds = new SplittableRandom(SEED);
    int undefined = 0;
    int tiedAcrossClasses = 0;
    for (int i = 0; i < CASES; i++) {
      long seed = seeds.nextLong();
      Sample s = sample(new SplittableRandom(seed));
      String context = String.format("case %d of %d (base seed 0x%x, case seed 0x%x): %s", i,
          CASES, SEED, seed, s);
      double wins = 0;
      long pairs = 0;
      boolean tie = false;
      for (int a = 0; a < s.y().length; a++) {
        for (int b = 0; b < s.y().length; b++) {
          if (s.y()[a] == 1 && s.y()[b] == 0) {
            pairs++;
            if (s.p()[a] > s.p()[b]) {
              wins += 1;
            } else if (s.p()[a] == s.p()[b]) {
              wins += 0.5;
              tie = true;
            }
          }
        }
      }
      double auc;
      try {
        auc = Metric.ROC_AUC.score(s.y(), s.p());
      } catch (RuntimeException e) {
        throw new AssertionError(context, e);
      }
      if (pairs == 0) {
        undefined++;
        assertThat(auc).as(context).isNaN();
      } else {
        assertThat(auc).as(context).isCloseTo(wins / pairs, within(1e-12));
      }
      if (tie) {
        tiedAcrossClasses++;
      }
    }
    // The generator must reach both the NaN case and the tie rule, or the check proves little.
    assertThat(undefined)
        .as("samples with one class only, of %d (base seed 0x%x)", CASES, SEED)
        .isGreaterThanOrEqualTo(CASES / 50);
    assertThat(tiedAcrossClasses)
        .as("samples with a positive and a negative tied, of %d (base seed 0x%x)", CASES, SEED)
        .isGreaterThanOrEqualTo(CASES / 2);
  }

  /**
   * 1 to 40 labels, the share of positives itself random so that one-class and lopsided
   * samples occur; scores mostly from the 11 values 0, 0.1, ..., 1 so that ties are common,
   * sometimes from only two values, sometimes continuous.
   */
  private static Sample sample(SplittableRandom r) {
    int n = 1 + r.nextInt(40);
    double positiveShare = r.nextDouble();
    int scoreKind = r.nextInt(10);
    int[] y = new int[n];
    double[] p = new double[n];
    for (int i = 0; i < n; i++) {
      y[i] = r.nextDouble() < positiveShare ? 1 : 0;
      p[i] = switch (scoreKind) {
        case 0 -> r.nextDouble();
        case 1 -> r.nextInt(2);
        default -> r.nextInt(11) / 10.0;
      };
    }
    return new Sample(y, p);
  }
}
