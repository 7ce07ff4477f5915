package org.targetwatch.bench.endtoend;

import org.targetwatch.bench.platform.BenchPlatform;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.targetwatch.schema.FriendRequestEvent;
import org.targetwatch.schema.MessageEvent;
import org.targetwatch.schema.Profile;
import org.targetwatch.serde.AvroDeserializer;
import org.targetwatch.topology.DetectorConfig;

/** The ceiling: one plain consumer reading the input topics from the start and deserializing every value. */
final class RawConsumeRate {
  private RawConsumeRate() {}

  static Throughput measure(BenchPlatform platform, long expectedEvents, Duration timeout) {
    DetectorConfig topics = platform.topics();
    Map<String, Function<byte[], Object>> decoders = Map.of(
        topics.profilesTopic(), decoder(topics.profilesTopic(), new AvroDeserializer<>(Profile.class, platform.registry())),
        topics.friendRequestsTopic(),
        decoder(topics.friendRequestsTopic(), new AvroDeserializer<>(FriendRequestEvent.class, platform.registry())),
        topics.messagesTopic(), decoder(topics.messagesTopic(), new AvroDeserializer<>(MessageEvent.class, platform.registry())));
    List<TopicPartition> partitions = new ArrayList<>();
    for (String topic : platform.inputTopics()) {
      for (int p = 0; p < platform.partitions(); p++) {
        partitions.add(new TopicPartition(topic, p));
      }
    }
    long started = System.nanoTime();
    long deadline = started + timeout.toNanos();
    long events = 0;
    try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, platform.bootstrapServers(),
        ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2000,
        ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false), new StringDeserializer(), new ByteArrayDeserializer())) {
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      while (events < expectedEvents && System.nanoTime() < deadline) {
        for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
          if (decoders.get(record.topic()).apply(record.value()) != null) {
            events++;
          }
        }
      }
    }
    return new Throughput("raw consume + Avro deserialize", events, Duration.ofNanos(System.nanoTime() - started));
  }

  private static Function<byte[], Object> decoder(String topic, AvroDeserializer<?> deserializer) {
    return bytes -> deserializer.deserialize(topic, bytes);
  }
}
