package org.targetwatch.demo;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.targetwatch.registry.SchemaRegistryClient;
import org.targetwatch.schema.FriendRequestEvent;
import org.targetwatch.schema.MessageEvent;
import org.targetwatch.schema.Profile;
import org.targetwatch.schema.ReviewVerdict;
import org.targetwatch.schema.SafetyReport;
import org.targetwatch.topology.InputEvents;
import org.targetwatch.serde.AvroSerializer;
import org.targetwatch.simulator.EventSink;
import org.targetwatch.topology.DetectorConfig;

/**
 * Produces the simulator's events, in the simulator's order, to the input topics as Confluent Avro,
 * with each record's timestamp set to its event time. History before the simulated period goes as
 * fast as the broker takes it; the simulated days are paced so one day takes {@code daySeconds}.
 */
public final class PacedKafkaSink implements EventSink, AutoCloseable {
  /** Thrown out of the simulator when the demo is stopped (Ctrl-C). */
  static final class Stopped extends RuntimeException {
    Stopped() {
      super("demo stopped", null, false, false);
    }
  }

  private final KafkaProducer<String, byte[]> producer;
  private final AvroSerializer<Profile> profiles;
  private final AvroSerializer<FriendRequestEvent> requests;
  private final AvroSerializer<MessageEvent> messages;
  private final AvroSerializer<SafetyReport> reports;
  private final AvroSerializer<ReviewVerdict> verdicts;
  private final DetectorConfig topics;
  private final long periodStart;
  private final int days;
  private final double realMillisPerEventMilli;
  private final Progress progress;
  private long pacedSince = -1;
  private long sent;
  private long lastProgressAt;
  private volatile boolean stopped;

  /** Hears about progress every few seconds. */
  public interface Progress {
    void report(double day, int days, long eventsSent);
  }

  public PacedKafkaSink(String bootstrapServers, SchemaRegistryClient registry, DetectorConfig topics, Instant periodStart,
      int days, Duration perDay, Progress progress) {
    this.producer = new KafkaProducer<>(Map.of(
        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
        ProducerConfig.ACKS_CONFIG, "all",
        ProducerConfig.LINGER_MS_CONFIG, 20,
        ProducerConfig.CLIENT_ID_CONFIG, "demo-platform"), new StringSerializer(), new ByteArraySerializer());
    this.profiles = new AvroSerializer<>(Profile.class, registry, false, true);
    this.requests = new AvroSerializer<>(FriendRequestEvent.class, registry, false, true);
    this.messages = new AvroSerializer<>(MessageEvent.class, registry, false, true);
    this.reports = new AvroSerializer<>(SafetyReport.class, registry, false, true);
    this.verdicts = new AvroSerializer<>(ReviewVerdict.class, registry, false, true);
    this.topics = topics;
    this.periodStart = periodStart.toEpochMilli();
    this.days = days;
    this.realMillisPerEventMilli = perDay.toMillis() / (double) Duration.ofDays(1).toMillis();
    this.progress = progress;
  }

  @Override
  public void profile(Profile p) {
    send(topics.profilesTopic(), p.getAccountId(), profiles.serialize(topics.profilesTopic(), p), p.getUpdatedAt());
  }

  @Override
  public void friendRequest(FriendRequestEvent e) {
    send(topics.friendRequestsTopic(), e.getSenderId(), requests.serialize(topics.friendRequestsTopic(), e),
        e.getOccurredAt());
  }

  @Override
  public void message(MessageEvent e) {
    send(topics.messagesTopic(), e.getSenderId(), messages.serialize(topics.messagesTopic(), e), e.getOccurredAt());
  }

  @Override
  public void safetyReport(SafetyReport r) {
    String topic = InputEvents.topicOf(topics, r);
    send(topic, InputEvents.keyOf(r), reports.serialize(topic, r), r.getOccurredAt());
  }

  @Override
  public void reviewVerdict(ReviewVerdict v) {
    String topic = InputEvents.topicOf(topics, v);
    send(topic, InputEvents.keyOf(v), verdicts.serialize(topic, v), v.getOccurredAt());
  }

  long sent() {
    return sent;
  }

  void stop() {
    stopped = true;
  }

  private void send(String topic, String key, byte[] value, Instant at) {
    if (stopped) {
      throw new Stopped();
    }
    long eventTime = at.toEpochMilli();
    pace(eventTime);
    producer.send(new ProducerRecord<>(topic, null, eventTime, key, value));
    sent++;
    long now = System.nanoTime();
    if (now - lastProgressAt > 3_000_000_000L) {
      lastProgressAt = now;
      progress.report(Math.max(0, (eventTime - periodStart) / 86_400_000.0), days, sent);
    }
  }

  private void pace(long eventTime) {
    if (eventTime < periodStart) {
      return;
    }
    long now = System.nanoTime();
    if (pacedSince < 0) {
      pacedSince = now;
    }
    long dueNanos = pacedSince + (long) ((eventTime - periodStart) * realMillisPerEventMilli * 1_000_000);
    long wait = dueNanos - now;
    if (wait > 2_000_000) {
      try {
        Thread.sleep(wait / 1_000_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new Stopped();
      }
    }
  }

  @Override
  public void close() {
    producer.close(Duration.ofSeconds(10));
  }

  public static String day(double day, int days) {
    return String.format(Locale.ROOT, "day %.1f of %d", Math.min(day, days), days);
  }
}
