package dev.trialbase.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trialbase.store.Database;
import dev.trialbase.store.RunQueries;
import java.nio.file.Path;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** "Is trial n stored?" for rising n, across page boundaries and gaps, reading pages lazily. */
class StoredNumbersTest {

  @TempDir
  Path dir;

  @Test
  void answersForRisingNumbersAcrossPagesAndGaps() {
    Database db = Database.open(dir.resolve("numbers.db"));
    int total = 3 * StoredNumbers.PAGE + 10;
    try (Handle h = db.jdbi().open()) {
      h.execute("insert into experiments (id, name, created_at) values (1, 'e', 'x')");
      h.execute("""
          insert into runs (id, experiment_id, status, strategy, estimator, seed, folds,
            objective, maximize, spec_json, train_path, train_sha256, plugins_json,
            trialbase_version, jvm, os, started_at)
          values (1, 1, 'interrupted', 'random', 'noop', 7, 5, 'accuracy', 1, '{}', 't', 's',
            '[]', '0', 'j', 'o', 'x')""");
      // Every number below total except multiples of 5 (a gap on each page boundary too).
      h.execute("with recursive s(n) as (select 0 union all select n + 1 from s where n < ?) "
          + "insert into trials (run_id, number, status, started_at) "
          + "select 1, n, 'complete', 'x' from s where n % 5 != 0", total - 1);
    }
    StoredNumbers stored = new StoredNumbers(new RunQueries(db), 1);
    for (long n = 0; n < total + 20; n++) {
      assertThat(stored.contains(n)).as("trial " + n).isEqualTo(n < total && n % 5 != 0);
    }
    StoredNumbers skipping = new StoredNumbers(new RunQueries(db), 1);
    assertThat(skipping.contains(2 * StoredNumbers.PAGE + 1)).isTrue();
    assertThat(skipping.contains((total - 1) / 5 * 5)).isFalse();
    assertThat(skipping.contains(total - 1)).isTrue();
    assertThat(StoredNumbers.NONE.contains(0)).isFalse();
  }
}
