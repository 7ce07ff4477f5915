package org.targetwatch.replay;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
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
import org.targetwatch.eventfile.BadLineException;
import org.targetwatch.eventfile.EventFileReader;
import org.targetwatch.eventfile.JsonLinesWriter;
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
 * processors, serdes and state as in production, without a broker.
 */
public final class Replay {
  /** Hears about progress now and then, and about each bad line. */
  public interface Listener extends EventFileReader.BadLineListener {
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
    EventFileReader reader = EventFileReader.forEvents(listener);
    Map<Severity, Long> bySeverity = new EnumMap<>(Severity.class);
    long alerts = 0;
    long lines;
    long bad;
    try (EventTimeIndex index = new EventTimeIndex(input)) {
      long[] counts = indexLines(input, reader, index, listener);
      lines = counts[0];
      bad = counts[1];
      index.sort();
      EventSerdes serdes = EventSerdes.confluent(new InMemorySchemaRegistry());
      try (TopologyTestDriver driver = new TopologyTestDriver(
              DetectorTopology.build(config, serdes, Clock.systemUTC(), true), properties());
          JsonLinesWriter writer = JsonLinesWriter.to(output)) {
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
          SpecificRecord event = parseIndexed(reader, index, rank);
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
    }
  }

  private static SpecificRecord parseIndexed(EventFileReader reader, EventTimeIndex index, int rank) {
    try {
      return reader.parse(index.lineAt(rank));
    } catch (BadLineException e) {
      throw new IllegalStateException("line " + index.lineNumberAt(rank) + " changed while replaying: " + e.getMessage());
    }
  }

  /** First pass: validates every line, reports bad ones, and indexes the good ones by event time. */
  private static long[] indexLines(Path input, EventFileReader reader, EventTimeIndex index,
      EventFileReader.BadLineListener listener) throws IOException {
    String fileName = input.getFileName().toString();
    long lineNumber = 0;
    long bad = 0;
    long offset = 0;
    ByteArrayOutputStream line = new ByteArrayOutputStream(512);
    try (InputStream in = new BufferedInputStream(Files.newInputStream(input), 1 << 16)) {
      int b;
      long lineStart = 0;
      while (true) {
        b = in.read();
        if (b == '\n' || b == -1) {
          if (b == -1 && line.size() == 0 && offset == lineStart) {
            break;
          }
          lineNumber++;
          String text = line.toString(StandardCharsets.UTF_8);
          if (!text.isBlank()) {
            try {
              index.add(eventTime(reader.parse(text)), lineStart, line.size(), lineNumber);
            } catch (BadLineException e) {
              bad++;
              listener.onBadLine(fileName, lineNumber, e.getMessage());
            }
          }
          line.reset();
          if (b == -1) {
            break;
          }
          offset++;
          lineStart = offset;
        } else {
          line.write(b);
          offset++;
        }
      }
    }
    return new long[] {lineNumber, bad};
  }

  private static long eventTime(SpecificRecord event) {
    if (event instanceof Profile p) {
      return p.getUpdatedAt().toEpochMilli();
    }
    if (event instanceof FriendRequestEvent f) {
      return f.getOccurredAt().toEpochMilli();
    }
    return ((MessageEvent) event).getOccurredAt().toEpochMilli();
  }

  private static Properties properties() {
    Properties p = new Properties();
    p.put(StreamsConfig.APPLICATION_ID_CONFIG, "targetwatch-replay");
    p.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "replay:9092");
    p.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG, LogAndContinueProcessingExceptionHandler.class);
    p.put(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG, 0);
    return p;
  }
}
