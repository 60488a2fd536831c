package dev.trialbase.plugins.weka;

import dev.trialbase.api.Attribute;
import dev.trialbase.api.Dataset;
import java.lang.ref.SoftReference;
import java.lang.ref.WeakReference;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import weka.core.Instances;

/**
 * Converts each training set to Weka's {@link Instances} once, however many trials fit on it.
 * The engine makes a run's fold datasets once and hands the same objects to every trial, so
 * the conversion is cached by the identity of a dataset's row array, held weakly: when the
 * run's folds are gone, so is the entry. The converted copy is held softly: a run on data
 * too big for a second copy per fold gives the memory back and converts again when needed. Every caller gets its own shallow copy
 * ({@code new Instances(cached)}: new instance wrappers sharing the value arrays, which Weka
 * copies before writing), so a classifier that reweights, reorders or deletes rows of its
 * input cannot disturb another fit. Thread-safe.
 */
final class FoldInstances {

  private record Entry(WeakReference<double[]> targets, List<Attribute> attributes,
      Attribute target, SoftReference<Instances> instances) {

    boolean matches(Dataset data) {
      return targets.get() == data.targets() && attributes.equals(data.attributes())
          && target.equals(data.target());
    }
  }

  /** Keyed by the dataset's features array: arrays hash and compare by identity. */
  private static final Map<double[][], Entry> CACHE =
      Collections.synchronizedMap(new WeakHashMap<>());

  private FoldInstances() {
  }

  /** {@code data} as Weka's instances, class last and set: a copy this caller may change. */
  static Instances of(Dataset data) {
    Entry entry = CACHE.get(data.features());
    Instances cached = entry != null && entry.matches(data) ? entry.instances().get() : null;
    if (cached == null) {
      cached = WekaData.instances(WekaData.header(data), data);
      CACHE.put(data.features(), new Entry(new WeakReference<>(data.targets()),
          data.attributes(), data.target(), new SoftReference<>(cached)));
    }
    return new Instances(cached);
  }

  /** How many datasets are cached now, for tests. */
  static int size() {
    return CACHE.size();
  }
}
