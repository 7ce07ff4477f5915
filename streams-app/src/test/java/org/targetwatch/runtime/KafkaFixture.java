package org.targetwatch.runtime;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.targetwatch.registry.EmbeddedSchemaRegistry;
import org.targetwatch.registry.RegistryClientConfig;
import org.targetwatch.registry.SchemaRegistryClient;
import org.targetwatch.registry.SchemaRegistryClients;
import org.targetwatch.runtime.config.TargetwatchConfig;
import org.targetwatch.runtime.embedded.EmbeddedKafkaBroker;
import org.targetwatch.schema.Alert;
import org.targetwatch.schema.FriendRequestEvent;
import org.targetwatch.schema.MessageEvent;
import org.targetwatch.schema.Profile;
import org.targetwatch.schema.ReviewVerdict;
import org.targetwatch.schema.SafetyReport;
import org.targetwatch.eventfile.EventFieldMapping;
import org.targetwatch.topology.InputEvents;
import org.targetwatch.serde.AvroDeserializer;
import org.targetwatch.serde.AvroSerializer;
import org.targetwatch.topology.DetectorConfig;

/**
 * A real broker and schema registry with the detector's topics, Avro producers of contract events,
 * and a read_committed reader of what comes out — what the integration tests share.
 */
final class KafkaFixture implements AutoCloseable {
  static final String DEAD_LETTERS = "targetwatch-dead-letters";
  /** A guard against a hung test, not an expectation about speed. */
  static final Duration GIVE_UP_AFTER = Duration.ofSeconds(90);

  final EmbeddedKafkaBroker broker;
  final EmbeddedSchemaRegistry registry;
  final SchemaRegistryClient registryClient;
  final DetectorConfig topics = DetectorConfig.defaults();
  private final KafkaProducer<String, byte[]> producer;
  private final AvroSerializer<Profile> profiles;
  private final AvroSerializer<FriendRequestEvent> requests;
  private final AvroSerializer<MessageEvent> messages;
  private final AvroSerializer<SafetyReport> reports;
  private final AvroSerializer<ReviewVerdict> verdicts;

  KafkaFixture(int partitions) {
    broker = EmbeddedKafkaBroker.start();
    registry = EmbeddedSchemaRegistry.start();
    registryClient = SchemaRegistryClients.create(RegistryClientConfig.forUrl(registry.url()));
    broker.createTopics(List.of(
        new NewTopic(topics.profilesTopic(), partitions, (short) 1)
            .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT)),
        new NewTopic(topics.friendRequestsTopic(), partitions, (short) 1),
        new NewTopic(topics.messagesTopic(), partitions, (short) 1),
        new NewTopic(topics.safety().reportsTopic(), partitions, (short) 1),
        new NewTopic(topics.safety().verdictsTopic(), partitions, (short) 1),
        new NewTopic(topics.alertsTopic(), partitions, (short) 1),
        new NewTopic(DEAD_LETTERS, 1, (short) 1)));
    producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
        ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new ByteArraySerializer());
    profiles = new AvroSerializer<>(Profile.class, registryClient, false, true);
    requests = new AvroSerializer<>(FriendRequestEvent.class, registryClient, false, true);
    messages = new AvroSerializer<>(MessageEvent.class, registryClient, false, true);
    reports = new AvroSerializer<>(SafetyReport.class, registryClient, false, true);
    verdicts = new AvroSerializer<>(ReviewVerdict.class, registryClient, false, true);
  }

  /** The configuration an operator would write for this cluster, plus test settings. */
  TargetwatchConfig config(String applicationId, Path stateDir, String... extra) {
    List<String> settings = new ArrayList<>(List.of(
        "application.id=" + applicationId,
        "bootstrap.servers=" + broker.bootstrapServers(),
        "schema.registry.url=" + registry.url(),
        "state.dir=" + stateDir,
        "http.port=0",
        "http.host=127.0.0.1",
        "shutdown.timeout=20s",
        // a killed instance's tasks move after its session times out: the broker's minimum keeps tests short
        "kafka.session.timeout.ms=6000",
        "kafka.heartbeat.interval.ms=1000"));
    settings.addAll(List.of(extra));
    return TargetwatchConfig.of(settings.toArray(String[]::new));
  }

  /** Produces contract events as Confluent Avro, each with its event time as the record timestamp. */
  void produce(List<? extends SpecificRecord> events) {
    produce(events, null);
  }

  /**
   * Produces the events as {@link #produce(List)} does, but every one into {@code partition}, as a
   * producer with another partitioner than Kafka's default would place most of them.
   */
  void produceAllInto(int partition, List<? extends SpecificRecord> events) {
    produce(events, partition);
  }

  private void produce(List<? extends SpecificRecord> events, Integer partition) {
    for (SpecificRecord event : events) {
      String topic = InputEvents.topicOf(topics, event);
      send(topic, partition, InputEvents.keyOf(event), serialize(topic, event),
          EventFieldMapping.eventTime(event).toEpochMilli());
    }
    producer.flush();
  }

  @SuppressWarnings("unchecked")
  private byte[] serialize(String topic, SpecificRecord event) {
    AvroSerializer<?> serializer = event instanceof Profile ? profiles
        : event instanceof FriendRequestEvent ? requests
        : event instanceof MessageEvent ? messages
        : event instanceof SafetyReport ? reports
        : verdicts;
    return ((AvroSerializer<SpecificRecord>) serializer).serialize(topic, event);
  }

  byte[] serialize(FriendRequestEvent event) {
    return requests.serialize(topics.friendRequestsTopic(), event);
  }

  void send(String topic, String key, byte[] value, long timestamp) {
    send(topic, null, key, value, timestamp);
  }

  private void send(String topic, Integer partition, String key, byte[] value, long timestamp) {
    producer.send(new ProducerRecord<>(topic, partition, timestamp, key, value));
  }

  void flush() {
    producer.flush();
  }

  /** Waits until the application has processed everything produced so far. */
  void awaitProcessed(String applicationId) throws Exception {
    try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {
      boolean drained = ProcessingDrain.await(admin, applicationId,
          Set.copyOf(topics.inputTopics()),
          ProcessingDrain.repartitionTopics(applicationId), GIVE_UP_AFTER, Duration.ofMillis(100));
      if (!drained) {
        throw new AssertionError(applicationId + " did not process its input within " + GIVE_UP_AFTER);
      }
    }
  }

  /** Every committed alert, read from the beginning to the last stable offset. */
  List<Alert> committedAlerts() {
    AvroDeserializer<Alert> alerts = new AvroDeserializer<>(Alert.class, registryClient);
    return readCommitted(topics.alertsTopic()).stream().map(r -> alerts.deserialize(r.topic(), r.value())).toList();
  }

  /** Every committed record of a topic, read from the beginning up to the last stable offset. */
  List<ConsumerRecord<byte[], byte[]>> readCommitted(String topic) {
    Map<String, Object> config = Map.of(
        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
        ConsumerConfig.GROUP_ID_CONFIG, "reader-" + UUID.randomUUID(),
        ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
        ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
    try (KafkaConsumer<byte[], byte[]> consumer =
        new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
          .map(info -> new TopicPartition(topic, info.partition())).toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
      long giveUpAt = System.nanoTime() + GIVE_UP_AFTER.toNanos();
      while (!partitions.stream().allMatch(p -> consumer.position(p) >= ends.get(p)) && System.nanoTime() < giveUpAt) {
        consumer.poll(Duration.ofMillis(100)).forEach(records::add);
      }
    }
    return records;
  }

  /**
   * Every committed record of a topic once there are at least {@code expected}: the application's
   * offsets can be committed a moment before the commit markers reach every partition its
   * transaction wrote to, so a read right after {@link #awaitProcessed} may not see them yet.
   */
  List<ConsumerRecord<byte[], byte[]>> readCommitted(String topic, int expected) throws InterruptedException {
    long giveUpAt = System.nanoTime() + GIVE_UP_AFTER.toNanos();
    List<ConsumerRecord<byte[], byte[]>> records = readCommitted(topic);
    while (records.size() < expected && System.nanoTime() < giveUpAt) {
      Thread.sleep(200);
      records = readCommitted(topic);
    }
    return records;
  }

  @Override
  public void close() {
    producer.close(Duration.ofSeconds(5));
    registry.close();
    broker.close();
  }
}
