package dev.trialbase.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SeedsTest {

  @Test
  void deriveIsDeterministic() {
    for (Seeds.Stream stream : Seeds.Stream.values()) {
      assertThat(Seeds.derive(42L, stream, 7, 3)).isEqualTo(Seeds.derive(42L, stream, 7, 3));
    }
  }

  @Test
  void tenThousandDerivedSeedsAreDistinct() {
    // Every stream x 50 trials x 50 folds (10,000 seeds per 4 streams).
    Set<Long> seen = new HashSet<>();
    for (Seeds.Stream stream : Seeds.Stream.values()) {
      for (long trial = 0; trial < 50; trial++) {
        for (long fold = 0; fold < 50; fold++) {
          seen.add(Seeds.derive(42L, stream, trial, fold));
        }
      }
    }
    assertThat(seen).hasSize(Seeds.Stream.values().length * 50 * 50);
  }

  @Test
  void swappingTrialAndFoldGivesADifferentSeed() {
    assertThat(Seeds.derive(1L, Seeds.Stream.FIT, 2, 3))
        .isNotEqualTo(Seeds.derive(1L, Seeds.Stream.FIT, 3, 2));
    assertThat(Seeds.derive(1L, Seeds.Stream.FIT, 0, 1))
        .isNotEqualTo(Seeds.derive(1L, Seeds.Stream.FIT, 1, 0));
  }

  @Test
  void everyDerivedSeedChangesWithTheRunSeed() {
    for (Seeds.Stream stream : Seeds.Stream.values()) {
      for (long trial = 0; trial < 20; trial++) {
        for (long fold = 0; fold < 5; fold++) {
          long a = Seeds.derive(1L, stream, trial, fold);
          long b = Seeds.derive(2L, stream, trial, fold);
          assertThat(a).isNotEqualTo(b);
          // Strong mixing: neighbouring run seeds differ in about half of the 64 bits.
          assertThat(Long.bitCount(a ^ b)).isBetween(10, 54);
        }
      }
    }
  }

  @Test
  void runSeedsDoNotCollideAcrossStreams() {
    // Seeds of one stream in run r must not reappear as another stream's seeds in run r + 1.
    Set<Long> seen = new HashSet<>();
    for (long run = 0; run < 25; run++) {
      for (Seeds.Stream stream : Seeds.Stream.values()) {
        for (long trial = 0; trial < 100; trial++) {
          seen.add(Seeds.derive(run, stream, trial, 0));
        }
      }
    }
    assertThat(seen).hasSize(25 * Seeds.Stream.values().length * 100);
  }

  @Test
  void mixIsTheSplitMix64Finaliser() {
    // Known SplitMix64 outputs for state 0: first two values of the reference generator.
    assertThat(Seeds.mix(0L)).isEqualTo(0xE220A8397B1DCDAFL);
    assertThat(Seeds.mix(0x9E3779B97F4A7C15L)).isEqualTo(0x6E789E6AA1B965F4L);
    // The JDK's SplittableRandom(s).nextLong() is the same function: an independent check.
    SplittableRandom random = new SplittableRandom(2024);
    for (int i = 0; i < 1000; i++) {
      long s = random.nextLong();
      assertThat(Seeds.mix(s)).isEqualTo(new SplittableRandom(s).nextLong());
    }
  }
}
