package org.targetwatch.runtime.local;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.targetwatch.eventfile.EventFieldMapping;
import org.targetwatch.registry.SchemaRegistryClient;
import org.targetwatch.replay.EventFileInTimeOrder;
import org.targetwatch.schema.FriendRequestEvent;
import org.targetwatch.schema.MessageEvent;
import org.targetwatch.schema.Profile;
import org.targetwatch.schema.ReviewVerdict;
import org.targetwatch.schema.SafetyReport;
import org.targetwatch.topology.InputEvents;
import org.targetwatch.serde.AvroSerializer;
import org.targetwatch.topology.DetectorConfig;

/**
 * Sends an event file's events to the input topics as a platform must (README, "Data in and out"):
 * Confluent Avro registered under {@code {topic}-value}, keyed by the account the event is about
 * (a profile's account, a request's or message's sender) as a UTF-8 string, partitioned by Kafka's
 * default partitioner, with the event time as the record timestamp, in event-time order. The
 * producer is idempotent with {@code acks=all} and retries for a minute, so a broker restart in the
 * middle neither loses nor doubles an event. Events a producer could not deliver in that minute
 * (a broker that lost the producer's sequence after a {@code kill -9} answers
 * {@code OUT_OF_ORDER_SEQUENCE_NUMBER} to its retries, for good) are sent again, in event-time
 * order, by a new producer, up to {@link #RESEND_ROUNDS} times: at least once, so such an event may
 * be on its topic twice, which the detector counts once (a contact, a response, a friendship and a
 * report each count once per sender and target or reporter).
 */
public final class EventFileLoader implements AutoCloseable {
  /** Long enough to ride out a broker restart; an event still unacknowledged after it is sent again. */
  private static final Duration DELIVERY_TIMEOUT = Duration.ofMinutes(1);
  /** How long a send may wait for the broker's metadata or buffer room: a broker away for minutes is waited for. */
  private static final Duration MAX_BLOCK = Duration.ofMinutes(5);
  /** How many times events a producer could not deliver are sent again, each time by a new producer. */
  public static final int RESEND_ROUNDS = 3;

  /** Hears about progress every few seconds. */
  public interface Progress {
    void report(long sent, long acknowledged, int total);

    /** Events a producer could not deliver are sent again by a new one. */
    default void resending(int events, int round, String firstFailure) {}
  }

  /** What the load did. */
  public record Outcome(long sent, long acknowledged, long failed, String firstFailure, Duration elapsed) {}

  private final Map<String, Object> producerSettings;
  private KafkaProducer<String, byte[]> producer;
  private final DetectorConfig topics;
  private final AvroSerializer<Profile> profiles;
  private final AvroSerializer<FriendRequestEvent> requests;
  private final AvroSerializer<MessageEvent> messages;
  private final AvroSerializer<SafetyReport> reports;
  private final AvroSerializer<ReviewVerdict> verdicts;
  private final AtomicLong acknowledged = new AtomicLong();
  /** The ranks of the events the current producer could not deliver, to send again. */
  private final Queue<Integer> undelivered = new ConcurrentLinkedQueue<>();
  private final AtomicReference<String> firstFailure = new AtomicReference<>();

  /** {@code clientSettings}: connection settings passed to the producer as they are (TLS, SASL). */
  public EventFileLoader(String bootstrapServers, Map<String, Object> clientSettings, SchemaRegistryClient registry,
      DetectorConfig topics) {
    Map<String, Object> settings = new HashMap<>(clientSettings);
    settings.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    settings.put(ProducerConfig.ACKS_CONFIG, "all");
    settings.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    settings.put(ProducerConfig.LINGER_MS_CONFIG, 20);
    settings.put(ProducerConfig.BATCH_SIZE_CONFIG, 128 * 1024);
    settings.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) DELIVERY_TIMEOUT.toMillis());
    settings.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, MAX_BLOCK.toMillis());
    settings.putIfAbsent(ProducerConfig.CLIENT_ID_CONFIG, "targetwatch-produce");
    this.producerSettings = settings;
    this.producer = newProducer();
    this.topics = topics;
    this.profiles = new AvroSerializer<>(Profile.class, registry, false, true);
    this.requests = new AvroSerializer<>(FriendRequestEvent.class, registry, false, true);
    this.messages = new AvroSerializer<>(MessageEvent.class, registry, false, true);
    this.reports = new AvroSerializer<>(SafetyReport.class, registry, false, true);
    this.verdicts = new AvroSerializer<>(ReviewVerdict.class, registry, false, true);
  }

  /**
   * Sends every event of {@code events} in order, at most {@code eventsPerSecond} a second (0: as
   * fast as the broker takes them; held up, it goes on at the rate, {@link SendPace}), and returns
   * once each is acknowledged or has failed.
   */
  public Outcome load(EventFileInTimeOrder events, double eventsPerSecond, Progress progress) throws InterruptedException {
    registerSchemas();
    long started = System.nanoTime();
    long lastReport = started;
    int total = events.size();
    SendPace pace = eventsPerSecond > 0 ? new SendPace(eventsPerSecond, started) : null;
    for (int rank = 0; rank < total; rank++) {
      if (pace != null) {
        long ahead = pace.nextDue(System.nanoTime()) - System.nanoTime();
        if (ahead > 1_000_000) {
          Thread.sleep(ahead / 1_000_000, (int) (ahead % 1_000_000));
        }
      }
      send(events, rank);
      long now = System.nanoTime();
      if (now - lastReport > 5_000_000_000L) {
        lastReport = now;
        progress.report(rank + 1L, acknowledged.get(), total);
      }
    }
    producer.flush();
    for (int round = 1; round <= RESEND_ROUNDS && !undelivered.isEmpty(); round++) {
      sendAgain(events, round, progress);
    }
    progress.report(total, acknowledged.get(), total);
    return new Outcome(total, acknowledged.get(), undelivered.size(), firstFailure.get(),
        Duration.ofNanos(System.nanoTime() - started));
  }

  private void send(EventFileInTimeOrder events, int rank) {
    producer.send(record(events.eventAt(rank)), (metadata, error) -> {
      if (error == null) {
        acknowledged.incrementAndGet();
      } else {
        undelivered.add(rank);
        firstFailure.compareAndSet(null, error.toString());
      }
    });
  }

  /** The undelivered events again, in event-time order, by a new producer (a new producer id, its sequences from 0). */
  private void sendAgain(EventFileInTimeOrder events, int round, Progress progress) {
    List<Integer> ranks = new ArrayList<>();
    for (Integer rank = undelivered.poll(); rank != null; rank = undelivered.poll()) {
      ranks.add(rank);
    }
    Collections.sort(ranks);
    progress.resending(ranks.size(), round, firstFailure.get());
    producer.close(Duration.ZERO);
    producer = newProducer();
    for (int rank : ranks) {
      send(events, rank);
    }
    producer.flush();
  }

  private KafkaProducer<String, byte[]> newProducer() {
    return new KafkaProducer<>(producerSettings, new StringSerializer(), new ByteArraySerializer());
  }

  /**
   * Registers the five input topics' schemas before the first event, as a platform's producers
   * have theirs long before: the registry is needed at the start, never in the middle of the
   * stream (a registry away mid-stream would otherwise hold up the first event of a kind that comes
   * late, and everything after it).
   */
  private void registerSchemas() {
    profiles.register(topics.profilesTopic());
    requests.register(topics.friendRequestsTopic());
    messages.register(topics.messagesTopic());
    reports.register(topics.safety().reportsTopic());
    verdicts.register(topics.safety().verdictsTopic());
  }

  private ProducerRecord<String, byte[]> record(SpecificRecord event) {
    long time = EventFieldMapping.eventTime(event).toEpochMilli();
    String topic = InputEvents.topicOf(topics, event);
    return new ProducerRecord<>(topic, null, time, InputEvents.keyOf(event), serializerOf(event).serialize(topic, event));
  }

  @SuppressWarnings("unchecked")
  private AvroSerializer<SpecificRecord> serializerOf(SpecificRecord event) {
    AvroSerializer<?> serializer = event instanceof Profile ? profiles
        : event instanceof FriendRequestEvent ? requests
        : event instanceof MessageEvent ? messages
        : event instanceof SafetyReport ? reports
        : verdicts;
    return (AvroSerializer<SpecificRecord>) serializer;
  }

  @Override
  public void close() {
    producer.close(Duration.ofSeconds(30));
  }
}
