package org.targetwatch.replay;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Properties;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.errors.LogAndContinueProcessingExceptionHandler;
import org.targetwatch.eventfile.AlertFileWriter;
import org.targetwatch.eventfile.BadLineListener;
import org.targetwatch.eventfile.EventFieldMapping;
import org.targetwatch.eventfile.EventFileReader;
import org.targetwatch.eventfile.EventFormatException;
import org.targetwatch.eventfile.LinePosition;
import org.targetwatch.registry.InMemorySchemaRegistry;
import org.targetwatch.schema.Alert;
import org.targetwatch.schema.FriendRequestEvent;
import org.targetwatch.schema.MessageEvent;
import org.targetwatch.schema.Profile;
import org.targetwatch.schema.Severity;
import org.targetwatch.topology.DetectorConfig;
import org.targetwatch.topology.DetectorTopology;
import org.targetwatch.topology.EventSerdes;

/**
 * Runs an event file through the production topology, in event time, and writes the alerts as an
 * alert file. The file need not be sorted: it is ordered by event time (stable for equal times)
 * through an index of three numbers a line, so a file of millions of lines fits in a small heap.
 * The topology runs synchronously in a {@link TopologyTestDriver} with in-memory stores: the same
 * processors, serdes and state as in production, without a broker (RocksDB would be flushed to disk
 * after every event, as the test driver commits after every record).
 */
public final class Replay {
  /** Hears about progress now and then, and about each bad line. */
  public interface Listener extends BadLineListener {
    void onProgress(long eventsReplayed, long totalEvents, long alerts);
  }

  public record Summary(long lines, long events, long badLines, long alerts, Map<Severity, Long> alertsBySeverity,
      Duration elapsed) {
    public double eventsPerSecond() {
      return events / Math.max(0.001, elapsed.toMillis() / 1000.0);
    }
  }

  private final DetectorConfig config;

  public Replay(DetectorConfig config) {
    // event files are history: "in the future" has no meaning against the wall clock
    this.config = config.withFutureTolerance(Duration.ZERO);
  }

  public Summary run(Path input, Path output, Listener listener) throws IOException {
    long started = System.nanoTime();
    Map<Severity, Long> bySeverity = new EnumMap<>(Severity.class);
    long alerts = 0;
    long lines;
    long bad;
    Path stateDir = Files.createTempDirectory("targetwatch-replay-");
    try (EventTimeIndex index = new EventTimeIndex(input)) {
      long[] counts = indexLines(input, index, listener);
      lines = counts[0];
      bad = counts[1];
      index.sort();
      EventSerdes serdes = EventSerdes.confluent(new InMemorySchemaRegistry());
      try (TopologyTestDriver driver = new TopologyTestDriver(
              DetectorTopology.build(config, serdes, Clock.systemUTC(), true), properties(stateDir));
          AlertFileWriter writer = AlertFileWriter.create(output)) {
        TestInputTopic<String, Profile> profiles = driver.createInputTopic(config.profilesTopic(),
            Serdes.String().serializer(), serdes.profile().serializer());
        TestInputTopic<String, FriendRequestEvent> requests = driver.createInputTopic(config.friendRequestsTopic(),
            Serdes.String().serializer(), serdes.friendRequest().serializer());
        TestInputTopic<String, MessageEvent> messages = driver.createInputTopic(config.messagesTopic(),
            Serdes.String().serializer(), serdes.message().serializer());
        TestOutputTopic<String, Alert> alertTopic = driver.createOutputTopic(config.alertsTopic(),
            Serdes.String().deserializer(), serdes.alert().deserializer());
        int total = index.size();
        for (int rank = 0; rank < total; rank++) {
          SpecificRecord event = parseIndexed(index, rank);
          if (event instanceof Profile p) {
            profiles.pipeInput(p.getAccountId(), p, p.getUpdatedAt());
          } else if (event instanceof FriendRequestEvent f) {
            requests.pipeInput(f.getSenderId(), f, f.getOccurredAt());
          } else if (event instanceof MessageEvent m) {
            messages.pipeInput(m.getSenderId(), m, m.getOccurredAt());
          }
          if ((rank & 0x3FF) == 0x3FF || rank == total - 1) {
            for (Alert alert : alertTopic.readValuesToList()) {
              writer.write(alert);
              bySeverity.merge(alert.getSeverity(), 1L, Long::sum);
              alerts++;
            }
            if ((rank & 0xFFFF) == 0xFFFF) {
              listener.onProgress(rank + 1L, total, alerts);
            }
          }
        }
        listener.onProgress(total, total, alerts);
      }
      return new Summary(lines, index.size(), bad, alerts, bySeverity,
          Duration.ofNanos(System.nanoTime() - started));
    } finally {
      deleteRecursively(stateDir);
    }
  }

  private static SpecificRecord parseIndexed(EventTimeIndex index, int rank) throws IOException {
    try {
      return EventFileReader.decodeLine(index.lineAt(rank));
    } catch (EventFormatException e) {
      throw new IOException("line " + index.lineNumberAt(rank) + " changed while replaying: " + e.reason());
    }
  }

  /** First pass: validates every line, reports bad ones, and indexes the good ones by event time. */
  private static long[] indexLines(Path input, EventTimeIndex index, BadLineListener listener) throws IOException {
    try (EventFileReader reader = EventFileReader.open(input, listener)) {
      SpecificRecord event;
      while ((event = reader.nextEvent()) != null) {
        LinePosition at = reader.lastPosition();
        index.add(EventFieldMapping.eventTime(event).toEpochMilli(), at.offset(), at.length(), at.lineNumber());
      }
      return new long[] {reader.counts().lines(), reader.counts().badLines()};
    }
  }

  private static void deleteRecursively(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (var paths = Files.walk(dir)) {
      for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }

  private static Properties properties(Path stateDir) {
    Properties p = new Properties();
    p.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
    p.put(StreamsConfig.APPLICATION_ID_CONFIG, "targetwatch-replay");
    p.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "replay:9092");
    p.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG, LogAndContinueProcessingExceptionHandler.class);
    p.put(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG, 0);
    return p;
  }
}
