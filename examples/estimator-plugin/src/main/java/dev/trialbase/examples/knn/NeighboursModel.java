package dev.trialbase.examples.knn;

import dev.trialbase.api.Dataset;
import dev.trialbase.api.Model;
import java.util.Arrays;
import java.util.Comparator;

/**
 * k nearest neighbours on one fold: {@link #fit} keeps the training rows; each prediction
 * takes the {@code k} training rows nearest by {@link HeomDistance} (ties by training order,
 * so results never depend on chance) and returns their class shares or their mean target,
 * each neighbour counting once or by 1/distance.
 */
final class NeighboursModel implements Model {

  private final int k;
  private final boolean byDistance;
  private Dataset train;
  private HeomDistance distance;

  NeighboursModel(int k, boolean byDistance) {
    this.k = k;
    this.byDistance = byDistance;
  }

  @Override
  public void fit(Dataset train, long seed) {
    if (train.size() == 0) {
      throw new IllegalArgumentException("no training rows");
    }
    this.train = train;
    this.distance = HeomDistance.of(train);
  }

  @Override
  public double[][] predictProbabilities(Dataset data) {
    double[][] out = new double[data.size()][];
    for (int i = 0; i < out.length; i++) {
      double[] shares = new double[train.classCount()];
      Neighbour[] near = nearest(data.features()[i]);
      double total = 0;
      for (Neighbour n : near) {
        shares[(int) train.targets()[n.row()]] += n.weight();
        total += n.weight();
      }
      for (int c = 0; c < shares.length; c++) {
        shares[c] /= total;
      }
      out[i] = shares;
    }
    return out;
  }

  @Override
  public double[] predictValues(Dataset data) {
    double[] out = new double[data.size()];
    for (int i = 0; i < out.length; i++) {
      double sum = 0;
      double total = 0;
      for (Neighbour n : nearest(data.features()[i])) {
        sum += n.weight() * train.targets()[n.row()];
        total += n.weight();
      }
      out[i] = sum / total;
    }
    return out;
  }

  /** A training row and the weight of its vote. */
  private record Neighbour(int row, double weight) {
  }

  /**
   * The {@code k} nearest training rows to {@code query}, weighted. With distance weights and
   * training rows at distance 0, those rows alone vote, equally (1/0 would be infinite).
   */
  private Neighbour[] nearest(double[] query) {
    Integer[] order = new Integer[train.size()];
    double[] d = new double[train.size()];
    for (int r = 0; r < d.length; r++) {
      order[r] = r;
      d[r] = distance.between(query, train.features()[r]);
    }
    Arrays.sort(order, Comparator.<Integer>comparingDouble(r -> d[r]).thenComparingInt(r -> r));
    int m = Math.min(k, order.length);
    boolean exact = byDistance && d[order[0]] == 0;
    return Arrays.stream(order, 0, m)
        .filter(r -> !exact || d[r] == 0)
        .map(r -> new Neighbour(r, byDistance && !exact ? 1 / d[r] : 1))
        .toArray(Neighbour[]::new);
  }
}
