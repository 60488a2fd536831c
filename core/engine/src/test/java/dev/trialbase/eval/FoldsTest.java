package dev.trialbase.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class FoldsTest {

  /** 23 rows of class 0 and 12 of class 1, interleaved so row order says nothing of class. */
  private static int[] labels() {
    int[] y = new int[35];
    for (int i = 0; i < y.length; i++) {
      y[i] = (i % 3 == 0) ? 1 : 0;
    }
    return y;
  }

  @Test
  void eachFoldHoldsItsShareOfEachClassWithinOne() {
    int[] y = labels();
    assertThat(Arrays.stream(y).filter(v -> v == 1).count()).isEqualTo(12);
    int k = 5;
    Folds folds = Folds.stratified(y, k, 7L);
    // Ideal shares: class 0 has 23 rows -> 23/5 = 4.6 per fold; class 1 has 12 -> 2.4.
    // So every fold holds 4 or 5 rows of class 0 and 2 or 3 of class 1.
    for (int fold = 0; fold < k; fold++) {
      int[] rows = folds.validationRows(fold);
      long ones = Arrays.stream(rows).filter(r -> y[r] == 1).count();
      long zeros = rows.length - ones;
      assertThat(Math.abs(zeros - 23.0 / k)).as("class 0 in fold %d", fold).isLessThan(1.0);
      assertThat(Math.abs(ones - 12.0 / k)).as("class 1 in fold %d", fold).isLessThan(1.0);
    }
  }

  @Test
  void foldSizesDifferByAtMostOne() {
    Folds folds = Folds.stratified(labels(), 4, 3L);
    // 35 rows over 4 folds: sizes 8 or 9.
    int[] sizes = IntStream.range(0, 4).map(f -> folds.validationRows(f).length).toArray();
    assertThat(Arrays.stream(sizes).sum()).isEqualTo(35);
    assertThat(Arrays.stream(sizes).max().getAsInt() - Arrays.stream(sizes).min().getAsInt())
        .isLessThanOrEqualTo(1);
  }

  @Test
  void sameSeedGivesIdenticalAssignment() {
    int[] y = labels();
    Folds a = Folds.stratified(y, 5, 42L);
    Folds b = Folds.stratified(y.clone(), 5, 42L);
    for (int row = 0; row < y.length; row++) {
      assertThat(b.foldOf(row)).as("row %d", row).isEqualTo(a.foldOf(row));
    }
  }

  @Test
  void differentSeedGivesDifferentAssignment() {
    int[] y = labels();
    Folds a = Folds.stratified(y, 5, 42L);
    Folds b = Folds.stratified(y, 5, 43L);
    long moved = IntStream.range(0, y.length).filter(r -> a.foldOf(r) != b.foldOf(r)).count();
    assertThat(moved).isGreaterThan(0);
  }

  @Test
  void assignmentIsShuffledNotRowOrder() {
    // Without shuffling, class 0 rows would be dealt 0,1,2,3,4,0,... in row order.
    int[] y = labels();
    Folds folds = Folds.stratified(y, 5, 42L);
    int[] zeros = IntStream.range(0, y.length).filter(r -> y[r] == 0).toArray();
    boolean roundRobin = true;
    for (int i = 0; i < zeros.length; i++) {
      roundRobin &= folds.foldOf(zeros[i]) == i % 5;
    }
    assertThat(roundRobin).isFalse();
  }

  @Test
  void everyRowIsInExactlyOneValidationFold() {
    int[] y = labels();
    int k = 5;
    Folds folds = Folds.stratified(y, k, 11L);
    int[] seen = new int[y.length];
    for (int fold = 0; fold < k; fold++) {
      for (int row : folds.validationRows(fold)) {
        seen[row]++;
        assertThat(folds.foldOf(row)).isEqualTo(fold);
      }
    }
    assertThat(seen).containsOnly(1);
  }

  @Test
  void trainAndValidationAreDisjointAndCoverAllRows() {
    int[] y = labels();
    Folds folds = Folds.stratified(y, 3, 5L);
    assertThat(folds.count()).isEqualTo(3);
    for (int fold = 0; fold < 3; fold++) {
      int[] train = folds.trainRows(fold);
      int[] validation = folds.validationRows(fold);
      Set<Integer> trainSet = new HashSet<>();
      Arrays.stream(train).forEach(trainSet::add);
      Set<Integer> all = new HashSet<>(trainSet);
      for (int row : validation) {
        assertThat(trainSet).doesNotContain(row);
        all.add(row);
      }
      assertThat(train.length + validation.length).isEqualTo(y.length);
      assertThat(all).hasSize(y.length);
    }
  }

  @Test
  void rowsComeInAscendingOrder() {
    Folds folds = Folds.stratified(labels(), 5, 9L);
    for (int fold = 0; fold < 5; fold++) {
      assertThat(folds.trainRows(fold)).isSorted().doesNotHaveDuplicates();
      assertThat(folds.validationRows(fold)).isSorted().doesNotHaveDuplicates();
    }
  }

  @Test
  void fewerThanTwoFoldsIsRejected() {
    assertThatThrownBy(() -> Folds.stratified(labels(), 1, 0L))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at least 2, got 1");
    assertThatThrownBy(() -> Folds.stratified(labels(), 0, 0L))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void assignmentIsTheOneStoredRunsWereMadeWith() {
    // Printed by the Folds of commit e286826 (before classes smaller than k were allowed), so
    // the folds of existing data, and the scores of stored runs, cannot move.
    Folds folds = Folds.stratified(labels(), 5, 42L);
    assertThat(IntStream.range(0, 35).map(folds::foldOf).toArray()).containsExactly(
        4, 1, 3, 3, 1, 4, 4, 0, 3, 1, 0, 4, 0, 0, 2, 0, 2, 2, 1, 4, 4, 3, 1, 1, 2, 1, 2, 3, 0,
        2, 4, 3, 0, 2, 3);
    // Class 1 declared (by class 2) but absent: the same commit's assignment.
    int[] y = {0, 0, 0, 2, 2, 2, 2, 2, 2, 2, 0, 0, 0, 0, 0};
    Folds withGap = Folds.stratified(y, 3, 7L);
    assertThat(IntStream.range(0, y.length).map(withGap::foldOf).toArray())
        .containsExactly(1, 0, 0, 2, 1, 1, 2, 2, 0, 0, 0, 2, 1, 2, 1);
  }

  @Test
  void aClassWithFewerRowsThanFoldsIsAllowed() {
    // As scikit-learn's StratifiedKFold, which only warns: class 1's two rows land in two
    // different folds, the third fold has none of it, and every row is still in one fold.
    int[] y = {0, 0, 0, 0, 0, 1, 1};
    Folds folds = Folds.stratified(y, 3, 0L);
    assertThat(folds.foldOf(5)).isNotEqualTo(folds.foldOf(6));
    int[] sizes = IntStream.range(0, 3).map(f -> folds.validationRows(f).length).toArray();
    assertThat(sizes).containsExactlyInAnyOrder(2, 2, 3);
    // A class with a single row: it is in exactly one validation fold.
    int[] single = {0, 0, 0, 0, 1, 0};
    Folds one = Folds.stratified(single, 3, 1L);
    long foldsWithIt = IntStream.range(0, 3)
        .filter(f -> Arrays.stream(one.validationRows(f)).anyMatch(r -> r == 4)).count();
    assertThat(foldsWithIt).isEqualTo(1);
  }

  @Test
  void aDeclaredClassWithoutRowsIsAllowed() {
    // Classes 0 and 3 have rows, 1 and 2 none (labels are indices of declared classes).
    int[] y = {3, 0, 3, 0, 3, 0, 3, 0};
    Folds folds = Folds.stratified(y, 2, 5L);
    for (int fold = 0; fold < 2; fold++) {
      int[] rows = folds.validationRows(fold);
      assertThat(Arrays.stream(rows).filter(r -> y[r] == 3).count()).isEqualTo(2);
      assertThat(Arrays.stream(rows).filter(r -> y[r] == 0).count()).isEqualTo(2);
    }
  }

  @Test
  void fewerRowsThanFoldsIsRejected() {
    assertThatThrownBy(() -> Folds.stratified(new int[] {0, 1, 0, 1}, 5, 0L))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("5 folds need at least 5 rows, but there are 4");
    // Exactly k rows: one per fold.
    Folds folds = Folds.stratified(new int[] {0, 1, 0}, 3, 0L);
    for (int fold = 0; fold < 3; fold++) {
      assertThat(folds.validationRows(fold)).hasSize(1);
    }
  }

  @Test
  void foldIndexOutOfRangeIsRejected() {
    Folds folds = Folds.stratified(labels(), 5, 0L);
    assertThatThrownBy(() -> folds.validationRows(5))
        .isInstanceOf(IndexOutOfBoundsException.class);
    assertThatThrownBy(() -> folds.trainRows(-1))
        .isInstanceOf(IndexOutOfBoundsException.class);
  }
}
