package org.targetwatch.replay;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.Record;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One of the topology's internal topics (a repartition topic) as an in-memory FIFO queue in front of
 * the processor that reads it: in replay there is one partition, so a topic is one queue. Records
 * stay objects; nothing is serialised between stages.
 */
final class InternalTopic<V> {
  private static final Logger LOG = LoggerFactory.getLogger(InternalTopic.class);

  private final String name;
  private final Processor<String, V, ?, ?> reader;
  private final TaskQueues queues;
  private final ArrayDeque<Record<String, V>> records = new ArrayDeque<>();
  /** With a hop delay ({@link TaskQueues.HopDelay}): the records by partition, each with when it can be taken. */
  private final List<ArrayDeque<Delayed<V>>> delayedByPartition = new ArrayList<>();

  private record Delayed<V>(Record<String, V> record, long deliverableAt) {}

  InternalTopic(String name, Processor<String, V, ?, ?> reader, TaskQueues queues) {
    this.name = name;
    this.reader = reader;
    this.queues = queues;
    if (queues.hopDelay() != null) {
      for (long ignored : queues.hopDelay().millisByPartition()) {
        delayedByPartition.add(new ArrayDeque<>());
      }
    }
  }

  String name() {
    return name;
  }

  /** A stage wrote {@code record} to this topic. */
  void append(Record<String, V> record) {
    TaskQueues.HopDelay delay = queues.hopDelay();
    if (delay != null) {
      int partition = delay.partitionOf(record.key());
      delayedByPartition.get(partition).addLast(new Delayed<>(record, delay.deliverableAt(partition)));
      queues.nowHasRecords(this);
      return;
    }
    records.addLast(record);
    if (records.size() == 1) {
      queues.nowHasRecords(this);
    }
  }

  boolean isEmpty() {
    return records.isEmpty();
  }

  long headTimestamp() {
    return records.getFirst().timestamp();
  }

  Record<String, V> take() {
    return records.removeFirst();
  }

  /** With a hop delay: the lowest timestamp among the partition heads that can be taken by {@code now}, else MAX_VALUE. */
  long deliverableHeadTimestamp(long now) {
    long lowest = Long.MAX_VALUE;
    for (ArrayDeque<Delayed<V>> partition : delayedByPartition) {
      Delayed<V> head = partition.peekFirst();
      if (head != null && head.deliverableAt() <= now && head.record().timestamp() < lowest) {
        lowest = head.record().timestamp();
      }
    }
    return lowest;
  }

  /** With a hop delay: takes the head {@link #deliverableHeadTimestamp} chose (the first partition's, on a tie). */
  Record<String, V> takeDeliverableHead(long now) {
    ArrayDeque<Delayed<V>> chosen = null;
    for (ArrayDeque<Delayed<V>> partition : delayedByPartition) {
      Delayed<V> head = partition.peekFirst();
      if (head != null && head.deliverableAt() <= now
          && (chosen == null || head.record().timestamp() < chosen.peekFirst().record().timestamp())) {
        chosen = partition;
      }
    }
    return chosen.removeFirst().record();
  }

  /**
   * Runs the reading processor on one record. A failure drops the record and processing goes on,
   * as the {@code LogAndContinueProcessingExceptionHandler} of the test-driver replay did.
   */
  void process(Record<String, V> record) {
    try {
      reader.process(record);
    } catch (RuntimeException e) {
      LOG.warn("replay: dropped a record of {} (key {}, time {}) that failed processing: {}", name, record.key(),
          record.timestamp(), e.toString(), e);
    }
  }
}
