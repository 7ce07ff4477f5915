package org.targetwatch.runtime.embedded;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Reads a topic as a downstream consumer with {@code isolation.level=read_committed} would. */
final class CommittedRecords {

  /** A guard against a hung test, not an expectation about speed. */
  private static final Duration GIVE_UP_AFTER = Duration.ofSeconds(60);

  private CommittedRecords() {}

  /**
   * Reads the topic from the beginning until at least {@code minimumCount} records have been seen
   * and the consumer has reached the last stable offset of every partition, so records that should
   * not be visible have had their chance to show up.
   */
  static List<ConsumerRecord<String, String>> readAtLeast(String bootstrapServers, String topic, int minimumCount) {
    Map<String, Object> config = Map.of(
        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
        ConsumerConfig.GROUP_ID_CONFIG, "reader-" + UUID.randomUUID(),
        ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
        ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    List<ConsumerRecord<String, String>> records = new ArrayList<>();
    try (KafkaConsumer<String, String> consumer =
        new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
      List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
          .map(info -> new TopicPartition(topic, info.partition()))
          .toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      long giveUpAt = System.nanoTime() + GIVE_UP_AFTER.toNanos();
      while (records.size() < minimumCount && System.nanoTime() < giveUpAt) {
        consumer.poll(Duration.ofMillis(100)).forEach(records::add);
      }
      Map<TopicPartition, Long> lastStableOffsets = consumer.endOffsets(partitions);
      while (!reached(consumer, lastStableOffsets) && System.nanoTime() < giveUpAt) {
        consumer.poll(Duration.ofMillis(100)).forEach(records::add);
      }
    }
    return records;
  }

  private static boolean reached(KafkaConsumer<?, ?> consumer, Map<TopicPartition, Long> offsets) {
    return offsets.entrySet().stream().allMatch(entry -> consumer.position(entry.getKey()) >= entry.getValue());
  }
}
