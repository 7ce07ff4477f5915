package org.targetwatch.console;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.targetwatch.registry.SchemaRegistryClient;
import org.targetwatch.schema.ReviewVerdict;
import org.targetwatch.schema.Verdict;
import org.targetwatch.serde.AvroSerializer;

/**
 * The CONFIRM / CLEAR / REOPEN buttons: one {@code review_verdict} record (the contract's, Avro in
 * the Confluent wire format) on the verdicts topic, keyed by the account, with the reviewer's
 * opaque id. Returns once the broker has it, so the button's answer means the verdict is on the topic.
 */
final class VerdictWriter implements AutoCloseable {
  private static final Duration SEND_TIMEOUT = Duration.ofSeconds(15);
  private final KafkaProducer<String, byte[]> producer;
  private final AvroSerializer<ReviewVerdict> serializer;
  private final String topic;

  VerdictWriter(Map<String, Object> connection, String topic, SchemaRegistryClient registry) {
    Map<String, Object> settings = new HashMap<>(connection);
    settings.put(ProducerConfig.ACKS_CONFIG, "all");
    settings.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    settings.put(ProducerConfig.LINGER_MS_CONFIG, 0);
    this.producer = new KafkaProducer<>(settings, new StringSerializer(), new ByteArraySerializer());
    this.serializer = new AvroSerializer<>(ReviewVerdict.class, registry, false, true);
    this.topic = topic;
  }

  /** Writes the verdict and waits for the broker's acknowledgement. */
  ReviewVerdict write(String accountId, String alertId, Verdict verdict, String reviewerId) throws VerdictNotWritten {
    ReviewVerdict record = ReviewVerdict.newBuilder()
        .setEventId("console-" + UUID.randomUUID())
        .setOccurredAt(Instant.now())
        .setAccountId(accountId)
        .setVerdict(verdict)
        .setAlertId(alertId)
        .setReviewerId(reviewerId)
        .build();
    try {
      producer.send(new ProducerRecord<>(topic, accountId, serializer.serialize(topic, record)))
          .get(SEND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new VerdictNotWritten("interrupted");
    } catch (ExecutionException | TimeoutException | RuntimeException e) {
      Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
      throw new VerdictNotWritten(cause.getClass().getSimpleName() + ": " + cause.getMessage());
    }
    return record;
  }

  /** The verdict did not reach the topic; the reason is for the reviewer (no stack trace). */
  static final class VerdictNotWritten extends Exception {
    VerdictNotWritten(String reason) {
      super("the verdict was not written to the verdicts topic: " + reason);
    }
  }

  @Override
  public void close() {
    producer.close(Duration.ofSeconds(5));
  }
}
