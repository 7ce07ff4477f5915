package org.targetwatch.bench.statecost;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.targetwatch.bench.platform.TempDirectories;
import org.targetwatch.eventfile.BadLine;
import org.targetwatch.eventfile.EventFileWriter;
import org.targetwatch.replay.Replay;
import org.targetwatch.replay.StateSize;
import org.targetwatch.simulator.EventFileSink;
import org.targetwatch.simulator.PlatformSimulator;
import org.targetwatch.simulator.SimulationConfig;
import org.targetwatch.simulator.SimulationResult;
import org.targetwatch.topology.DetectorConfig;

/**
 * What the detector's state costs per account: simulates N accounts over D days into an event file,
 * runs it through the production processors and stores ({@code replay}), and reports, once the last
 * event is processed, the entries per store, the heap Kafka Streams' in-memory stores hold (after a
 * full GC, against the heap before the first event) and, with RocksDB stores, their size on disk.
 * One size per JVM, so the heap figure is this size's alone.
 */
public final class StateCostBenchmark {
  /** One size of platform and where its state lives. */
  public record Options(int accounts, int days, long seed, boolean rocksDb) {}

  /** What the state of one size costs. */
  public record Result(int accounts, long events, Map<String, Long> entriesPerStore, long heapBytes, long diskBytes,
      Duration elapsed) {
    public long entries() {
      return entriesPerStore.values().stream().mapToLong(Long::longValue).sum();
    }
  }

  private final Options options;
  private final PrintStream out;

  public StateCostBenchmark(Options options, PrintStream out) {
    this.options = options;
    this.out = out;
  }

  public Result run() throws Exception {
    Path work = Files.createTempDirectory("targetwatch-bench-state-");
    try {
      Path events = work.resolve("events.jsonl");
      SimulationConfig simulation = SimulationConfig.defaults(options.seed()).withAccounts(options.accounts())
          .withDays(options.days());
      out.printf(Locale.ROOT, "[state] simulating %,d accounts over %d days ...%n", options.accounts(), options.days());
      SimulationResult simulated;
      try (EventFileWriter writer = EventFileWriter.create(events)) {
        simulated = new PlatformSimulator().run(simulation, new EventFileSink(writer));
      }
      long heapBefore = usedHeapAfterGc();
      AtomicReference<StateSize> state = new AtomicReference<>();
      AtomicReference<Long> heapWithState = new AtomicReference<>(0L);
      // Kafka Streams' own stores, which hold bytes as a deployment's would (replay's default
      // stores hold objects, which cost more heap than the bytes they stand for)
      Replay replay = options.rocksDb()
          ? new Replay(DetectorConfig.defaults()).withPersistentStores(work.resolve("state"))
          : new Replay(DetectorConfig.defaults()).withSerialisingInMemoryStores();
      Replay.Summary summary = replay.run(events, work.resolve("alerts.jsonl"), new Replay.Listener() {
        @Override
        public void onProgress(long eventsReplayed, long totalEvents, long alerts) {}

        @Override
        public void onBadLine(BadLine line) {}

        @Override
        public void onStateBuilt(Supplier<StateSize> size) {
          state.set(size.get());
          heapWithState.set(usedHeapAfterGc());
        }
      });
      Result result = new Result(options.accounts(), simulated.totalEvents(), state.get().entriesPerStore(),
          options.rocksDb() ? 0 : Math.max(0, heapWithState.get() - heapBefore), state.get().diskBytes(),
          summary.elapsed());
      print(result, summary);
      return result;
    } finally {
      TempDirectories.deleteRecursively(work);
    }
  }

  private void print(Result result, Replay.Summary summary) {
    out.printf(Locale.ROOT, "[state] %,d events replayed in %.1f s (%,.0f events/s), %,d alerts%n", result.events(),
        summary.elapsed().toMillis() / 1000.0, summary.eventsPerSecond(), summary.alerts());
    result.entriesPerStore().forEach((store, entries) -> out.printf(Locale.ROOT, "  %-36s %,12d entries%n", store, entries));
    out.printf(Locale.ROOT, "state for %,d accounts: %,d entries (%.1f per account)", result.accounts(), result.entries(),
        result.entries() / (double) result.accounts());
    if (options.rocksDb()) {
      out.printf(Locale.ROOT, ", RocksDB on disk %,.1f MB (%,.0f bytes per account)%n", result.diskBytes() / 1e6,
          result.diskBytes() / (double) result.accounts());
    } else {
      out.printf(Locale.ROOT, ", heap %,.1f MB (%,.0f bytes per account)%n", result.heapBytes() / 1e6,
          result.heapBytes() / (double) result.accounts());
    }
  }

  private static long usedHeapAfterGc() {
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }
}
