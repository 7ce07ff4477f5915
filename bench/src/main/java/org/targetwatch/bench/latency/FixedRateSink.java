package org.targetwatch.bench.latency;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.targetwatch.registry.SchemaRegistryClient;
import org.targetwatch.schema.FriendRequestEvent;
import org.targetwatch.schema.MessageEvent;
import org.targetwatch.schema.Profile;
import org.targetwatch.serde.AvroSerializer;
import org.targetwatch.simulator.EventSink;
import org.targetwatch.topology.DetectorConfig;

/**
 * Produces the simulator's events as Confluent Avro at a fixed rate (events per second of wall
 * time, whatever their event times), and remembers when each contact was handed to the producer,
 * by sender and event time: the start of an alert's latency.
 */
final class FixedRateSink implements EventSink, AutoCloseable {
  private final KafkaProducer<String, byte[]> producer;
  private final AvroSerializer<Profile> profiles;
  private final AvroSerializer<FriendRequestEvent> requests;
  private final AvroSerializer<MessageEvent> messages;
  private final DetectorConfig topics;
  private final long nanosPerEvent;
  private final Map<String, Long> contactSentAt = new HashMap<>();
  private long startedAt = -1;
  private long sent;

  FixedRateSink(String bootstrapServers, SchemaRegistryClient registry, DetectorConfig topics, int eventsPerSecond) {
    this.producer = new KafkaProducer<>(Map.of(
        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
        ProducerConfig.ACKS_CONFIG, "all",
        ProducerConfig.CLIENT_ID_CONFIG, "bench-platform"), new StringSerializer(), new ByteArraySerializer());
    this.profiles = new AvroSerializer<>(Profile.class, registry, false, true);
    this.requests = new AvroSerializer<>(FriendRequestEvent.class, registry, false, true);
    this.messages = new AvroSerializer<>(MessageEvent.class, registry, false, true);
    this.topics = topics;
    this.nanosPerEvent = 1_000_000_000L / eventsPerSecond;
  }

  /** The key an alert is matched by: the account and the event time of the event that raised it. */
  static String contactKey(String sender, long eventTimeMillis) {
    return sender + "|" + eventTimeMillis;
  }

  @Override
  public void profile(Profile p) {
    send(topics.profilesTopic(), p.getAccountId(), profiles.serialize(topics.profilesTopic(), p),
        p.getUpdatedAt().toEpochMilli(), false);
  }

  @Override
  public void friendRequest(FriendRequestEvent e) {
    send(topics.friendRequestsTopic(), e.getSenderId(), requests.serialize(topics.friendRequestsTopic(), e),
        e.getOccurredAt().toEpochMilli(), true);
  }

  @Override
  public void message(MessageEvent e) {
    send(topics.messagesTopic(), e.getSenderId(), messages.serialize(topics.messagesTopic(), e),
        e.getOccurredAt().toEpochMilli(), true);
  }

  private void send(String topic, String sender, byte[] value, long eventTime, boolean contact) {
    long now = System.nanoTime();
    if (startedAt < 0) {
      startedAt = now;
    }
    long due = startedAt + sent * nanosPerEvent;
    if (due - now > 200_000) {
      LockSupport.parkNanos(due - now);
    }
    producer.send(new ProducerRecord<>(topic, null, eventTime, sender, value));
    if (contact) {
      contactSentAt.put(contactKey(sender, eventTime), System.nanoTime());
    }
    sent++;
  }

  /** When the contact of {@code sender} at {@code eventTime} was sent, or null if it was not. */
  Long sentAt(String sender, long eventTime) {
    return contactSentAt.get(contactKey(sender, eventTime));
  }

  long startedAt() {
    return startedAt;
  }

  long sent() {
    return sent;
  }

  /** Achieved rate so far. */
  double eventsPerSecond() {
    return sent / Math.max(1e-9, (System.nanoTime() - startedAt) / 1e9);
  }

  @Override
  public void close() {
    producer.close(Duration.ofSeconds(10));
  }
}
