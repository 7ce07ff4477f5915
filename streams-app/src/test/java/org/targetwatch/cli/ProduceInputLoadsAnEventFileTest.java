package org.targetwatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.internals.BuiltInPartitioner;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.targetwatch.eventfile.EventFieldMapping;
import org.targetwatch.registry.HttpSchemaRegistryClient;
import org.targetwatch.registry.RegistryClientConfig;
import org.targetwatch.registry.SchemaRegistryClient;
import org.targetwatch.runtime.local.LocalCluster;
import org.targetwatch.schema.FriendRequestEvent;
import org.targetwatch.schema.MessageEvent;
import org.targetwatch.schema.Profile;
import org.targetwatch.serde.AvroDeserializer;
import org.targetwatch.topology.DetectorConfig;

/** {@code produce --input}: an event file into the input topics as a platform must produce it. */
class ProduceInputLoadsAnEventFileTest {
  private static final DetectorConfig TOPICS = DetectorConfig.defaults();
  private static final int PARTITIONS = 3;

  @Test
  void everyGoodLineArrivesOnceAsAvroKeyedByItsAccountInEventTimeOrderAndTheBadLineIsReported(@TempDir Path dir)
      throws Exception {
    assertThat(TargetwatchCommand.execute("simulate", "--accounts", "300", "--days", "2", "--seed", "3", "--output",
        dir.toString())).isZero();
    Path events = dir.resolve("events.jsonl");
    Map<String, Long> linesByType = new HashMap<>();
    for (String line : Files.readAllLines(events)) {
      linesByType.merge(line.substring(9, line.indexOf('"', 9)), 1L, Long::sum);
    }
    Files.writeString(events, "{\"type\":\"message\",\"senderId\":\"a1\"}\n", StandardOpenOption.APPEND);
    long lines = Files.readAllLines(events).size();

    try (LocalCluster cluster = LocalCluster.start(null, LocalCluster.Ports.ANY, PARTITIONS, TOPICS, "dead-letters")) {
      ByteArrayOutputStream err = new ByteArrayOutputStream();
      PrintStream original = System.err;
      int exit;
      try {
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        exit = TargetwatchCommand.execute("produce", "--bootstrap-servers", cluster.bootstrapServers(),
            "--schema-registry-url", cluster.registryUrl(), "--input", events.toString());
      } finally {
        System.setErr(original);
      }
      String report = err.toString(StandardCharsets.UTF_8);
      assertThat(exit).as("exit code; stderr:\n%s", report).isZero();
      assertThat(report).contains(events + ":" + lines + ":");

      SchemaRegistryClient registry = new HttpSchemaRegistryClient(RegistryClientConfig.forUrl(cluster.registryUrl()));
      assertOnTopic(cluster, TOPICS.profilesTopic(), new AvroDeserializer<>(Profile.class, registry),
          linesByType.get("profile"), p -> ((Profile) p).getAccountId());
      assertOnTopic(cluster, TOPICS.friendRequestsTopic(), new AvroDeserializer<>(FriendRequestEvent.class, registry),
          linesByType.get("friend_request"), e -> ((FriendRequestEvent) e).getSenderId());
      assertOnTopic(cluster, TOPICS.messagesTopic(), new AvroDeserializer<>(MessageEvent.class, registry),
          linesByType.get("message"), m -> ((MessageEvent) m).getSenderId());
    }
  }

  private static void assertOnTopic(LocalCluster cluster, String topic, AvroDeserializer<? extends SpecificRecord> values,
      long expected, java.util.function.Function<SpecificRecord, String> account) {
    List<ConsumerRecord<String, byte[]>> records = readAll(cluster.bootstrapServers(), topic);
    assertThat(records).as("records on %s", topic).hasSize((int) expected);
    Map<Integer, Long> lastTimeByPartition = new HashMap<>();
    for (ConsumerRecord<String, byte[]> record : records) {
      SpecificRecord event = values.deserialize(topic, record.value());
      assertThat(record.key()).as("key on %s", topic).isEqualTo(account.apply(event));
      assertThat(record.partition()).as("partition of key %s", record.key())
          .isEqualTo(BuiltInPartitioner.partitionForKey(record.key().getBytes(StandardCharsets.UTF_8), PARTITIONS));
      long time = EventFieldMapping.eventTime(event).toEpochMilli();
      assertThat(record.timestamp()).as("timestamp is the event time").isEqualTo(time);
      assertThat(time).as("event-time order in partition %d of %s", record.partition(), topic)
          .isGreaterThanOrEqualTo(lastTimeByPartition.getOrDefault(record.partition(), Long.MIN_VALUE));
      lastTimeByPartition.put(record.partition(), time);
    }
  }

  private static List<ConsumerRecord<String, byte[]>> readAll(String bootstrap, String topic) {
    List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
    try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
        ConsumerConfig.GROUP_ID_CONFIG, "reader-" + UUID.randomUUID()), new StringDeserializer(), new ByteArrayDeserializer())) {
      List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
          .map(info -> new TopicPartition(topic, info.partition())).toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
      long giveUpAt = System.nanoTime() + Duration.ofSeconds(60).toNanos();
      while (!partitions.stream().allMatch(p -> consumer.position(p) >= ends.get(p)) && System.nanoTime() < giveUpAt) {
        consumer.poll(Duration.ofMillis(100)).forEach(records::add);
      }
    }
    return records;
  }
}
