package dev.trialbase.bench;

import com.sun.management.GarbageCollectionNotificationInfo;
import dev.trialbase.engine.PreparedRun;
import dev.trialbase.engine.RunControl;
import dev.trialbase.engine.RunEngine;
import dev.trialbase.engine.RunListener;
import dev.trialbase.engine.RunResult;
import dev.trialbase.plugin.PluginRegistry;
import dev.trialbase.spec.SpecReader;
import dev.trialbase.store.Database;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryUsage;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;

/**
 * A long noop run in a JVM of its own (started by {@link MemoryBench} with a small -Xmx): the
 * heap in use is sampled every 5 ms and read after every collection. Prints one line of
 * {@code key=value}. Arguments: WORK_DIR TRIALS.
 */
public final class MemoryProbe {

  private MemoryProbe() {
  }

  public static void main(String[] args) throws Exception {
    Path work = Path.of(args[0]);
    long trials = Long.parseLong(args[1]);
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    AtomicLong peakUsed = new AtomicLong();
    AtomicLong peakCommitted = new AtomicLong();
    AtomicLong peakAfterGc = new AtomicLong();
    for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      ((NotificationEmitter) gc).addNotificationListener((notification, handback) -> {
        if (notification.getType().equals(
            GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION)) {
          GarbageCollectionNotificationInfo info = GarbageCollectionNotificationInfo.from(
              (CompositeData) notification.getUserData());
          long after = info.getGcInfo().getMemoryUsageAfterGc().entrySet().stream()
              .filter(e -> isHeap(e.getKey()))
              .mapToLong(e -> e.getValue().getUsed()).sum();
          peakAfterGc.accumulateAndGet(after, Math::max);
        }
      }, null, null);
    }
    Thread sampler = new Thread(() -> {
      while (!Thread.currentThread().isInterrupted()) {
        MemoryUsage heap = memory.getHeapMemoryUsage();
        peakUsed.accumulateAndGet(heap.getUsed(), Math::max);
        peakCommitted.accumulateAndGet(heap.getCommitted(), Math::max);
        try {
          Thread.sleep(5);
        } catch (InterruptedException e) {
          return;
        }
      }
    }, "heap-sampler");
    sampler.setDaemon(true);
    sampler.start();

    Path csv = Workloads.csv(work, "memory-train.csv", 200, 5);
    Path spec = Workloads.noopSpec(work, "memory.json", csv, trials, 3);
    long start = System.nanoTime();
    RunResult result;
    String slices;
    try (PluginRegistry plugins = PluginRegistry.load(List.of(
        Path.of(System.getProperty("trialbase.builtin.plugins")), Env.testPlugins()))) {
      RunEngine engine = new RunEngine(plugins);
      PreparedRun prepared = engine.prepare(SpecReader.read(spec));
      Database database = Database.open(work.resolve("memory.db"));
      // When each tenth of the trials was stored: does a trial cost more late in a long run?
      long[] tenths = new long[11];
      tenths[0] = System.nanoTime();
      RunListener clock = new RunListener() {
        private long stored;

        @Override
        public void trialFinished(dev.trialbase.store.TrialRecord trial, double best) {
          stored++;
          if (stored % Math.max(1, trials / 10) == 0 && stored / Math.max(1, trials / 10) <= 10) {
            tenths[(int) (stored / Math.max(1, trials / 10))] = System.nanoTime();
          }
        }
      };
      result = engine.execute(prepared, database, 1, clock, new RunControl());
      slices = String.format(Locale.ROOT, "firstTenth=%.3f lastTenth=%.3f",
          (tenths[1] - tenths[0]) / 1e6, (tenths[10] - tenths[9]) / 1e6);
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    sampler.interrupt();
    long gcs = ManagementFactory.getGarbageCollectorMXBeans().stream()
        .mapToLong(GarbageCollectorMXBean::getCollectionCount).sum();
    System.out.println(String.format(Locale.ROOT,
        "memory trials=%d failed=%d seconds=%.3f peakUsed=%d peakCommitted=%d peakAfterGc=%d "
            + "max=%d gcs=%d %s",
        result.trials(), result.failed(), seconds, peakUsed.get(), peakCommitted.get(),
        peakAfterGc.get(), memory.getHeapMemoryUsage().getMax(), gcs, slices));
  }

  private static boolean isHeap(String pool) {
    return ManagementFactory.getMemoryPoolMXBeans().stream()
        .anyMatch(p -> p.getName().equals(pool)
            && p.getType() == java.lang.management.MemoryType.HEAP);
  }
}
