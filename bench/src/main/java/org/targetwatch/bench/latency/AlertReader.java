package org.targetwatch.bench.latency;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.targetwatch.registry.SchemaRegistryClient;
import org.targetwatch.schema.Alert;
import org.targetwatch.serde.AvroDeserializer;

/** A safety team's consumer (read_committed): notes the wall time each alert became readable. */
final class AlertReader implements AutoCloseable {
  /** One alert and the moment it was read. */
  record ReadAlert(Alert alert, long readAtNanos) {}

  private final ConcurrentLinkedQueue<ReadAlert> read = new ConcurrentLinkedQueue<>();
  private final AtomicBoolean closed = new AtomicBoolean();
  private final Thread thread;

  AlertReader(String bootstrapServers, String topic, SchemaRegistryClient registry) {
    AvroDeserializer<Alert> alerts = new AvroDeserializer<>(Alert.class, registry);
    KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
        ConsumerConfig.GROUP_ID_CONFIG, "bench-safety-team-" + UUID.randomUUID(),
        ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
        ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 50), new StringDeserializer(), new ByteArrayDeserializer());
    consumer.subscribe(List.of(topic));
    thread = new Thread(() -> {
      try (consumer) {
        while (!closed.get()) {
          for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(100))) {
            read.add(new ReadAlert(alerts.deserialize(topic, record.value()), System.nanoTime()));
          }
        }
      }
    }, "bench-alert-reader");
    thread.setDaemon(true);
    thread.start();
  }

  List<ReadAlert> alerts() {
    return List.copyOf(read);
  }

  @Override
  public void close() throws InterruptedException {
    closed.set(true);
    thread.join(5000);
  }
}
