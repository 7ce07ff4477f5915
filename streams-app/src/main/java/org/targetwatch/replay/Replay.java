package org.targetwatch.replay;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.apache.avro.specific.SpecificRecord;
import org.targetwatch.eventfile.AlertFileWriter;
import org.targetwatch.eventfile.BadLineListener;
import org.targetwatch.eventfile.EventFileSections;
import org.targetwatch.eventfile.ReadCounts;
import org.targetwatch.schema.Alert;
import org.targetwatch.schema.Severity;
import org.targetwatch.scoring.AssessmentTrace;
import org.targetwatch.topology.DetectorConfig;

/**
 * Runs an event file through the detector, in event time, and writes the alerts as an alert file.
 * The file need not be sorted: it is read once (a large one in sections on as many threads as
 * there are processors, {@link EventFileSections}), its events kept as compact bytes
 * ({@link TimeOrderedEvents}, about a third of the file's size) and ordered by event time (stable
 * for equal times: file order). The events run through a {@link ProcessorPipeline}: the production intake and
 * processors over the production stores (held as objects, {@link ReplayStores}) in one thread,
 * with the repartition topics as in-memory queues, in the order a single Kafka Streams task would
 * process them. (Under a
 * {@code TopologyTestDriver}, which commits after every record and serialises every record it
 * repartitions, the same alerts came about four times slower.)
 */
public final class Replay {
  /** Hears about progress now and then, and about each bad line. */
  public interface Listener extends BadLineListener {
    void onProgress(long eventsReplayed, long totalEvents, long alerts);

    /**
     * After the last event, while the state is still open: {@code state} measures it on demand (the
     * state-cost benchmark does; a plain replay does not pay for it).
     */
    default void onStateBuilt(Supplier<StateSize> state) {}
  }

  public record Summary(long lines, long events, long badLines, long alerts, Map<Severity, Long> alertsBySeverity,
      Duration elapsed) {
    public double eventsPerSecond() {
      return events / Math.max(0.001, elapsed.toMillis() / 1000.0);
    }
  }

  private final DetectorConfig config;
  private final Function<DetectorConfig, ReplayEngine> engines;
  private final int readThreads;
  private final long minSectionBytes;
  /** The events replayed; the others are read (and counted as lines) but left out. Null: all. */
  private final Predicate<SpecificRecord> keep;

  public Replay(DetectorConfig config) {
    this(config, ProcessorPipeline::new);
  }

  /**
   * The same replay with RocksDB stores under {@code stateDirectory} (the production store kind)
   * instead of in-memory ones: slower, for measuring what the state costs on disk.
   */
  public Replay withPersistentStores(Path stateDirectory) {
    return new Replay(config, detector -> new ProcessorPipeline(detector, new ReplayStores(detector, stateDirectory)));
  }

  /**
   * The same replay with Kafka Streams' in-memory stores, which hold serialised bytes, instead of
   * replay's stores of objects: slower, for measuring the heap the state takes in bytes.
   */
  public Replay withSerialisingInMemoryStores() {
    return new Replay(config, detector -> new ProcessorPipeline(detector, ReplayStores.serialisingInMemory(detector)));
  }

  /** The same replay telling {@code trace} of every assessment (backtests, fitting the evidence model). */
  public Replay tracing(AssessmentTrace trace) {
    return new Replay(config, detector -> new ProcessorPipeline(detector, new ReplayStores(detector), trace));
  }

  /**
   * The same replay as a deployment whose topics have {@code partitions} partitions runs it: a task
   * per partition with its own stores ({@link PartitionedPipeline}), telling {@code trace} of every
   * assessment. One partition is the one-task replay.
   */
  public Replay partitioned(int partitions, AssessmentTrace trace) {
    if (partitions == 1) {
      return tracing(trace);
    }
    return new Replay(config, detector -> new PartitionedPipeline(detector, partitions, trace));
  }

  /** With another engine, e.g. the production topology under a test driver, to compare with. */
  Replay(DetectorConfig config, Function<DetectorConfig, ReplayEngine> engines) {
    this(config, engines, Runtime.getRuntime().availableProcessors(), EventFileSections.MIN_SECTION_BYTES, null);
  }

  private Replay(DetectorConfig config, Function<DetectorConfig, ReplayEngine> engines, int readThreads,
      long minSectionBytes, Predicate<SpecificRecord> keep) {
    // event files are history: "in the future" has no meaning against the wall clock
    this.config = config.withFutureTolerance(Duration.ZERO);
    this.engines = engines;
    this.readThreads = readThreads;
    this.minSectionBytes = minSectionBytes;
    this.keep = keep;
  }

  /**
   * The same replay reading the file in up to {@code threads} sections of at least {@code
   * minSectionBytes} (by default: a section per processor, at least {@link
   * EventFileSections#MIN_SECTION_BYTES} each); tests cut small files this way.
   */
  Replay readingInSections(int threads, long minSectionBytes) {
    return new Replay(config, engines, threads, minSectionBytes, keep);
  }

  /**
   * The same replay of only the events {@code keep} accepts: a world with reports replayed without
   * them (the safety loop's evaluation), with no second copy of the file. The summary's {@code
   * events} counts the events kept.
   */
  public Replay keeping(Predicate<SpecificRecord> keep) {
    return new Replay(config, engines, readThreads, minSectionBytes, keep);
  }

  public Summary run(Path input, Path output, Listener listener) throws IOException {
    return run(List.of(input), output, listener);
  }

  /**
   * Replays the events of several files as one stream in event time (e.g. a world's events and a
   * reviewer's verdicts): equal times keep the order of the files, then of their lines.
   */
  public Summary run(List<Path> inputs, Path output, Listener listener) throws IOException {
    long started = System.nanoTime();
    Map<Severity, Long> bySeverity = new EnumMap<>(Severity.class);
    long alerts = 0;
    List<TimeOrderedEvents> parts = new ArrayList<>();
    long lines = 0;
    long badLines = 0;
    for (Path input : inputs) {
      EventFileSections.Read<TimeOrderedEvents> read = EventFileSections.readAll(input, listener,
          () -> new TimeOrderedEvents(keep), readThreads, minSectionBytes);
      parts.addAll(read.sinks());
      lines += read.counts().lines();
      badLines += read.counts().badLines();
    }
    ReadCounts counts = new ReadCounts(lines, 0, badLines, 0);
    TimeOrderedEvents events = TimeOrderedEvents.joined(parts);
    events.sort();
    try (ReplayEngine engine = engines.apply(config);
        AlertFileWriter writer = AlertFileWriter.create(output)) {
      int total = events.size();
      for (int rank = 0; rank < total; rank++) {
        engine.process(events.eventAt(rank));
        if ((rank & 0x3FF) == 0x3FF || rank == total - 1) {
          for (Alert alert : engine.takeAlerts()) {
            writer.write(alert);
            bySeverity.merge(alert.getSeverity(), 1L, Long::sum);
            alerts++;
          }
          if ((rank & 0xFFFF) == 0xFFFF) {
            listener.onProgress(rank + 1L, total, alerts);
          }
        }
      }
      engine.finishInput();
      for (Alert alert : engine.takeAlerts()) {
        writer.write(alert);
        bySeverity.merge(alert.getSeverity(), 1L, Long::sum);
        alerts++;
      }
      listener.onProgress(total, total, alerts);
      listener.onStateBuilt(engine::stateSize);
    }
    return new Summary(counts.lines(), events.size(), counts.badLines(), alerts, bySeverity,
        Duration.ofNanos(System.nanoTime() - started));
  }
}
