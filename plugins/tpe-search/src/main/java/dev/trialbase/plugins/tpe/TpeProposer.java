package dev.trialbase.plugins.tpe;

import dev.trialbase.api.History;
import dev.trialbase.api.History.FinishedTrial;
import dev.trialbase.api.ParamSet;
import dev.trialbase.api.Proposer;
import dev.trialbase.api.SearchSpace;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * Proposes trial {@code n} from the finished trials numbered below {@code n - lag}: uniform
 * draws while the history holds fewer than {@code startupTrials} trials, then TPE: split the
 * history into good and bad ({@link Split}), fit a Parzen estimator l(x) to the good
 * trials' values and g(x) to the bad ones', draw {@code candidates} values from l and keep
 * the one with the highest l(x)/g(x) (the first on ties). Independently per parameter, in
 * declaration order, unless {@code multivariate}.
 *
 * <p>A pure function of (space, options, n, random, history); immutable, so thread-safe.
 */
final class TpeProposer implements Proposer {

  private final List<Axis> axes;
  private final TpeOptions options;

  TpeProposer(SearchSpace space, TpeOptions options) {
    List<Axis> list = new ArrayList<>();
    space.parameters().forEach((name, d) -> list.add(new Axis(name, d)));
    this.axes = List.copyOf(list);
    this.options = options;
  }

  @Override
  public boolean usesHistory() {
    return true;
  }

  @Override
  public int historyLag() {
    return options.lag();
  }

  @Override
  public Optional<ParamSet> propose(long number, SplittableRandom random, History given) {
    History history = visible(given, number - options.lag());
    if (history.trials().size() < Math.max(1, options.startupTrials())) {
      Map<String, Object> values = new LinkedHashMap<>();
      for (Axis axis : axes) {
        values.put(axis.name(), axis.drawUniform(random));
      }
      return Optional.of(ParamSet.of(values));
    }
    Split split = Split.of(history, options);
    return Optional.of(options.multivariate() ? joint(split, random)
        : independent(split, random));
  }

  /**
   * The trials numbered below {@code below}: all the engine gives, but a proposal must not
   * change if it is handed more (the test kit checks it).
   */
  private static History visible(History history, long below) {
    List<FinishedTrial> trials = history.trials();
    for (FinishedTrial t : trials) {
      if (t.number() >= below) {
        return new History(trials.stream().filter(x -> x.number() < below).toList());
      }
    }
    return history;
  }

  private ParamSet independent(Split split, SplittableRandom random) {
    Map<String, Object> values = new LinkedHashMap<>();
    double[][] good = Observed.encoded(axes, split.good());
    double[][] bad = Observed.encoded(axes, split.bad());
    double[] goodWeights = Split.weights(split.good().size());
    double[] badWeights = Split.weights(split.bad().size());
    for (int d = 0; d < axes.size(); d++) {
      Axis axis = axes.get(d);
      if (axis.fixed()) {
        values.put(axis.name(), axis.onlyValue());
        continue;
      }
      Observed below = Observed.axis(good, goodWeights, d);
      Observed above = Observed.axis(bad, badWeights, d);
      Mixture l = univariate(axis, below.column(0), below.weights());
      Mixture g = univariate(axis, above.column(0), above.weights());
      double best = Double.NaN;
      double bestScore = Double.NEGATIVE_INFINITY;
      for (int c = 0; c < options.candidates(); c++) {
        double x = l.sample(random);
        double score = l.logDensity(x) - g.logDensity(x);
        if (Double.isNaN(best) || score > bestScore) {
          best = x;
          bestScore = score;
        }
      }
      values.put(axis.name(), axis.decode(best));
    }
    return ParamSet.of(values);
  }

  private Mixture univariate(Axis axis, double[] observations, double[] weights) {
    return axis.kind() == Axis.Kind.CATEGORICAL
        ? new CategoricalMixture(axis, observations, weights, options.priorWeight())
        : NumericMixture.univariate(axis, observations, weights, options.priorWeight());
  }

  private ParamSet joint(Split split, SplittableRandom random) {
    List<Axis> active = axes.stream().filter(a -> !a.fixed()).toList();
    Map<String, Object> values = new LinkedHashMap<>();
    double[] best = null;
    if (!active.isEmpty()) {
      JointMixture l = joint(active, Observed.of(active, split.good()));
      JointMixture g = joint(active, Observed.of(active, split.bad()));
      double bestScore = Double.NEGATIVE_INFINITY;
      for (int c = 0; c < options.candidates(); c++) {
        double[] x = l.sample(random);
        double score = l.logDensity(x) - g.logDensity(x);
        if (best == null || score > bestScore) {
          best = x;
          bestScore = score;
        }
      }
    }
    int d = 0;
    for (Axis axis : axes) {
      values.put(axis.name(), axis.fixed() ? axis.onlyValue() : axis.decode(best[d++]));
    }
    return ParamSet.of(values);
  }

  /**
   * The joint estimator of {@code observed}: numeric bandwidths by Scott's rule as Optuna's
   * multivariate TPE documents it, {@code 0.2 n^(-1/(D+4))} times the axis's range, then
   * clipped like the univariate ones.
   */
  private JointMixture joint(List<Axis> active, Observed observed) {
    int n = observed.weights().length;
    double factor = 0.2 * Math.pow(Math.max(n, 1), -1.0 / (active.size() + 4));
    List<Mixture> mixtures = new ArrayList<>();
    for (int d = 0; d < active.size(); d++) {
      Axis axis = active.get(d);
      mixtures.add(axis.kind() == Axis.Kind.CATEGORICAL
          ? new CategoricalMixture(axis, observed.column(d), observed.weights(),
              options.priorWeight())
          : NumericMixture.withBandwidth(axis, observed.column(d), observed.weights(),
              options.priorWeight(), factor * (axis.high() - axis.low())));
    }
    return new JointMixture(mixtures);
  }

  /**
   * The internal coordinates of a group's trials on some axes, with their
   * {@link Split#weights(int) weights}; a trial with a value outside an axis's space (a
   * history from another space) is left out.
   */
  record Observed(double[][] columns, double[] weights) {

    static Observed of(List<Axis> axes, List<FinishedTrial> trials) {
      double[][] all = encoded(axes, trials);
      double[] weights = Split.weights(trials.size());
      int kept = 0;
      for (int t = 0; t < trials.size(); t++) {
        boolean ok = true;
        for (double[] column : all) {
          ok &= !Double.isNaN(column[t]);
        }
        if (ok) {
          for (double[] column : all) {
            column[kept] = column[t];
          }
          weights[kept++] = weights[t];
        }
      }
      for (int d = 0; d < all.length; d++) {
        all[d] = java.util.Arrays.copyOf(all[d], kept);
      }
      return new Observed(all, java.util.Arrays.copyOf(weights, kept));
    }

    /** Axis {@code d} alone out of {@code encoded}: its trials with a value in the space. */
    static Observed axis(double[][] encoded, double[] weights, int d) {
      double[] column = encoded[d];
      double[] x = new double[column.length];
      double[] w = new double[column.length];
      int kept = 0;
      for (int t = 0; t < column.length; t++) {
        if (!Double.isNaN(column[t])) {
          x[kept] = column[t];
          w[kept++] = weights[t];
        }
      }
      return new Observed(new double[][] {java.util.Arrays.copyOf(x, kept)},
          java.util.Arrays.copyOf(w, kept));
    }

    /** Every trial's coordinate on every axis, NaN where its value is not in the space. */
    static double[][] encoded(List<Axis> axes, List<FinishedTrial> trials) {
      double[][] columns = new double[axes.size()][trials.size()];
      for (int t = 0; t < trials.size(); t++) {
        Map<String, Object> p = trials.get(t).params().asMap();
        for (int d = 0; d < axes.size(); d++) {
          Axis axis = axes.get(d);
          Object v = p.get(axis.name());
          columns[d][t] = v == null && !p.containsKey(axis.name()) ? Double.NaN
              : axis.encode(v);
        }
      }
      return columns;
    }

    double[] column(int d) {
      return columns[d];
    }
  }
}
