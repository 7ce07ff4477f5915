package org.targetwatch.replay;

import java.time.Clock;
import java.util.List;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.streams.KeyValue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.targetwatch.eventfile.EventFieldMapping;
import org.targetwatch.intake.EventIntake;
import org.targetwatch.intake.InvalidEventException;
import org.targetwatch.schema.FriendRequestEvent;
import org.targetwatch.schema.MessageEvent;
import org.targetwatch.schema.Profile;
import org.targetwatch.schema.ReviewVerdict;
import org.targetwatch.schema.SafetyReport;
import org.targetwatch.schema.internal.AccountMessage;
import org.targetwatch.topology.DetectorConfig;
import org.targetwatch.topology.InputEvents;

/**
 * The topology's intake as replay runs it: an event as it would sit on its source topic (keyed as
 * the README says platforms must key it) turned into its owner's account messages.
 */
final class SourceIntake {
  private static final Logger LOG = LoggerFactory.getLogger(SourceIntake.class);

  private final EventIntake intake;

  SourceIntake(DetectorConfig config) {
    intake = new EventIntake(Clock.systemUTC(), config.futureTolerance());
  }

  /** The intake's flatMap for the event's source topic; an event it rejects is logged and gives nothing. */
  List<KeyValue<String, AccountMessage>> messagesOf(SpecificRecord event) {
    try {
      String key = keyOf(event);
      if (event instanceof Profile p) {
        return intake.profile(key, p);
      } else if (event instanceof FriendRequestEvent f) {
        return intake.friendRequest(key, f);
      } else if (event instanceof MessageEvent m) {
        return intake.message(key, m);
      } else if (event instanceof SafetyReport r) {
        return intake.safetyReport(key, r);
      }
      return intake.reviewVerdict(key, (ReviewVerdict) event);
    } catch (InvalidEventException e) {
      // as the test-driver replay's processing exception handler: log, drop, go on
      LOG.warn("replay: dropped an event the intake rejects: {}", e.getMessage());
      return List.of();
    }
  }

  /**
   * The event's time, as the topology's timestamp extractor gives it, or -1 for an event before
   * 1970: Kafka Streams skips a source record whose extracted timestamp is negative (logged here).
   */
  static long timestampOf(SpecificRecord event) {
    long timestamp = EventFieldMapping.eventTime(event).toEpochMilli();
    if (timestamp < 0) {
      LOG.warn("replay: skipped a {} before 1970 (time {})", event.getClass().getSimpleName(), timestamp);
      return -1;
    }
    return timestamp;
  }

  /** The key of {@code event} on its source topic ({@link InputEvents#keyOf}). */
  static String keyOf(SpecificRecord event) {
    try {
      return InputEvents.keyOf(event);
    } catch (IllegalArgumentException e) {
      throw new InvalidEventException("not an event of any source topic: " + event.getClass().getSimpleName());
    }
  }
}
