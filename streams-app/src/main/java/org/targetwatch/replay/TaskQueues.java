package org.targetwatch.replay;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import org.targetwatch.intake.AccountPartitioner;

/**
 * The record queues of the replay's one task and the choice of which record to process next,
 * made as Kafka Streams' {@code PartitionGroup} makes it: among the non-empty queues, the one whose
 * head record has the lowest timestamp, held in the same kind of priority queue, polled and
 * re-offered in the same order, so that ties (every record caused by one event carries that event's
 * time) are broken the same way as under the test driver.
 */
final class TaskQueues {
  private final PriorityQueue<InternalTopic<?>> nonEmptyByHeadTime =
      new PriorityQueue<>(Comparator.comparingLong(InternalTopic::headTimestamp));
  private final HopDelay hopDelay;
  /** With a hop delay: every topic, in the order they first had records. */
  private final List<InternalTopic<?>> delayedTopics = new ArrayList<>();

  /**
   * How long a record written to an internal topic takes to reach its reader, in stream time, by the
   * partition its key falls in: a record written when stream time is {@code s} can be taken once it
   * is {@code s + millis[partition]}, and each partition keeps its order. A live cluster's internal
   * topics take time (a commit interval at least, under exactly-once) while the input goes on, and
   * its partitions progress unevenly; a replay with delays shows what that does to the detector's
   * decisions ({@code DecisionsDoNotDependOnHopDelayTest}). {@code replay} itself has none.
   */
  record HopDelay(long[] millisByPartition, TaskStreamTime clock) {
    int partitionOf(String key) {
      return millisByPartition.length == 1 ? 0 : new AccountPartitioner(millisByPartition.length).partitionOf(key);
    }

    long deliverableAt(int partition) {
      return clock.current() + millisByPartition[partition];
    }
  }

  TaskQueues() {
    this(null);
  }

  TaskQueues(HopDelay hopDelay) {
    this.hopDelay = hopDelay;
  }

  /** The hop delay, or null (no delay: the queues are plain FIFOs). */
  HopDelay hopDelay() {
    return hopDelay;
  }

  void nowHasRecords(InternalTopic<?> topic) {
    if (hopDelay != null) {
      if (!delayedTopics.contains(topic)) {
        delayedTopics.add(topic);
      }
      return;
    }
    nonEmptyByHeadTime.offer(topic);
  }

  /** The timestamp of the record {@link #processNext} would take (no hop delay), or MAX_VALUE when every queue is empty. */
  long nextTimestamp() {
    InternalTopic<?> topic = nonEmptyByHeadTime.peek();
    return topic == null ? Long.MAX_VALUE : topic.headTimestamp();
  }

  /**
   * Takes the next record, advances stream time to it, and runs it through its topic's reader.
   *
   * @return false when every queue is empty
   */
  boolean processNext(TaskStreamTime streamTime) {
    if (hopDelay != null) {
      return processNextDelivered(streamTime, streamTime.current());
    }
    InternalTopic<?> topic = nonEmptyByHeadTime.poll();
    if (topic == null) {
      return false;
    }
    processHead(topic, streamTime);
    return true;
  }

  /**
   * With a hop delay, at the end of the input: takes the next record whatever its delivery time
   * (the stream is over, everything written is delivered).
   */
  boolean processNextAtEnd(TaskStreamTime streamTime) {
    return hopDelay != null && processNextDelivered(streamTime, Long.MAX_VALUE);
  }

  /** Among the partition heads that can be taken by {@code now}, the one with the lowest timestamp. */
  private boolean processNextDelivered(TaskStreamTime streamTime, long now) {
    InternalTopic<?> next = null;
    long nextTimestamp = Long.MAX_VALUE;
    for (InternalTopic<?> topic : delayedTopics) {
      long timestamp = topic.deliverableHeadTimestamp(now);
      if (timestamp < nextTimestamp) {
        next = topic;
        nextTimestamp = timestamp;
      }
    }
    if (next == null) {
      return false;
    }
    processDelivered(next, streamTime, now);
    return true;
  }

  private <V> void processDelivered(InternalTopic<V> topic, TaskStreamTime streamTime, long now) {
    var record = topic.takeDeliverableHead(now);
    streamTime.observe(record.timestamp());
    topic.process(record);
  }

  private <V> void processHead(InternalTopic<V> topic, TaskStreamTime streamTime) {
    var record = topic.take();
    if (!topic.isEmpty()) {
      nonEmptyByHeadTime.offer(topic); // before processing, as PartitionGroup.nextRecord re-offers it
    }
    streamTime.observe(record.timestamp());
    topic.process(record);
  }
}
