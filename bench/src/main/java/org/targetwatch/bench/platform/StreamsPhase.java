package org.targetwatch.bench.platform;

import java.time.Duration;
import java.util.Set;
import org.apache.kafka.clients.admin.Admin;
import org.targetwatch.runtime.ProcessingDrain;

/**
 * Times a Kafka Streams application over the loaded topics: from the moment it is RUNNING to the
 * moment its committed offsets reach the end of the inputs (and of its repartition topics).
 * Start-up (joining the group, creating internal topics) is reported apart.
 */
public final class StreamsPhase {
  private static final Duration DRAIN_POLL = Duration.ofMillis(100);

  private StreamsPhase() {}

  public record Timing(Duration startup, Duration processing, boolean drained) {}

  public interface RunningApp extends AutoCloseable {
    void awaitRunning(Duration timeout) throws InterruptedException;

    @Override
    void close();
  }

  public static Timing time(BenchPlatform platform, String applicationId, Set<String> internalTopics,
      java.util.function.Supplier<RunningApp> starter, Duration timeout) throws Exception {
    long started = System.nanoTime();
    try (RunningApp app = starter.get(); Admin admin = platform.admin()) {
      app.awaitRunning(Duration.ofMinutes(2));
      long running = System.nanoTime();
      boolean drained = ProcessingDrain.await(admin, applicationId, platform.inputTopics(), internalTopics, timeout,
          DRAIN_POLL);
      long done = System.nanoTime();
      return new Timing(Duration.ofNanos(running - started), Duration.ofNanos(done - running), drained);
    }
  }
}
