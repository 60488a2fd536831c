package dev.trialbase.data;

import dev.trialbase.api.Dataset;
import java.lang.ref.Reference;
import java.nio.file.Path;

/**
 * How long a training file takes to read and how much heap the dataset keeps, for the bench
 * harness. The retained size is the heap in use after a full collection with the dataset held,
 * less the heap in use before reading; {@link System#gc()} is a request, so run it in a JVM of
 * its own, as the bench does.
 *
 * @param rows the dataset's rows
 * @param cells rows times columns, target included
 * @param millis wall-clock time to read and build the dataset
 * @param retainedBytes heap the dataset holds on to
 */
public record LoadMeasurement(int rows, long cells, long millis, long retainedBytes) {

  /** The dataset's cells at 8 bytes each, the floor its memory is compared with. */
  public long rawBytes() {
    return cells * Double.BYTES;
  }

  /** Retained heap per raw byte: 1.0 would be nothing but the doubles. */
  public double overhead() {
    return (double) retainedBytes / rawBytes();
  }

  /** Reads {@code file} as a training set and measures it. */
  public static LoadMeasurement of(Path file, DataRequest request, FormatLookup formats) {
    long before = usedAfterGc();
    long start = System.nanoTime();
    Dataset dataset = DataFiles.readTrain(file, request, formats);
    long millis = (System.nanoTime() - start) / 1_000_000;
    long after = usedAfterGc();
    LoadMeasurement m = new LoadMeasurement(dataset.size(),
        (long) dataset.size() * (dataset.featureCount() + 1), millis, after - before);
    Reference.reachabilityFence(dataset);
    return m;
  }

  private static long usedAfterGc() {
    Runtime runtime = Runtime.getRuntime();
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    return runtime.totalMemory() - runtime.freeMemory();
  }

  @Override
  public String toString() {
    return String.format(java.util.Locale.ROOT,
        "%,d rows, %,d cells: read in %.1f s, retained %.0f MB (%.2f x the raw %.0f MB)",
        rows, cells, millis / 1000.0, retainedBytes / 1e6, overhead(), rawBytes() / 1e6);
  }
}
