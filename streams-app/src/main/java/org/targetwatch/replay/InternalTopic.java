package org.targetwatch.replay;

import java.util.ArrayDeque;
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
  /** When each record can be taken, with a hop delay ({@link TaskQueues.HopDelay}); unused without. */
  private final ArrayDeque<Long> deliverableAt = new ArrayDeque<>();

  InternalTopic(String name, Processor<String, V, ?, ?> reader, TaskQueues queues) {
    this.name = name;
    this.reader = reader;
    this.queues = queues;
  }

  String name() {
    return name;
  }

  /** A stage wrote {@code record} to this topic. */
  void append(Record<String, V> record) {
    records.addLast(record);
    if (queues.hasHopDelay()) {
      deliverableAt.addLast(queues.deliverableAt());
    }
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

  long headDeliverableAt() {
    return deliverableAt.getFirst();
  }

  Record<String, V> take() {
    deliverableAt.pollFirst();
    return records.removeFirst();
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
