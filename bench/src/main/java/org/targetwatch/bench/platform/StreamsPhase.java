package org.targetwatch.bench.platform;

import java.time.Duration;
import java.util.Set;
import org.apache.kafka.clients.admin.Admin;
import org.targetwatch.runtime.ProcessingDrain;

/**
 * Times a Kafka Streams application over the loaded topics: from the moment its first record is
 * processed to the moment its committed offsets reach the end of the inputs (and of its
 * repartition topics). Start-up (joining the group, creating internal topics) is reported apart.
 *
 * <p>The clock does not start at the RUNNING state: a stream thread processes its tasks as soon as
 * it has them, while the client may still be REBALANCING until every thread has its own; a fast
 * application can be done before the client is RUNNING.
 */
public final class StreamsPhase {
  private static final Duration DRAIN_POLL = Duration.ofMillis(100);
  private static final long FIRST_RECORD_POLL_MILLIS = 1;

  private StreamsPhase() {}

  public record Timing(Duration startup, Duration processing, boolean drained) {}

  public interface RunningApp extends AutoCloseable {
    /** Records processed so far by all stream threads. */
    long recordsProcessed();

    @Override
    void close();
  }

  public static <A extends RunningApp> Timing time(BenchPlatform platform, String applicationId,
      Set<String> internalTopics, java.util.function.Supplier<A> starter, Duration timeout) throws Exception {
    return time(platform, applicationId, internalTopics, starter, app -> {}, timeout);
  }

  /** As above; {@code afterDrain} sees the app once it is drained, before it is closed. */
  public static <A extends RunningApp> Timing time(BenchPlatform platform, String applicationId,
      Set<String> internalTopics, java.util.function.Supplier<A> starter, java.util.function.Consumer<A> afterDrain,
      Duration timeout) throws Exception {
    long started = System.nanoTime();
    try (A app = starter.get(); Admin admin = platform.admin()) {
      long firstRecord = awaitFirstRecord(app, Duration.ofMinutes(2));
      boolean drained = ProcessingDrain.await(admin, applicationId, platform.inputTopics(), internalTopics, timeout,
          DRAIN_POLL);
      long done = System.nanoTime();
      afterDrain.accept(app);
      return new Timing(Duration.ofNanos(firstRecord - started), Duration.ofNanos(done - firstRecord), drained);
    }
  }

  /** The moment (System.nanoTime) the application processed its first record, to a millisecond. */
  private static long awaitFirstRecord(RunningApp app, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (app.recordsProcessed() == 0) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("the application processed no record within " + timeout);
      }
      Thread.sleep(FIRST_RECORD_POLL_MILLIS);
    }
    return System.nanoTime();
  }
}
