package dev.trialbase.engine;

/**
 * Derives every random stream of a run from the run seed, so that nothing depends on thread
 * count, finish order or the clock. Each stream is named by a purpose and up to two indices
 * (trial number, fold) and mixed with the SplitMix64 finaliser, whose output bits all depend
 * on all input bits.
 */
public final class Seeds {

  /** Streams of a run; the ordinal is part of the seed, so never reorder or remove. */
  public enum Stream { FOLDS, PROPOSAL, FIT, REFIT, OBJECTIVE }

  private Seeds() {
  }

  /** The seed of stream {@code stream} for (trial, fold) in a run seeded with {@code seed}. */
  public static long derive(long seed, Stream stream, long trial, long fold) {
    long h = mix(seed ^ 0x5452_4941_4c42_4153L);
    h = mix(h + stream.ordinal());
    h = mix(h + trial);
    return mix(h + fold);
  }

  /** The SplitMix64 finaliser: a bijection on longs with strong avalanche. */
  static long mix(long z) {
    z += 0x9E37_79B9_7F4A_7C15L;
    z = (z ^ (z >>> 30)) * 0xBF58_476D_1CE4_E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D0_49BB_1331_11EBL;
    return z ^ (z >>> 31);
  }
}
