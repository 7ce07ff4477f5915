package org.targetwatch.console;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.targetwatch.registry.SchemaRegistryClient;
import org.targetwatch.schema.Alert;
import org.targetwatch.schema.ReviewVerdict;
import org.targetwatch.schema.Verdict;
import org.targetwatch.serde.AvroDeserializer;

/**
 * The alert queue as a safety team's subscriber sees it: the alert topic read from the beginning
 * with {@code isolation.level=read_committed} (only alerts of committed transactions), and the
 * verdicts topic, so the queue knows which accounts are open, confirmed or cleared whoever wrote
 * the verdict. Keeps the latest {@value #MAX_ALERTS} alerts in memory and tells listeners (the
 * server-sent event streams) about each change.
 */
final class AlertQueue implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(AlertQueue.class);
  static final int MAX_ALERTS = 20_000;

  /** An account's review state, from its latest verdict. */
  enum ReviewState { OPEN, CONFIRMED, CLEARED }

  /** A change the listeners hear about: a new alert, or a verdict changing an account's state. */
  sealed interface Change permits NewAlert, NewVerdict {}

  record NewAlert(Alert alert, ReviewState state) implements Change {}

  record NewVerdict(ReviewVerdict verdict, ReviewState state) implements Change {}

  private final LinkedHashMap<String, Alert> alerts = new LinkedHashMap<>();
  private final Map<String, ReviewVerdict> latestVerdicts = new HashMap<>();
  private final List<Consumer<Change>> listeners = new CopyOnWriteArrayList<>();
  private final KafkaConsumer<String, byte[]> consumer;
  private final String alertsTopic;
  private final AvroDeserializer<Alert> alertReader;
  private final AvroDeserializer<ReviewVerdict> verdictReader;
  private final Thread thread;
  private final CountDownLatch caughtUp = new CountDownLatch(1);
  private volatile boolean closed;
  private long unreadable;

  AlertQueue(Map<String, Object> connection, String alertsTopic, String verdictsTopic, SchemaRegistryClient registry) {
    this.alertsTopic = alertsTopic;
    this.alertReader = new AvroDeserializer<>(Alert.class, registry);
    this.verdictReader = new AvroDeserializer<>(ReviewVerdict.class, registry);
    Map<String, Object> settings = new HashMap<>(connection);
    settings.put(ConsumerConfig.GROUP_ID_CONFIG, "targetwatch-console-" + UUID.randomUUID());
    settings.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    settings.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    settings.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    this.consumer = new KafkaConsumer<>(settings, new StringDeserializer(), new ByteArrayDeserializer());
    List<TopicPartition> partitions = new ArrayList<>();
    for (String topic : List.of(alertsTopic, verdictsTopic)) {
      consumer.partitionsFor(topic).forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
    }
    consumer.assign(partitions);
    consumer.seekToBeginning(partitions);
    this.thread = new Thread(this::readForever, "targetwatch-console-queue");
    thread.setDaemon(true);
    thread.start();
  }

  void listen(Consumer<Change> listener) {
    listeners.add(listener);
  }

  void stopListening(Consumer<Change> listener) {
    listeners.remove(listener);
  }

  /** Waits (bounded) until the alerts present at start are read: a page opened right after start is complete. */
  boolean awaitCaughtUp(Duration timeout) throws InterruptedException {
    return caughtUp.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  synchronized List<Alert> alerts() {
    return new ArrayList<>(alerts.values());
  }

  synchronized Optional<Alert> alert(String alertId) {
    return Optional.ofNullable(alerts.get(alertId));
  }

  /** The alerts of one campaign, newest first. */
  synchronized List<Alert> campaign(String campaignId) {
    return alerts.values().stream().filter(a -> campaignId.equals(a.getCampaignId()))
        .sorted(Comparator.comparing(Alert::getDetectedAt).reversed()).toList();
  }

  synchronized ReviewState state(String accountId) {
    return stateOf(latestVerdicts.get(accountId));
  }

  synchronized Optional<ReviewVerdict> latestVerdict(String accountId) {
    return Optional.ofNullable(latestVerdicts.get(accountId));
  }

  static ReviewState stateOf(ReviewVerdict verdict) {
    if (verdict == null || verdict.getVerdict() == Verdict.REOPENED) {
      return ReviewState.OPEN;
    }
    return verdict.getVerdict() == Verdict.CONFIRMED ? ReviewState.CONFIRMED : ReviewState.CLEARED;
  }

  private void readForever() {
    try {
      while (!closed) {
        for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(100))) {
          take(record);
        }
        if (caughtUp.getCount() > 0 && atEnd()) {
          caughtUp.countDown();
        }
      }
    } catch (WakeupException closing) {
      // close() woke the consumer
    } catch (RuntimeException e) {
      LOG.error("the console's alert queue stopped reading: {}", e.toString());
    } finally {
      consumer.close(Duration.ofSeconds(2));
    }
  }

  private boolean atEnd() {
    Map<TopicPartition, Long> ends = consumer.endOffsets(consumer.assignment());
    return ends.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue());
  }

  private void take(ConsumerRecord<String, byte[]> record) {
    if (record.value() == null) {
      return;
    }
    Change change;
    try {
      change = record.topic().equals(alertsTopic) ? addAlert(alertReader.deserialize(record.topic(), record.value()))
          : addVerdict(verdictReader.deserialize(record.topic(), record.value()));
    } catch (RuntimeException e) {
      // a record the contract cannot read: the detector dead-letters such input; the queue skips it
      unreadable++;
      LOG.warn("the console skipped an unreadable record at {}-{} offset {} ({} so far): {}", record.topic(),
          record.partition(), record.offset(), unreadable, e.getClass().getSimpleName());
      return;
    }
    if (change != null) {
      listeners.forEach(listener -> listener.accept(change));
    }
  }

  private synchronized Change addAlert(Alert alert) {
    if (alerts.containsKey(alert.getAlertId())) {
      return null;
    }
    alerts.put(alert.getAlertId(), alert);
    if (alerts.size() > MAX_ALERTS) {
      Iterator<String> oldest = alerts.keySet().iterator();
      oldest.next();
      oldest.remove();
    }
    return new NewAlert(alert, stateOf(latestVerdicts.get(alert.getAccountId())));
  }

  private synchronized Change addVerdict(ReviewVerdict verdict) {
    ReviewVerdict before = latestVerdicts.get(verdict.getAccountId());
    if (before != null && before.getOccurredAt().isAfter(verdict.getOccurredAt())) {
      return null; // an older verdict arriving late does not outrank the newer one
    }
    latestVerdicts.put(verdict.getAccountId(), verdict);
    return new NewVerdict(verdict, stateOf(verdict));
  }

  @Override
  public void close() throws InterruptedException {
    closed = true;
    consumer.wakeup();
    thread.join(5000);
  }
}
