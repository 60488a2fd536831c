package dev.trialbase.plugins.weka;

import dev.trialbase.api.InvalidParamsException;
import dev.trialbase.api.ParamSet;
import java.util.List;
import java.util.Map;
import weka.core.Randomizable;
import weka.filters.Filter;

/**
 * Gives every random part of a configured classifier the fit's seed: the classifier, each
 * object nested in it (a meta-classifier's base classifier, a kernel, ...), and each
 * pipeline filter, whenever it implements Weka's {@link Randomizable}, or else has an int
 * property {@code randomSeed} (SMO's, which shuffles its data). Other seeds of classes that
 * are not Randomizable (J48's {@code seed} for reduced-error pruning) keep Weka's default, so
 * they are the same in every fold. The engine's 64-bit
 * fold seed is folded to Weka's {@code int} as {@code (int) (seed ^ (seed >>> 32))}. A spec
 * that sets an object's {@code seed} property itself keeps it (then the folds share it).
 */
final class Seeding {

  private static final int MAX_DEPTH = 6;

  /**
   * The int properties a class that is not Randomizable names its random seed with. Not
   * {@code seed}: J48 has one that it refuses to build with unless reduced-error pruning is on.
   */
  private static final List<String> SEED_PROPERTIES = List.of("randomSeed");

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
    Map<String, WekaProperty> properties = WekaProperties.of(target.getClass());
    if (target instanceof Randomizable r) {
      if (!params.has(prefix + "seed")) {
        r.setSeed(s);
      }
    } else {
      // Not Randomizable but seeded all the same (SMO's randomSeed shuffles its data).
      for (String name : SEED_PROPERTIES) {
        WekaProperty p = properties.get(name);
        if (p != null && p.kind() == WekaProperty.Kind.INT && !params.has(prefix + name)) {
          try {
            p.write(prefix + name, target, p.type() == long.class || p.type() == Long.class
                ? (Object) (long) s : (Object) s);
          } catch (InvalidParamsException e) {
            // Weka refused this seed: keep its own
          }
        }
      }
    }
    if (depth >= MAX_DEPTH) {
      return;
    }
    for (WekaProperty p : properties.values()) {
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
