package dev.trialbase.testkit;

import java.util.SplittableRandom;

/**
 * The random stream a test hands to {@link dev.trialbase.api.Proposer#propose} for trial
 * {@code n} of a run seeded with {@code runSeed}: a fresh {@link SplittableRandom} per trial,
 * derived from (run seed, trial number) alone, the way the engine derives its own.
 *
 * <p>The engine mixes in a stream name too, so these are not the exact numbers a real run
 * uses; what matters for a contract test is that they are a pure function of (seed, trial).
 */
public final class TrialRandom {

  private TrialRandom() {
  }

  /** A fresh random stream for trial {@code trial} of a run seeded with {@code runSeed}. */
  public static SplittableRandom forTrial(long runSeed, long trial) {
    return new SplittableRandom(seed(runSeed, trial));
  }

  /** The seed of {@link #forTrial}: SplitMix64 mixes of the run seed and the trial number. */
  public static long seed(long runSeed, long trial) {
    return mix(mix(runSeed ^ 0x7E57_C0DE_5EED_0001L) + trial);
  }

  /** The SplitMix64 finaliser: a bijection on longs whose output bits all depend on all input bits. */
  public static long mix(long z) {
    z += 0x9E37_79B9_7F4A_7C15L;
    z = (z ^ (z >>> 30)) * 0xBF58_476D_1CE4_E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D0_49BB_1331_11EBL;
    return z ^ (z >>> 31);
  }
}
