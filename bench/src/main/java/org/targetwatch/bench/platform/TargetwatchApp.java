package org.targetwatch.bench.platform;

import io.micrometer.core.instrument.Counter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.targetwatch.runtime.DetectorRuntime;
import org.targetwatch.runtime.ProcessingDrain;
import org.targetwatch.runtime.RuntimeMetrics;
import org.targetwatch.runtime.config.TargetwatchConfig;

/**
 * targetwatch itself, started through the same runner as {@code run}, with a fresh application id.
 * The extra settings override the common tuning's (e.g. {@code kafka.commit.interval.ms}), so a
 * setting can be measured against the same run's default.
 */
public final class TargetwatchApp implements StreamsPhase.RunningApp {
  private final DetectorRuntime runtime;

  public TargetwatchApp(BenchPlatform platform, String applicationId, StreamsTuning tuning, Path stateDir,
      List<String> extraSettings) {
    List<String> settings = new ArrayList<>(List.of(
        "application.id=" + applicationId,
        "bootstrap.servers=" + platform.bootstrapServers(),
        "schema.registry.url=" + platform.registryUrl(),
        "state.dir=" + stateDir,
        "http.port=0",
        "num.stream.threads=" + tuning.threads(),
        "kafka.processing.guarantee=" + tuning.guarantee(),
        "kafka.commit.interval.ms=" + StreamsTuning.COMMIT_INTERVAL_MS,
        "kafka.num.standby.replicas=0",
        "kafka.consumer.max.poll.records=" + tuning.maxPollRecords()));
    settings.addAll(extraSettings);
    runtime = DetectorRuntime.start(TargetwatchConfig.of(lastValuePerKey(settings).toArray(String[]::new)));
  }

  /** {@code key=value} settings with each key once, at its last value. */
  static List<String> lastValuePerKey(List<String> settings) {
    Map<String, String> byKey = new LinkedHashMap<>();
    for (String setting : settings) {
      int eq = setting.indexOf('=');
      byKey.put(eq < 0 ? setting : setting.substring(0, eq), setting);
    }
    return List.copyOf(byKey.values());
  }

  public static Set<String> internalTopics(String applicationId) {
    return ProcessingDrain.repartitionTopics(applicationId);
  }

  public DetectorRuntime runtime() {
    return runtime;
  }

  public void awaitRunning(Duration timeout) throws InterruptedException {
    if (!runtime.awaitRunning(timeout)) {
      throw new IllegalStateException("targetwatch did not reach RUNNING within " + timeout + " (state " + runtime.state() + ")");
    }
  }

  /** Input events read so far ({@code targetwatch_events_read_total}, counted as each is deserialized). */
  @Override
  public long recordsProcessed() {
    return (long) runtime.meters().find(RuntimeMetrics.EVENTS_READ).counters().stream()
        .mapToDouble(Counter::count).sum();
  }

  @Override
  public void close() {
    runtime.close();
  }
}
