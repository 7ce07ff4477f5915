package org.targetwatch.evaluation;

import java.time.Duration;
import java.time.Instant;
import org.apache.avro.specific.SpecificRecord;
import org.targetwatch.schema.FriendRequestAction;
import org.targetwatch.schema.FriendRequestEvent;
import org.targetwatch.schema.MessageEvent;
import org.targetwatch.schema.Profile;

/**
 * What the evaluated scenario was, read off its files (the simulator records no parameters of its
 * own): accounts labelled, events by kind, the observed period, and what was skipped.
 *
 * @param firstContact event time of the earliest contact, a friend request sent or a message (null if none)
 * @param lastContact event time of the latest contact (null if none)
 */
public record ScenarioFacts(int labelledAccounts, long profiles, long friendRequests, long messages,
    Instant firstContact, Instant lastContact, long badEventLines, long alerts, long badAlertLines) {

  /** The observed period, first to last contact. */
  public Duration observedPeriod() {
    return firstContact == null ? Duration.ZERO : Duration.between(firstContact, lastContact);
  }

  /** Counts events as one pass over the event file goes by. */
  static final class Tally {
    long profiles;
    long friendRequests;
    long messages;
    Instant first;
    Instant last;

    void add(SpecificRecord event) {
      if (event instanceof Profile) {
        profiles++;
      } else if (event instanceof FriendRequestEvent f) {
        friendRequests++;
        // the existing friendship graph arrives as ACCEPTED events dated years back: not the observed period
        if (f.getAction() == FriendRequestAction.SENT) {
          seen(f.getOccurredAt());
        }
      } else if (event instanceof MessageEvent m) {
        messages++;
        seen(m.getOccurredAt());
      }
    }

    private void seen(Instant at) {
      first = first == null || at.isBefore(first) ? at : first;
      last = last == null || at.isAfter(last) ? at : last;
    }
  }
}
