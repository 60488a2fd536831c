package dev.trialbase.cli;

import dev.trialbase.store.Database;
import dev.trialbase.store.RunDiff;
import java.nio.file.Path;
import java.util.List;

/**
 * Compares two runs in a child JVM ({@link LargeRunMemoryTest}): prints how many differences
 * {@link RunDiff#between} finds, then each of them.
 */
final class DiffProbe {

  private DiffProbe() {
  }

  /** Arguments: database file, run a, run b. */
  public static void main(String[] args) {
    List<RunDiff.Difference> differences = RunDiff.between(
        Database.openReadOnly(Path.of(args[0])), Long.parseLong(args[1]),
        Long.parseLong(args[2]));
    System.out.println(differences.size() + " differences");
    differences.forEach(System.out::println);
  }
}
