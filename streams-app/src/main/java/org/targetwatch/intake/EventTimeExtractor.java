package org.targetwatch.intake;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.processor.TimestampExtractor;
import org.targetwatch.schema.FriendRequestEvent;
import org.targetwatch.schema.MessageEvent;
import org.targetwatch.schema.Profile;
import org.targetwatch.schema.ReviewVerdict;
import org.targetwatch.schema.SafetyReport;

/**
 * Event time is the time the event happened ({@code occurredAt}, {@code updatedAt} for profiles),
 * not the time it reached Kafka: windows must hold what an account did, however late it arrived.
 */
public final class EventTimeExtractor implements TimestampExtractor {
  @Override
  public long extract(ConsumerRecord<Object, Object> record, long partitionTime) {
    Object value = record.value();
    if (value instanceof FriendRequestEvent e && e.getOccurredAt() != null) {
      return e.getOccurredAt().toEpochMilli();
    }
    if (value instanceof MessageEvent e && e.getOccurredAt() != null) {
      return e.getOccurredAt().toEpochMilli();
    }
    if (value instanceof Profile p && p.getUpdatedAt() != null) {
      return p.getUpdatedAt().toEpochMilli();
    }
    if (value instanceof SafetyReport r && r.getOccurredAt() != null) {
      return r.getOccurredAt().toEpochMilli();
    }
    if (value instanceof ReviewVerdict v && v.getOccurredAt() != null) {
      return v.getOccurredAt().toEpochMilli();
    }
    // no value (tombstone) or an unknown type: the intake rejects it; keep the stream moving
    return record.timestamp() >= 0 ? record.timestamp() : Math.max(partitionTime, 0);
  }
}
