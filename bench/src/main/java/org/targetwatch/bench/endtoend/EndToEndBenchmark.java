package org.targetwatch.bench.endtoend;

import org.targetwatch.bench.platform.BenchPlatform;
import org.targetwatch.bench.platform.StreamsPhase;
import org.targetwatch.bench.platform.StreamsTuning;
import org.targetwatch.bench.platform.TargetwatchApp;
import org.targetwatch.bench.platform.TempDirectories;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import org.targetwatch.simulator.SimulationConfig;

/**
 * One run on one machine: load N simulated events into the in-process broker as Avro, then measure
 * a plain consumer, a stateless pass-through Kafka Streams application and targetwatch over the
 * same records, and print events/s and the ratios. With more than one round, the two applications
 * take turns, each round with fresh application ids from the beginning of the topics: the first
 * round runs on a cold JVM (the JIT compiler takes about a third of the two cores while targetwatch
 * runs), later ones on a warm JVM as a long-running service does; the result is the last round's.
 */
public final class EndToEndBenchmark {
  /** What to load and how the two Kafka Streams applications run. */
  public record Options(int accounts, int days, long seed, int partitions, StreamsTuning tuning, int rounds,
      Duration timeout, List<String> targetwatchSettings) {
    public static Options of(int accounts, int days, long seed, int partitions, int threads, String guarantee,
        int rounds, Duration timeout, List<String> targetwatchSettings) {
      if (rounds < 1) {
        throw new IllegalArgumentException("rounds must be at least 1, was " + rounds);
      }
      return new Options(accounts, days, seed, partitions, new StreamsTuning(threads, guarantee, 2000), rounds,
          timeout, List.copyOf(targetwatchSettings));
    }
  }

  /** The figures of one run. */
  public record Result(Throughput load, Throughput raw, Throughput passThrough, Throughput targetwatch,
      StreamsPhase.Timing passThroughTiming, StreamsPhase.Timing targetwatchTiming) {
    public double targetwatchOverPassThrough() {
      return targetwatch.eventsPerSecond() / passThrough.eventsPerSecond();
    }

    public double targetwatchOverRaw() {
      return targetwatch.eventsPerSecond() / raw.eventsPerSecond();
    }
  }

  private final Options options;
  private final PrintStream out;

  public EndToEndBenchmark(Options options, PrintStream out) {
    this.options = options;
    this.out = out;
  }

  public Result run() throws Exception {
    Path stateRoot = Files.createTempDirectory("targetwatch-bench-");
    try (BenchPlatform platform = BenchPlatform.start(options.partitions())) {
      SimulationConfig simulation = BenchPlatform.simulation(options.accounts(), options.days(), options.seed());
      out.printf(Locale.ROOT, "[bench] loading %,d accounts over %d days (seed %d) into %d partitions ...%n",
          options.accounts(), options.days(), options.seed(), options.partitions());
      EventLoad.Loaded loaded = EventLoad.load(platform, simulation);
      long events = loaded.simulation().totalEvents();
      out.println(loaded.rate().line());

      Throughput raw = RawConsumeRate.measure(platform, events, options.timeout());
      out.println(raw.line());

      Result result = null;
      for (int round = 1; round <= options.rounds(); round++) {
        result = round(platform, stateRoot, loaded.rate(), raw, events, round);
      }
      return result;
    } finally {
      TempDirectories.deleteRecursively(stateRoot);
    }
  }

  private Result round(BenchPlatform platform, Path stateRoot, Throughput load, Throughput raw, long events, int round)
      throws Exception {
    String suffix = options.rounds() == 1 ? "" : "-" + round;
    String label = options.rounds() == 1 ? "" : String.format(Locale.ROOT, " [round %d of %d, %s JVM]", round,
        options.rounds(), round == 1 ? "cold" : "warm");
    String passThroughId = "bench-pass-through" + suffix;
    StreamsPhase.Timing passThroughTiming = StreamsPhase.time(platform, passThroughId, PassThroughApp.internalTopics(),
        () -> new PassThroughApp(platform, passThroughId, options.tuning(), stateRoot.resolve(passThroughId)),
        options.timeout());
    Throughput passThrough = phase("pass-through Kafka Streams (" + options.tuning().guarantee() + ")", events,
        passThroughTiming);
    out.println(passThrough.line() + startupNote(passThroughTiming) + label);

    String applicationId = "bench-targetwatch" + suffix;
    StreamsPhase.Timing targetwatchTiming = StreamsPhase.time(platform, applicationId,
        TargetwatchApp.internalTopics(applicationId),
        () -> new TargetwatchApp(platform, applicationId, options.tuning(), stateRoot.resolve(applicationId),
            options.targetwatchSettings()),
        options.timeout());
    Throughput targetwatch = phase("targetwatch", events, targetwatchTiming);
    out.println(targetwatch.line() + startupNote(targetwatchTiming) + label);
    if (round == options.rounds()) {
      printBrokerWrites(BrokerWrites.internalTopicRecords(platform, applicationId), events);
    }

    Result result = new Result(load, raw, passThrough, targetwatch, passThroughTiming, targetwatchTiming);
    out.printf(Locale.ROOT, "targetwatch / pass-through = %.2f   targetwatch / raw = %.2f%s%n",
        result.targetwatchOverPassThrough(), result.targetwatchOverRaw(), label);
    return result;
  }

  private void printBrokerWrites(Map<String, Long> records, long events) {
    long total = records.values().stream().mapToLong(Long::longValue).sum();
    out.printf(Locale.ROOT, "targetwatch wrote %,d records to its internal topics (%.1f per input event):%n", total,
        total / (double) events);
    records.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed())
        .forEach(e -> out.printf(Locale.ROOT, "  %-40s %,12d  (%.2f per event)%n", e.getKey(), e.getValue(),
            e.getValue() / (double) events));
  }

  private static Throughput phase(String name, long events, StreamsPhase.Timing timing) {
    return new Throughput(timing.drained() ? name : name + " (NOT DRAINED)", events, timing.processing());
  }

  private static String startupNote(StreamsPhase.Timing timing) {
    return String.format(Locale.ROOT, "   (start-up %.1f s, not counted)", timing.startup().toMillis() / 1000.0);
  }
}
