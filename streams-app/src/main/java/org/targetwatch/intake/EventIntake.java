package org.targetwatch.intake;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.streams.KeyValue;
import org.targetwatch.schema.FriendRequestEvent;
import org.targetwatch.schema.MessageEvent;
import org.targetwatch.schema.Profile;
import org.targetwatch.schema.ReviewVerdict;
import org.targetwatch.schema.SafetyReport;
import org.targetwatch.schema.internal.AccountMessage;
import org.targetwatch.schema.internal.ContactAttempt;
import org.targetwatch.schema.internal.ContactKind;
import org.targetwatch.schema.internal.FriendshipChanged;
import org.targetwatch.schema.internal.RequestAnswered;
import org.targetwatch.topology.AccountMessages;

/**
 * Stage 0: checks each source event against the contract and turns it into the one account message
 * it means for the account that owns it (the profile's account, the request's or message's
 * sender, the account a block or report is against, the account a verdict is about), keyed by that
 * account. The other endpoint learns of it later, from the owner's
 * partition: a friendship's other side and a cold contact are sent on by the owner's processor.
 * Re-delivered events need no de-duplication store: every state change they cause is idempotent
 * (sets of friends and targets, latest profile wins).
 */
public final class EventIntake {
  private final Clock clock;
  private final Duration futureTolerance;

  /** @param futureTolerance events further ahead of the clock are rejected; zero turns the check off */
  public EventIntake(Clock clock, Duration futureTolerance) {
    this.clock = clock;
    this.futureTolerance = futureTolerance;
  }

  public List<KeyValue<String, AccountMessage>> profile(String key, Profile profile) {
    requireValue(key, profile, "profile");
    String account = requireId(profile.getAccountId(), "accountId", "profile");
    requireTime(profile.getUpdatedAt(), "updatedAt", "profile");
    if (profile.getAgeBand() == null) {
      throw new InvalidEventException("profile: missing required field 'ageBand'");
    }
    return owned(account, profile);
  }

  public List<KeyValue<String, AccountMessage>> friendRequest(String key, FriendRequestEvent event) {
    requireValue(key, event, "friend_request");
    String eventId = requireId(event.getEventId(), "eventId", "friend_request");
    String sender = requireId(event.getSenderId(), "senderId", "friend_request");
    String recipient = requireId(event.getRecipientId(), "recipientId", "friend_request");
    long at = requireTime(event.getOccurredAt(), "occurredAt", "friend_request");
    if (event.getAction() == null) {
      throw new InvalidEventException("friend_request " + eventId + ": missing required field 'action'");
    }
    if (sender.equals(recipient)) {
      return List.of(); // a request to oneself is not a contact and not a friendship
    }
    return switch (event.getAction()) {
      case SENT -> owned(sender, new ContactAttempt(eventId, sender, recipient, ContactKind.FRIEND_REQUEST, at));
      case ACCEPTED -> owned(sender, new FriendshipChanged(sender, recipient, true, true, at));
      case REMOVED -> owned(sender, new FriendshipChanged(sender, recipient, false, false, at));
      case DECLINED -> owned(sender, new RequestAnswered(sender, recipient, true, at));
      case CANCELLED -> owned(sender, new RequestAnswered(sender, recipient, false, at));
    };
  }

  public List<KeyValue<String, AccountMessage>> message(String key, MessageEvent event) {
    requireValue(key, event, "message");
    String eventId = requireId(event.getEventId(), "eventId", "message");
    String sender = requireId(event.getSenderId(), "senderId", "message");
    String recipient = requireId(event.getRecipientId(), "recipientId", "message");
    long at = requireTime(event.getOccurredAt(), "occurredAt", "message");
    if (sender.equals(recipient)) {
      return List.of();
    }
    return owned(sender, new ContactAttempt(eventId, sender, recipient, ContactKind.MESSAGE, at));
  }

  /** A block, unblock or report, owned by the account acted against: its evidence lives there. */
  public List<KeyValue<String, AccountMessage>> safetyReport(String key, SafetyReport report) {
    requireValue(key, report, "safety_report");
    String eventId = requireId(report.getEventId(), "eventId", "safety_report");
    requireId(report.getReporterId(), "reporterId", "safety_report");
    String reported = requireId(report.getReportedId(), "reportedId", "safety_report");
    requireTime(report.getOccurredAt(), "occurredAt", "safety_report");
    if (report.getAction() == null) {
      throw new InvalidEventException("safety_report " + eventId + ": missing required field 'action'");
    }
    // a report against oneself goes on too: the reported account's partition counts it as ignored
    return owned(reported, report);
  }

  /** A reviewer's verdict, owned by the account reviewed (known to targetwatch or not yet). */
  public List<KeyValue<String, AccountMessage>> reviewVerdict(String key, ReviewVerdict verdict) {
    requireValue(key, verdict, "review_verdict");
    String eventId = requireId(verdict.getEventId(), "eventId", "review_verdict");
    String account = requireId(verdict.getAccountId(), "accountId", "review_verdict");
    requireTime(verdict.getOccurredAt(), "occurredAt", "review_verdict");
    if (verdict.getVerdict() == null) {
      throw new InvalidEventException("review_verdict " + eventId + ": missing required field 'verdict'");
    }
    return owned(account, verdict);
  }

  private static void requireValue(String key, Object value, String type) {
    if (value == null) {
      throw new InvalidEventException(type + ": record has no value");
    }
    if (key == null) {
      throw new InvalidEventException(type + ": record has a null key (the key must be the account id)");
    }
  }

  private static String requireId(String id, String field, String type) {
    if (id == null || id.isBlank()) {
      throw new InvalidEventException(type + ": missing required field '" + field + "'");
    }
    return id;
  }

  private long requireTime(Instant time, String field, String type) {
    if (time == null) {
      throw new InvalidEventException(type + ": missing required field '" + field + "'");
    }
    if (!futureTolerance.isZero() && time.isAfter(clock.instant().plus(futureTolerance))) {
      throw new InvalidEventException(
          type + ": " + field + " " + time + " is more than " + readable(futureTolerance) + " in the future");
    }
    return time.toEpochMilli();
  }

  private static String readable(Duration d) {
    return d.toHours() >= 48 ? d.toDays() + " days" : d.toMinutes() >= 120 ? d.toHours() + " hours" : d.toMinutes() + " minutes";
  }

  private static List<KeyValue<String, AccountMessage>> owned(String owner, Object payload) {
    return List.of(KeyValue.pair(owner, AccountMessages.of(payload)));
  }
}
