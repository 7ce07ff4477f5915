package org.targetwatch.runtime.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The promise the embedded default rests on: a Kafka Streams application with
 * {@code exactly_once_v2} runs against the embedded broker end to end, which needs transactions,
 * the transaction coordinator and consumer groups to work on a single node.
 */
class ExactlyOnceStreamsOnEmbeddedBrokerTest {

  private static final int RECORDS = 20;

  @Test
  void anExactlyOnceStreamsAppProcessesEveryRecordOnceAgainstTheEmbeddedBroker(@TempDir Path stateDirectory) {
    try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start()) {
      broker.createTopic("messages-in", 2, Map.of());
      broker.createTopic("messages-out", 2, Map.of());
      produce(broker, "messages-in", RECORDS);

      List<String> output;
      try (KafkaStreams streams = new KafkaStreams(upperCasing("messages-in", "messages-out"),
          exactlyOnceConfig(broker, stateDirectory))) {
        streams.start();
        output = CommittedRecords.readAtLeast(broker.bootstrapServers(), "messages-out", RECORDS).stream()
            .map(ConsumerRecord::value)
            .toList();
        streams.close(Duration.ofSeconds(10));
      }

      assertThat(output).containsExactlyInAnyOrderElementsOf(
          IntStream.range(0, RECORDS).mapToObj(i -> "CONTACT-" + i).toList());
    }
  }

  private static org.apache.kafka.streams.Topology upperCasing(String input, String output) {
    StreamsBuilder builder = new StreamsBuilder();
    builder.stream(input, Consumed.with(Serdes.String(), Serdes.String()).withName("read-messages"))
        .mapValues(value -> value.toUpperCase(java.util.Locale.ROOT), Named.as("upper-case"))
        .to(output, Produced.with(Serdes.String(), Serdes.String()).withName("write-messages"));
    return builder.build();
  }

  private static Properties exactlyOnceConfig(EmbeddedKafkaBroker broker, Path stateDirectory) {
    Properties config = new Properties();
    config.put(StreamsConfig.APPLICATION_ID_CONFIG, "embedded-broker-eos-check");
    config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
    config.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
    config.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, 1);
    config.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 100);
    config.put(StreamsConfig.STATE_DIR_CONFIG, stateDirectory.toString());
    config.put(StreamsConfig.consumerPrefix("auto.offset.reset"), "earliest");
    return config;
  }

  private static void produce(EmbeddedKafkaBroker broker, String topic, int count) {
    try (KafkaProducer<String, String> producer = new KafkaProducer<>(
        Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(), ProducerConfig.ACKS_CONFIG, "all"),
        new StringSerializer(), new StringSerializer())) {
      for (int i = 0; i < count; i++) {
        producer.send(new ProducerRecord<>(topic, "sender-" + (i % 5), "contact-" + i));
      }
    }
  }
}
