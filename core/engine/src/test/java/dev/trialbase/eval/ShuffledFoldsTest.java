package dev.trialbase.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** {@link Folds#shuffled}: seeded shuffled k-fold for regression. */
class ShuffledFoldsTest {

  @Test
  void everyRowIsInExactlyOneValidationFoldAndSizesDifferByAtMostOne() {
    for (int rows : new int[] {2, 3, 10, 17, 101}) {
      for (int k = 2; k <= Math.min(rows, 10); k++) {
        Folds folds = Folds.shuffled(rows, k, 123L + rows);
        int[] seen = new int[rows];
        int[] sizes = new int[k];
        for (int fold = 0; fold < k; fold++) {
          int[] validation = folds.validationRows(fold);
          sizes[fold] = validation.length;
          for (int row : validation) {
            seen[row]++;
          }
          assertThat(folds.trainRows(fold)).hasSize(rows - validation.length);
        }
        assertThat(seen).as("%d rows, %d folds", rows, k).containsOnly(1);
        assertThat(Arrays.stream(sizes).max().getAsInt() - Arrays.stream(sizes).min().getAsInt())
            .as("%d rows, %d folds", rows, k).isLessThanOrEqualTo(1);
      }
    }
  }

  @Test
  void theSeedDecidesTheAssignmentAndNothingElse() {
    Folds a = Folds.shuffled(50, 5, 42L);
    Folds b = Folds.shuffled(50, 5, 42L);
    Folds c = Folds.shuffled(50, 5, 43L);
    int[] foldsA = IntStream.range(0, 50).map(a::foldOf).toArray();
    assertThat(IntStream.range(0, 50).map(b::foldOf).toArray()).containsExactly(foldsA);
    assertThat(IntStream.range(0, 50).map(c::foldOf).toArray()).isNotEqualTo(foldsA);
  }

  @Test
  void rowsAreShuffledNotDealtInOrder() {
    Folds folds = Folds.shuffled(50, 5, 42L);
    boolean inOrder = IntStream.range(0, 50).allMatch(r -> folds.foldOf(r) == r % 5);
    boolean contiguous = IntStream.range(0, 50).allMatch(r -> folds.foldOf(r) == r / 10);
    assertThat(inOrder).isFalse();
    assertThat(contiguous).isFalse();
  }

  @Test
  void isStratifiedFoldsWithOneClass() {
    Folds shuffled = Folds.shuffled(23, 4, 9L);
    Folds oneClass = Folds.stratified(new int[23], 4, 9L);
    for (int row = 0; row < 23; row++) {
      assertThat(shuffled.foldOf(row)).isEqualTo(oneClass.foldOf(row));
    }
  }

  @Test
  void moreFoldsThanRowsIsAnError() {
    assertThatThrownBy(() -> Folds.shuffled(3, 4, 0L))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("4 folds need at least 4 rows, but there are 3");
    assertThatThrownBy(() -> Folds.shuffled(1, 2, 0L))
        .hasMessage("2 folds need at least 2 rows, but there is 1");
    assertThatThrownBy(() -> Folds.shuffled(10, 1, 0L))
        .hasMessage("folds must be at least 2, got 1");
    assertThat(Folds.shuffled(4, 4, 0L).validationRows(3)).hasSize(1);
  }
}
