package dev.trialbase.eval;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * K-fold assignment of rows to validation folds, every row in exactly one. Stratified for
 * classification: each class's rows are shuffled with the seed and dealt to the folds in turn,
 * continuing where the previous class stopped, so every fold holds close to the same share of
 * each class and fold sizes differ by at most one. Shuffled for regression: the same with one
 * class, i.e. all rows shuffled with the seed and dealt in turn. A pure function of (labels,
 * k, seed), so every trial of a run, and every run on the same data with the same seed and k,
 * sees the same folds.
 */
public final class Folds {

  private final int[] foldOfRow;
  private final int k;

  private Folds(int[] foldOfRow, int k) {
    this.foldOfRow = foldOfRow;
    this.k = k;
  }

  /**
   * Splits rows with class indices {@code labels} into {@code k} stratified folds. A class
   * with fewer rows than folds is allowed (some folds then hold none of it, as scikit-learn's
   * {@code StratifiedKFold} allows with a warning), and so is a declared class with no rows.
   *
   * @throws IllegalArgumentException when k &lt; 2 or there are fewer rows than folds
   */
  public static Folds stratified(int[] labels, int k, long seed) {
    requireEnoughRows(labels.length, k);
    int classes = Arrays.stream(labels).max().orElse(-1) + 1;
    List<List<Integer>> rowsByClass = new ArrayList<>();
    for (int c = 0; c < classes; c++) {
      rowsByClass.add(new ArrayList<>());
    }
    for (int row = 0; row < labels.length; row++) {
      rowsByClass.get(labels[row]).add(row);
    }
    SplittableRandom random = new SplittableRandom(seed);
    int[] foldOfRow = new int[labels.length];
    int next = 0;
    for (int c = 0; c < classes; c++) {
      List<Integer> rows = rowsByClass.get(c);
      int[] shuffled = rows.stream().mapToInt(Integer::intValue).toArray();
      shuffle(shuffled, random);
      for (int row : shuffled) {
        foldOfRow[row] = next;
        next = (next + 1) % k;
      }
    }
    return new Folds(foldOfRow, k);
  }

  /**
   * Splits {@code rows} rows into {@code k} folds without classes (regression): the rows are
   * shuffled with the seed (Fisher-Yates) and dealt to folds 0, 1, ..., k - 1, 0, ... in turn,
   * so fold sizes differ by at most one. The same as {@link #stratified} with a single class.
   *
   * @throws IllegalArgumentException when k &lt; 2 or there are fewer rows than folds
   */
  public static Folds shuffled(int rows, int k, long seed) {
    requireEnoughRows(rows, k);
    return stratified(new int[rows], k, seed);
  }

  private static void requireEnoughRows(int rows, int k) {
    if (k < 2) {
      throw new IllegalArgumentException("folds must be at least 2, got " + k);
    }
    if (rows < k) {
      throw new IllegalArgumentException(k + " folds need at least " + k + " rows, but there "
          + (rows == 1 ? "is 1" : "are " + rows));
    }
  }

  private static void shuffle(int[] a, SplittableRandom random) {
    for (int i = a.length - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int t = a[i];
      a[i] = a[j];
      a[j] = t;
    }
  }

  public int count() {
    return k;
  }

  /** The fold whose validation set holds {@code row}. */
  public int foldOf(int row) {
    return foldOfRow[row];
  }

  /** Rows used for training in fold {@code fold}, ascending. */
  public int[] trainRows(int fold) {
    return rowsWhere(fold, false);
  }

  /** Rows used for validation in fold {@code fold}, ascending. */
  public int[] validationRows(int fold) {
    return rowsWhere(fold, true);
  }

  private int[] rowsWhere(int fold, boolean inFold) {
    if (fold < 0 || fold >= k) {
      throw new IndexOutOfBoundsException("fold " + fold + " of " + k);
    }
    int[] out = new int[foldOfRow.length];
    int n = 0;
    for (int row = 0; row < foldOfRow.length; row++) {
      if ((foldOfRow[row] == fold) == inFold) {
        out[n++] = row;
      }
    }
    return Arrays.copyOf(out, n);
  }
}
