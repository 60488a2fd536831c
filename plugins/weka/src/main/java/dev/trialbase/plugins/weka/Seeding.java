package dev.trialbase.plugins.weka;

import dev.trialbase.api.InvalidParamsException;
import dev.trialbase.api.ParamSet;
import weka.core.Randomizable;
import weka.filters.Filter;

/**
 * Gives every random part of a configured classifier the fit's seed: the classifier, each
 * object nested in it (a meta-classifier's base classifier, a kernel, ...), and each
 * pipeline filter, whenever it implements Weka's {@link Randomizable}. The engine's 64-bit
 * fold seed is folded to Weka's {@code int} as {@code (int) (seed ^ (seed >>> 32))}. A spec
 * that sets an object's {@code seed} property itself keeps it (then the folds share it).
 */
final class Seeding {

  private static final int MAX_DEPTH = 6;

  private Seeding() {
  }

  /** Weka's int seed for the engine's fold seed. */
  static int wekaSeed(long seed) {
    return (int) (seed ^ (seed >>> 32));
  }

  static void apply(WekaSetup.Built built, ParamSet params, long seed) {
    int s = wekaSeed(seed);
    seed(built.model(), "", params, s, 0);
    if (built.classifier() != built.model() && built.classifier() instanceof Randomizable r) {
      r.setSeed(s);
    }
    for (int i = 0; i < built.filters().size(); i++) {
      Filter filter = built.filters().get(i);
      seed(filter, WekaSetup.PREPROCESS + "." + i + ".", params, s, 0);
    }
  }

  private static void seed(Object target, String prefix, ParamSet params, int s, int depth) {
    if (target instanceof Randomizable r && !params.has(prefix + "seed")) {
      r.setSeed(s);
    }
    if (depth >= MAX_DEPTH) {
      return;
    }
    for (WekaProperty p : WekaProperties.of(target.getClass()).values()) {
      if (p.kind() == WekaProperty.Kind.CLASS) {
        try {
          Object child = p.read(target);
          if (child != null) {
            seed(child, prefix + p.name() + ".", params, s, depth + 1);
          }
        } catch (InvalidParamsException e) {
          // an unreadable property holds nothing to seed
        }
      }
    }
  }
}
