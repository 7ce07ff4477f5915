package org.targetwatch.bench.latency;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;
import org.apache.kafka.clients.admin.Admin;
import org.targetwatch.bench.platform.BenchPlatform;
import org.targetwatch.bench.platform.StreamsTuning;
import org.targetwatch.bench.platform.TargetwatchApp;
import org.targetwatch.bench.platform.TempDirectories;
import org.targetwatch.runtime.ProcessingDrain;
import org.targetwatch.simulator.PlatformSimulator;
import org.targetwatch.simulator.SimulationConfig;

/**
 * Alert latency at a fixed input rate: the simulator's events are produced at N events/s while
 * targetwatch runs; for each alert, the time from handing the event that raised it (same account,
 * same event time) to the producer, to the alert being readable by a read_committed consumer.
 */
public final class AlertLatencyBenchmark {
  /** What to produce, how fast, and how targetwatch runs. */
  public record Options(int accounts, int days, long seed, int partitions, int eventsPerSecond, Duration warmUp,
      StreamsTuning tuning, List<String> targetwatchSettings) {
    public Options {
      if (eventsPerSecond <= 0) {
        throw new IllegalArgumentException("the input rate must be positive, was " + eventsPerSecond);
      }
    }
  }

  /** Latencies in milliseconds, sorted. */
  public record Result(long eventsSent, double achievedRate, int alerts, double[] latenciesMs) {
    public double percentile(double p) {
      if (latenciesMs.length == 0) {
        return Double.NaN;
      }
      int rank = (int) Math.ceil(p / 100.0 * latenciesMs.length) - 1;
      return latenciesMs[Math.max(0, Math.min(latenciesMs.length - 1, rank))];
    }
  }

  private static final String APPLICATION_ID = "bench-latency";

  private final Options options;
  private final PrintStream out;

  public AlertLatencyBenchmark(Options options, PrintStream out) {
    this.options = options;
    this.out = out;
  }

  public Result run() throws Exception {
    Path stateDir = Files.createTempDirectory("targetwatch-bench-latency-");
    try (BenchPlatform platform = BenchPlatform.start(options.partitions());
        TargetwatchApp targetwatch = new TargetwatchApp(platform, APPLICATION_ID, options.tuning(), stateDir,
            options.targetwatchSettings());
        AlertReader reader = new AlertReader(platform.bootstrapServers(), platform.topics().alertsTopic(),
            platform.registry())) {
      targetwatch.awaitRunning(Duration.ofMinutes(2));
      SimulationConfig simulation = BenchPlatform.simulation(options.accounts(), options.days(), options.seed());
      out.printf(Locale.ROOT, "[latency] producing %,d accounts over %d days at %,d events/s ...%n", options.accounts(),
          options.days(), options.eventsPerSecond());
      long sent;
      double rate;
      try (FixedRateSink sink = new FixedRateSink(platform.bootstrapServers(), platform.registry(), platform.topics(),
          options.eventsPerSecond())) {
        new PlatformSimulator().run(simulation, sink);
        sent = sink.sent();
        rate = sink.eventsPerSecond();
        try (Admin admin = platform.admin()) {
          ProcessingDrain.await(admin, APPLICATION_ID, platform.inputTopics(), TargetwatchApp.internalTopics(APPLICATION_ID),
              Duration.ofMinutes(5), Duration.ofMillis(200));
        }
        Thread.sleep(1000); // the reader polls the last committed alerts
        return result(sink, sent, rate, reader.alerts());
      }
    } finally {
      TempDirectories.deleteRecursively(stateDir);
    }
  }

  private Result result(FixedRateSink sink, long sent, double rate, List<AlertReader.ReadAlert> alerts) {
    List<Double> latencies = new ArrayList<>();
    List<Double> warm = new ArrayList<>();
    TreeMap<Long, List<Double>> bySendSecond = new TreeMap<>();
    for (AlertReader.ReadAlert read : alerts) {
      Long sentAt = sink.sentAt(read.alert().getAccountId(), read.alert().getDetectedAt().toEpochMilli());
      if (sentAt != null) {
        double ms = (read.readAtNanos() - sentAt) / 1e6;
        latencies.add(ms);
        if (sentAt - sink.startedAt() >= options.warmUp().toNanos()) {
          warm.add(ms);
        }
        bySendSecond.computeIfAbsent((sentAt - sink.startedAt()) / 10_000_000_000L * 10, k -> new ArrayList<>()).add(ms);
      }
    }
    bySendSecond.forEach((second, values) -> out.printf(Locale.ROOT,
        "[latency] raised %3d-%3d s into the run: %3d alerts, median %,6.0f ms, max %,6.0f ms%n", second, second + 10,
        values.size(), values.stream().sorted().toList().get(values.size() / 2),
        values.stream().mapToDouble(Double::doubleValue).max().orElse(0)));
    double[] sorted = warm.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    double[] all = latencies.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    Result result = new Result(sent, rate, alerts.size(), sorted);
    Result withWarmUp = new Result(sent, rate, alerts.size(), all);
    out.printf(Locale.ROOT, "[latency] %,d events at %,.0f events/s; %d alerts, %d matched to the event that raised them%n",
        sent, rate, alerts.size(), all.length);
    out.printf(Locale.ROOT, "alert latency ms, all %d alerts:            p50 %,6.0f  p90 %,6.0f  p99 %,6.0f  max %,6.0f%n",
        all.length, withWarmUp.percentile(50), withWarmUp.percentile(90), withWarmUp.percentile(99),
        withWarmUp.percentile(100));
    out.printf(Locale.ROOT, "alert latency ms, %d alerts after %d s warm-up: p50 %,6.0f  p90 %,6.0f  p99 %,6.0f  max %,6.0f%n",
        sorted.length, options.warmUp().toSeconds(), result.percentile(50), result.percentile(90), result.percentile(99),
        result.percentile(100));
    return result;
  }

}
