package org.targetwatch.simulator;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.specific.SpecificRecord;
import org.targetwatch.schema.FriendRequestAction;
import org.targetwatch.schema.FriendRequestEvent;
import org.targetwatch.schema.MessageEvent;
import org.targetwatch.schema.Profile;
import org.targetwatch.schema.SafetyReport;

/** Keeps every record a simulation emits, in emission order, with views the tests ask for. */
final class RecordingSink implements EventSink {
  final List<SpecificRecord> all = new ArrayList<>();
  final List<Profile> profiles = new ArrayList<>();
  final List<FriendRequestEvent> requests = new ArrayList<>();
  final List<MessageEvent> messages = new ArrayList<>();
  final List<SafetyReport> reports = new ArrayList<>();

  @Override
  public void profile(Profile p) {
    all.add(p);
    profiles.add(p);
  }

  @Override
  public void friendRequest(FriendRequestEvent e) {
    all.add(e);
    requests.add(e);
  }

  @Override
  public void message(MessageEvent e) {
    all.add(e);
    messages.add(e);
  }

  @Override
  public void safetyReport(SafetyReport r) {
    all.add(r);
    reports.add(r);
  }

  List<FriendRequestEvent> requests(FriendRequestAction action) {
    return requests.stream().filter(e -> e.getAction() == action).toList();
  }

  /** Requests and messages (not profiles) with their event time, in emission order. */
  static Instant occurredAt(SpecificRecord r) {
    if (r instanceof FriendRequestEvent e) {
      return e.getOccurredAt();
    } else if (r instanceof MessageEvent m) {
      return m.getOccurredAt();
    }
    return ((Profile) r).getUpdatedAt();
  }
}
