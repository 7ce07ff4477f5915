package org.targetwatch.replay;

import java.io.File;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.streams.StreamsMetrics;
import org.apache.kafka.streams.processor.Cancellable;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.Punctuator;
import org.apache.kafka.streams.processor.StateStore;
import org.apache.kafka.streams.processor.TaskId;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;

/**
 * What one processor of the replay sees of Kafka Streams: the task's state stores, its stream time
 * and punctuation, and a single downstream that each forwarded record is handed to (the next
 * stage's queue, or the alert output).
 *
 * <p>Wall-clock punctuators are accepted and never fired: replay runs in event time, and the
 * test-driver replay never advanced its wall clock either.
 */
final class StageContext<K, V> implements ProcessorContext<K, V> {
  private static final TaskId ONE_TASK = new TaskId(0, 0);

  private final ReplayStores stores;
  private final TaskStreamTime streamTime;
  private final Consumer<Record<K, V>> downstream;
  private final TaskId task;

  StageContext(ReplayStores stores, TaskStreamTime streamTime, Consumer<Record<K, V>> downstream) {
    this(stores, streamTime, downstream, ONE_TASK);
  }

  /** A stage of one of several tasks ({@code PartitionedPipeline}). */
  StageContext(ReplayStores stores, TaskStreamTime streamTime, Consumer<Record<K, V>> downstream, TaskId task) {
    this.stores = stores;
    this.streamTime = streamTime;
    this.downstream = downstream;
    this.task = task;
  }

  @Override
  public <K1 extends K, V1 extends V> void forward(Record<K1, V1> record) {
    @SuppressWarnings("unchecked") // a Record<K1, V1> is read-only, so it is a Record<K, V>
    Record<K, V> widened = (Record<K, V>) record;
    downstream.accept(widened);
  }

  @Override
  public <K1 extends K, V1 extends V> void forward(Record<K1, V1> record, String childName) {
    throw new UnsupportedOperationException("replay stages have one child; cannot forward to " + childName);
  }

  @Override
  public <S extends StateStore> S getStateStore(String name) {
    return stores.get(name);
  }

  @Override
  public Cancellable schedule(Duration interval, PunctuationType type, Punctuator callback) {
    return type == PunctuationType.STREAM_TIME ? streamTime.schedule(interval, callback) : () -> { };
  }

  @Override
  public Cancellable schedule(Instant startTime, Duration interval, PunctuationType type, Punctuator callback) {
    throw new UnsupportedOperationException("replay does not support anchored punctuation");
  }

  @Override
  public long currentStreamTimeMs() {
    return streamTime.current();
  }

  @Override
  public long currentSystemTimeMs() {
    return System.currentTimeMillis();
  }

  @Override
  public void commit() {
    // nothing to commit: replay state lives and dies with the run
  }

  @Override
  public String applicationId() {
    return ReplayStores.APPLICATION_ID;
  }

  @Override
  public TaskId taskId() {
    return task;
  }

  @Override
  public Optional<RecordMetadata> recordMetadata() {
    return Optional.empty(); // records pass between stages as objects, without topic offsets
  }

  @Override
  public Serde<?> keySerde() {
    return stores.defaultKeySerde();
  }

  @Override
  public Serde<?> valueSerde() {
    return stores.defaultValueSerde();
  }

  @Override
  public File stateDir() {
    throw new UnsupportedOperationException("replay stores are in memory: there is no state directory");
  }

  @Override
  public StreamsMetrics metrics() {
    return stores.metrics();
  }

  @Override
  public Map<String, Object> appConfigs() {
    return stores.appConfigs();
  }

  @Override
  public Map<String, Object> appConfigsWithPrefix(String prefix) {
    return stores.appConfigsWithPrefix(prefix);
  }
}
