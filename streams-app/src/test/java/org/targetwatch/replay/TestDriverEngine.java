package org.targetwatch.replay;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.errors.LogAndContinueProcessingExceptionHandler;
import org.targetwatch.registry.InMemorySchemaRegistry;
import org.targetwatch.schema.Alert;
import org.targetwatch.schema.FriendRequestEvent;
import org.targetwatch.schema.MessageEvent;
import org.targetwatch.schema.Profile;
import org.targetwatch.topology.DetectorConfig;
import org.targetwatch.topology.DetectorMetrics;
import org.targetwatch.topology.DetectorTopology;
import org.targetwatch.topology.EventSerdes;

/**
 * The reference for {@link ProcessorPipeline}: the production topology, Avro serdes and internal
 * topics included, under a {@link TopologyTestDriver} with in-memory stores, as replay ran before
 * the pipeline (one record at a time, a commit after each, processing errors logged and skipped).
 * Built for one partition, the task owns every account and handles each intake message in place;
 * {@link #everyIntakeMessageThroughAccountEvents} builds it as if the partition count were unknown,
 * so that every intake message takes the round trip through {@code account-events} instead.
 */
final class TestDriverEngine implements ReplayEngine {
  private final Path stateDir;
  private final TopologyTestDriver driver;
  private final TestInputTopic<String, Profile> profiles;
  private final TestInputTopic<String, FriendRequestEvent> requests;
  private final TestInputTopic<String, MessageEvent> messages;
  private final TestOutputTopic<String, Alert> alerts;

  TestDriverEngine(DetectorConfig config) {
    this(config, 1);
  }

  static TestDriverEngine everyIntakeMessageThroughAccountEvents(DetectorConfig config) {
    return new TestDriverEngine(config, 0);
  }

  private TestDriverEngine(DetectorConfig config, int partitions) {
    try {
      stateDir = Files.createTempDirectory("targetwatch-replay-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    EventSerdes serdes = EventSerdes.confluent(new InMemorySchemaRegistry());
    driver = new TopologyTestDriver(
        DetectorTopology.build(config, serdes, Clock.systemUTC(), true, partitions, DetectorMetrics.NONE),
        properties(stateDir));
    profiles = driver.createInputTopic(config.profilesTopic(), Serdes.String().serializer(),
        serdes.profile().serializer());
    requests = driver.createInputTopic(config.friendRequestsTopic(), Serdes.String().serializer(),
        serdes.friendRequest().serializer());
    messages = driver.createInputTopic(config.messagesTopic(), Serdes.String().serializer(),
        serdes.message().serializer());
    alerts = driver.createOutputTopic(config.alertsTopic(), Serdes.String().deserializer(),
        serdes.alert().deserializer());
  }

  @Override
  public void process(SpecificRecord event) {
    if (event instanceof Profile p) {
      profiles.pipeInput(p.getAccountId(), p, p.getUpdatedAt());
    } else if (event instanceof FriendRequestEvent f) {
      requests.pipeInput(f.getSenderId(), f, f.getOccurredAt());
    } else if (event instanceof MessageEvent m) {
      messages.pipeInput(m.getSenderId(), m, m.getOccurredAt());
    }
  }

  @Override
  public List<Alert> takeAlerts() {
    return alerts.readValuesToList();
  }

  @Override
  public StateSize stateSize() {
    throw new UnsupportedOperationException("the reference engine is for comparing alerts, not for measuring state");
  }

  @Override
  public void close() {
    driver.close();
    try (var paths = Files.walk(stateDir)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
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
