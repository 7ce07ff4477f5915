package org.targetwatch.bench.endtoend;

import org.targetwatch.bench.platform.BenchPlatform;
import org.targetwatch.bench.platform.RecordCacheHitRatios;
import org.targetwatch.bench.platform.StreamsPhase;
import org.targetwatch.bench.platform.StreamsTuning;
import org.targetwatch.bench.platform.TargetwatchApp;
import org.targetwatch.bench.platform.TempDirectories;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
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
  /**
   * What to load and how the two Kafka Streams applications run.
   *
   * @param variants targetwatch with other settings, each run in every round beside the default
   *     (the order alternates between rounds), so a setting is measured against the same run
   * @param cacheHitRatios record and print the record caches' hit ratio per store (Kafka Streams
   *     metrics at DEBUG level, which cost time: throughput of such a run is not comparable)
   */
  public record Options(int accounts, int days, long seed, int partitions, StreamsTuning tuning, int rounds,
      Duration timeout, List<String> targetwatchSettings, List<Variant> variants, boolean cacheHitRatios) {
    public static Options of(int accounts, int days, long seed, int partitions, int threads, String guarantee,
        int rounds, Duration timeout, List<String> targetwatchSettings) {
      return of(accounts, days, seed, partitions, threads, guarantee, rounds, timeout, targetwatchSettings, List.of(),
          false);
    }

    public static Options of(int accounts, int days, long seed, int partitions, int threads, String guarantee,
        int rounds, Duration timeout, List<String> targetwatchSettings, List<Variant> variants, boolean cacheHitRatios) {
      if (rounds < 1) {
        throw new IllegalArgumentException("rounds must be at least 1, was " + rounds);
      }
      return new Options(accounts, days, seed, partitions, new StreamsTuning(threads, guarantee, 2000), rounds,
          timeout, List.copyOf(targetwatchSettings), List.copyOf(variants), cacheHitRatios);
    }

    /** The default targetwatch first, then each variant, each with its own settings. */
    List<Variant> targetwatchRuns() {
      List<String> common = new ArrayList<>(targetwatchSettings);
      if (cacheHitRatios) {
        common.addAll(RecordCacheHitRatios.recordingSettings());
      }
      List<Variant> runs = new ArrayList<>();
      runs.add(new Variant("", common));
      for (Variant variant : variants) {
        List<String> settings = new ArrayList<>(common);
        settings.addAll(variant.settings());
        runs.add(new Variant(variant.label(), settings));
      }
      return runs;
    }
  }

  /**
   * targetwatch with other settings, written {@code label:key=value[,key=value...]} on the command line.
   */
  public record Variant(String label, List<String> settings) {
    public static Variant parse(String text) {
      int colon = text.indexOf(':');
      if (colon <= 0 || colon == text.length() - 1) {
        throw new IllegalArgumentException("a variant is label:key=value[,key=value...], was '" + text + "'");
      }
      String label = text.substring(0, colon);
      if (!label.matches("[A-Za-z0-9._-]+")) {
        throw new IllegalArgumentException("a variant's label takes letters, digits, '.', '_' and '-', was '" + label + "'");
      }
      return new Variant(label, List.of(text.substring(colon + 1).split(",")));
    }
  }

  /**
   * The figures of one run (its last round).
   *
   * @param variants each variant's throughput, by label
   */
  public record Result(Throughput load, Throughput raw, Throughput passThrough, Throughput targetwatch,
      StreamsPhase.Timing passThroughTiming, StreamsPhase.Timing targetwatchTiming, Map<String, Throughput> variants) {
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

    List<Variant> runs = new ArrayList<>(options.targetwatchRuns());
    if (round % 2 == 0) {
      Collections.reverse(runs); // the default and the variants take turns at running first
    }
    Map<String, Throughput> byLabel = new LinkedHashMap<>();
    Map<String, StreamsPhase.Timing> timings = new LinkedHashMap<>();
    for (Variant run : runs) {
      String applicationId = "bench-targetwatch" + (run.label().isEmpty() ? "" : "-" + run.label()) + suffix;
      AtomicReference<Map<String, RecordCacheHitRatios.StoreRatio>> hitRatios = new AtomicReference<>(Map.of());
      StreamsPhase.Timing timing = StreamsPhase.time(platform, applicationId,
          TargetwatchApp.internalTopics(applicationId),
          () -> new TargetwatchApp(platform, applicationId, options.tuning(), stateRoot.resolve(applicationId),
              run.settings()),
          app -> hitRatios.set(RecordCacheHitRatios.of(app.runtime().kafkaStreamsMetrics())),
          options.timeout());
      String name = run.label().isEmpty() ? "targetwatch" : "targetwatch [" + run.label() + "]";
      Throughput throughput = phase(name, events, timing);
      out.println(throughput.line() + startupNote(timing) + label);
      if (!run.label().isEmpty()) {
        out.println("  settings: " + String.join(" ", run.settings()));
      }
      out.printf(Locale.ROOT, "%s / pass-through = %.2f%s%n", name,
          throughput.eventsPerSecond() / passThrough.eventsPerSecond(), label);
      if (round == options.rounds()) {
        printBrokerWrites(BrokerWrites.internalTopicRecords(platform, applicationId), events);
        printHitRatios(hitRatios.get());
      }
      byLabel.put(run.label(), throughput);
      timings.put(run.label(), timing);
    }

    Throughput targetwatch = byLabel.remove("");
    Result result = new Result(load, raw, passThrough, targetwatch, passThroughTiming, timings.get(""), byLabel);
    out.printf(Locale.ROOT, "targetwatch / pass-through = %.2f   targetwatch / raw = %.2f%s%n",
        result.targetwatchOverPassThrough(), result.targetwatchOverRaw(), label);
    return result;
  }

  private void printHitRatios(Map<String, RecordCacheHitRatios.StoreRatio> ratios) {
    if (ratios.isEmpty()) {
      return;
    }
    out.println("record cache hit ratio per store (mean of the running ratio over the reads; lowest-highest task):");
    ratios.forEach((store, ratio) -> out.printf(Locale.ROOT, "  %-40s %5.3f  (%.3f-%.3f over %d tasks)%n", store,
        ratio.meanOverTasks(), ratio.lowest(), ratio.highest(), ratio.tasks()));
  }

  private void printBrokerWrites(Map<String, Long> records, long events) {
    long total = records.values().stream().mapToLong(Long::longValue).sum();
    long repartitioned = records.entrySet().stream().filter(e -> e.getKey().endsWith("-repartition"))
        .mapToLong(Map.Entry::getValue).sum();
    out.printf(Locale.ROOT, "targetwatch wrote %,d records to its internal topics (%.2f per input event): "
        + "%.2f repartitioned (each read again), %.2f to changelogs (transaction markers included):%n", total,
        total / (double) events, repartitioned / (double) events, (total - repartitioned) / (double) events);
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
