package org.targetwatch.evaluation;

import java.time.Duration;
import java.time.Instant;
import org.apache.avro.specific.SpecificRecord;
import org.targetwatch.schema.FriendRequestEvent;
import org.targetwatch.schema.MessageEvent;
import org.targetwatch.schema.Profile;

/**
 * What the evaluated scenario was, read off its files (the simulator records no parameters of its
 * own): accounts labelled, events by kind, the observed period, and what was skipped.
 *
 * @param firstContact event time of the earliest friend-request or message event (null if none)
 * @param lastContact event time of the latest one (null if none)
 */
public record ScenarioFacts(int labelledAccounts, long profiles, long friendRequests, long messages,
    Instant firstContact, Instant lastContact, long badEventLines, long alerts, long badAlertLines) {

  /** The observed period, first to last friend-request or message event. */
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
        seen(f.getOccurredAt());
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
