package org.targetwatch.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.processor.Cancellable;
import org.junit.jupiter.api.Test;

class TaskStreamTimeTest {
  private final TaskStreamTime streamTime = new TaskStreamTime();
  private final List<Long> fired = new ArrayList<>();

  private void recordAt(long timestamp) {
    streamTime.observe(timestamp);
    streamTime.punctuateDue();
  }

  @Test
  void nothingFiresBeforeTheFirstRecord() {
    streamTime.schedule(Duration.ofMillis(100), fired::add);
    streamTime.punctuateDue();
    assertThat(fired).isEmpty();
    assertThat(streamTime.current()).isEqualTo(TaskStreamTime.UNKNOWN);
  }

  @Test
  void aPunctuatorAlignedToZeroFiresAtTheFirstRecordThenAtEachMultipleOfItsIntervalThatStreamTimeReaches() {
    streamTime.schedule(Duration.ofMillis(100), fired::add);
    recordAt(250); // first record: due since 0
    recordAt(280); // next due at 300
    recordAt(300);
    recordAt(350);
    recordAt(420);
    assertThat(fired).containsExactly(250L, 300L, 420L);
  }

  @Test
  void streamTimeIsTheLargestTimestampSeenSoALateRecordNeitherMovesItBackNorFiresAnything() {
    streamTime.schedule(Duration.ofMillis(100), fired::add);
    recordAt(1_000);
    recordAt(500);
    assertThat(streamTime.current()).isEqualTo(1_000L);
    assertThat(fired).containsExactly(1_000L);
  }

  @Test
  void missedIntervalsFireOnceAndTheNextPunctuationIsTheNextMultipleAfterStreamTime() {
    streamTime.schedule(Duration.ofMillis(100), fired::add);
    recordAt(10);
    recordAt(1_050); // intervals 100..1000 missed: one punctuation at 1050, next at 1100
    recordAt(1_099);
    recordAt(1_100);
    assertThat(fired).containsExactly(10L, 1_050L, 1_100L);
  }

  @Test
  void aCancelledPunctuatorNeverFiresAgain() {
    Cancellable cancellable = streamTime.schedule(Duration.ofMillis(100), fired::add);
    recordAt(0);
    cancellable.cancel();
    recordAt(500);
    assertThat(fired).containsExactly(0L);
  }
}
