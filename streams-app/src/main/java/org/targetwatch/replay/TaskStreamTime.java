package org.targetwatch.replay;

import java.time.Duration;
import java.util.Comparator;
import java.util.PriorityQueue;
import org.apache.kafka.streams.processor.Cancellable;
import org.apache.kafka.streams.processor.Punctuator;

/**
 * The stream time of the replay's one task and the stream-time punctuators scheduled on it, kept
 * the way Kafka Streams keeps them ({@code PartitionGroup}, {@code StreamTask},
 * {@code PunctuationQueue}): stream time is the largest timestamp of any record the task has taken
 * to process, unknown until the first; a punctuator is aligned to 0, so it first fires as soon as
 * there is a stream time, and fires again once stream time reaches its next multiple of the
 * interval. Missed intervals fire once, not once each, and the punctuator is given the stream time.
 */
final class TaskStreamTime {
  /** Kafka Streams' {@code RecordQueue.UNKNOWN}: no record taken yet. */
  static final long UNKNOWN = -1L;

  private long streamTime = UNKNOWN;
  private final PriorityQueue<Scheduled> byNextTime =
      new PriorityQueue<>(Comparator.comparingLong(Scheduled::nextTime));

  /** A record with this timestamp is being taken for processing. */
  void observe(long timestamp) {
    if (timestamp > streamTime) {
      streamTime = timestamp;
    }
  }

  long current() {
    return streamTime;
  }

  Cancellable schedule(Duration interval, Punctuator punctuator) {
    if (interval.toMillis() < 1) {
      throw new IllegalArgumentException("the punctuation interval must be at least 1 ms, not " + interval);
    }
    Scheduled scheduled = new Scheduled(interval.toMillis(), punctuator);
    byNextTime.add(scheduled);
    return () -> scheduled.cancelled = true;
  }

  /** Fires every punctuator that is due at the current stream time; called after each record. */
  void punctuateDue() {
    if (streamTime == UNKNOWN) {
      return;
    }
    Scheduled top;
    while ((top = byNextTime.peek()) != null && top.nextTime <= streamTime) {
      byNextTime.poll();
      if (top.cancelled) {
        continue;
      }
      top.punctuator.punctuate(streamTime);
      if (!top.cancelled) {
        top.moveBeyond(streamTime);
        byNextTime.add(top);
      }
    }
  }

  private static final class Scheduled {
    private final long interval;
    private final Punctuator punctuator;
    private long nextTime; // aligned to 0, as Kafka Streams aligns stream-time punctuation
    private boolean cancelled;

    Scheduled(long interval, Punctuator punctuator) {
      this.interval = interval;
      this.punctuator = punctuator;
    }

    long nextTime() {
      return nextTime;
    }

    /** As {@code PunctuationSchedule.next}: the next multiple of the interval after {@code now}. */
    void moveBeyond(long now) {
      long next = nextTime + interval;
      if (now >= next) {
        long missed = (now - nextTime) / interval;
        next = nextTime + (missed + 1) * interval;
      }
      nextTime = next;
    }
  }
}
