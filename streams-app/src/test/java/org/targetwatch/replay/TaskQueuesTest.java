package org.targetwatch.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.Record;
import org.junit.jupiter.api.Test;

class TaskQueuesTest {
  private final TaskQueues queues = new TaskQueues();
  private final TaskStreamTime streamTime = new TaskStreamTime();
  private final List<String> processed = new ArrayList<>();

  private InternalTopic<String> topic(String name) {
    Processor<String, String, Void, Void> reader = record -> processed.add(name + ":" + record.value());
    return new InternalTopic<>(name, reader, queues);
  }

  private void drain() {
    while (queues.processNext(streamTime)) {
      // each call processes one record
    }
  }

  @Test
  void theQueueWhoseHeadRecordIsOldestGoesFirstAndEachQueueKeepsItsOwnOrder() {
    InternalTopic<String> a = topic("a");
    InternalTopic<String> b = topic("b");
    a.append(new Record<>("k", "a1", 30));
    a.append(new Record<>("k", "a2", 10));
    b.append(new Record<>("k", "b1", 20));
    drain();
    // a1 (30) blocks a2 behind it: a queue is FIFO, only heads compete
    assertThat(processed).containsExactly("b:b1", "a:a1", "a:a2");
    assertThat(streamTime.current()).isEqualTo(30L);
  }

  @Test
  void equalTimestampsTakeTurnsBetweenQueuesAsKafkaStreamsPriorityQueueDoes() {
    InternalTopic<String> a = topic("a");
    InternalTopic<String> b = topic("b");
    a.append(new Record<>("k", "a1", 5));
    a.append(new Record<>("k", "a2", 5));
    b.append(new Record<>("k", "b1", 5));
    b.append(new Record<>("k", "b2", 5));
    drain();
    assertThat(processed).containsExactly("a:a1", "b:b1", "a:a2", "b:b2");
  }
}
