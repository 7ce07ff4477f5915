package org.targetwatch.replay;

import java.util.Comparator;
import java.util.PriorityQueue;

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

  void nowHasRecords(InternalTopic<?> topic) {
    nonEmptyByHeadTime.offer(topic);
  }

  /**
   * Takes the next record, advances stream time to it, and runs it through its topic's reader.
   *
   * @return false when every queue is empty
   */
  boolean processNext(TaskStreamTime streamTime) {
    InternalTopic<?> topic = nonEmptyByHeadTime.poll();
    if (topic == null) {
      return false;
    }
    processHead(topic, streamTime);
    return true;
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
