package dev.trialbase.testkit;

import dev.trialbase.api.Distribution;
import dev.trialbase.api.Distribution.Categorical;
import dev.trialbase.api.Distribution.FloatRange;
import dev.trialbase.api.Distribution.IntRange;
import dev.trialbase.api.SearchSpace;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The search spaces {@link StrategyContract} checks a strategy on: one per parameter type, a
 * mixed space, a space of single-valued parameters and a very wide integer range. Every float
 * range has {@code gridPoints} set, so that a grid-like strategy can enumerate all of them.
 */
public final class ContractSpaces {

  /** The name of {@link #mixed()} in {@link #all()}. */
  public static final String MIXED = "mixed";

  private ContractSpaces() {
  }

  /**
   * Every parameter type at once (6 x 4 x 3 x 4 = 288 grid points): a choice of null, booleans,
   * a string, a long and a double; an int range with a step; a uniform float range that
   * crosses zero; a log-scale float range over six decades.
   */
  public static SearchSpace mixed() {
    Map<String, Distribution> p = new LinkedHashMap<>();
    p.put("choice", new Categorical(Arrays.asList(null, true, false, "lbfgs", 3L, 2.5)));
    p.put("int", new IntRange(1, 10, 3));
    p.put("uniform", new FloatRange(-1.0, 1.0, false, 3));
    p.put("log", new FloatRange(1e-3, 1e3, true, 4));
    return new SearchSpace(p);
  }

  /** The spaces by name, in the order they are checked. */
  public static Map<String, SearchSpace> all() {
    Map<String, SearchSpace> spaces = new LinkedHashMap<>();
    spaces.put("choice of null, bool, string, long and double", one("penalty",
        new Categorical(Arrays.asList("l2", null, true, false, 7L, 0.5))));
    spaces.put("int range with step", one("depth", new IntRange(-5, 20, 5)));
    spaces.put("float uniform", one("alpha", new FloatRange(-2.0, 3.0, false, 5)));
    spaces.put("float log", one("C", new FloatRange(1e-4, 1e4, true, 9)));
    spaces.put(MIXED, mixed());
    Map<String, Distribution> single = new LinkedHashMap<>();
    single.put("only", new Categorical(Arrays.asList((Object) null)));
    single.put("fixedInt", new IntRange(7, 7, 5));
    single.put("fixedFloat", new FloatRange(2.5, 2.5, false, 1));
    single.put("fixedLog", new FloatRange(0.1, 0.1, true, 1));
    spaces.put("single-valued parameters", new SearchSpace(single));
    spaces.put("wide int range", one("seed",
        new IntRange(-1_000_000_000_000L, 1_000_000_000_000L, 7)));
    return spaces;
  }

  private static SearchSpace one(String name, Distribution d) {
    return new SearchSpace(Map.of(name, d));
  }

  /**
   * How many distinct points {@code space} holds, counting a float range with
   * {@code low < high} as unbounded ({@link Long#MAX_VALUE}, as is any count that overflows).
   */
  public static long distinctPoints(SearchSpace space) {
    long product = 1;
    for (Distribution d : space.parameters().values()) {
      long n;
      if (d instanceof Categorical c) {
        n = new HashSet<>(c.choices()).size();
      } else if (d instanceof IntRange r) {
        n = r.size();
      } else {
        FloatRange f = (FloatRange) d;
        n = f.low() < f.high() ? Long.MAX_VALUE : 1;
      }
      if (n == Long.MAX_VALUE || product > Long.MAX_VALUE / n) {
        return Long.MAX_VALUE;
      }
      product *= n;
    }
    return product;
  }

  /** The names of the parameters whose value in {@code params} lies outside {@code space}. */
  static List<String> outside(SearchSpace space, dev.trialbase.api.ParamSet params) {
    List<String> bad = new java.util.ArrayList<>();
    space.parameters().forEach((name, d) -> {
      if (!params.has(name)) {
        bad.add(name + " (missing)");
      } else if (!d.contains(params.get(name))) {
        Object v = params.get(name);
        bad.add(name + "=" + v + (v == null ? "" : " (" + v.getClass().getSimpleName() + ")")
            + " not in " + d);
      }
    });
    params.names().stream().filter(n -> !space.parameters().containsKey(n))
        .forEach(n -> bad.add(n + " (not in the space)"));
    return bad;
  }
}
