package org.targetwatch.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.targetwatch.topology.Scenario.highDegreeMinors;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.targetwatch.schema.AgeBand;
import org.targetwatch.schema.FriendRequestAction;
import org.targetwatch.schema.internal.ActivityCounts;

/**
 * A sender's requests and messages are two topics, and a live partition reads what it has: a
 * message that came an hour after the acceptance of the sender's request can be read before that
 * acceptance (the producer's batch for the messages topic got there first). It is still the
 * escalation it was, counted as {@code replay}, reading in event time, counts it
 * (docs/detection.md, "Order").
 */
class EscalationReadBeforeItsAcceptanceTest {
  private static final List<String> TARGETS = highDegreeMinors(8);
  private static final int ACCEPTING = 3;

  @Test
  void messagesReadBeforeTheAcceptancesTheyFollowedCountAsEscalationsAsInOrder() {
    assertThat(escalationsCounted(false)).as("read in event-time order").isEqualTo(ACCEPTING);
    assertThat(escalationsCounted(true)).as("each message read before its acceptance").isEqualTo(ACCEPTING);
  }

  @Test
  void aMessageBeforeTheAcceptanceIsNoEscalationWhicheverIsReadFirst() {
    try (Scenario platform = new Scenario().withBackgroundPopulation().at(Scenario.START.plus(Duration.ofDays(5)))) {
      platform.account("adult", AgeBand.ADULT, 3).requestsTo("adult", TARGETS, Duration.ofMinutes(10));
      Instant accepted = platform.now().plus(Duration.ofHours(2));
      String minor = TARGETS.get(0);
      platform.at(accepted.minus(Duration.ofMinutes(30))).message("adult", minor); // a cold message, then
      platform.event("adult", minor, FriendRequestAction.ACCEPTED, accepted);

      assertThat(escalations(platform, "adult")).isZero();
    }
  }

  private static int escalationsCounted(boolean messageReadFirst) {
    try (Scenario platform = new Scenario().withBackgroundPopulation().at(Scenario.START.plus(Duration.ofDays(5)))) {
      platform.account("adult", AgeBand.ADULT, 3).requestsTo("adult", TARGETS, Duration.ofMinutes(10));
      Instant accepted = platform.now().plus(Duration.ofHours(2));
      for (int i = 0; i < ACCEPTING; i++) {
        String minor = TARGETS.get(i);
        Instant acceptedAt = accepted.plus(Duration.ofHours(3L * i));
        Instant messagedAt = acceptedAt.plus(Duration.ofHours(1));
        if (messageReadFirst) {
          platform.at(messagedAt).message("adult", minor);
          platform.event("adult", minor, FriendRequestAction.ACCEPTED, acceptedAt);
        } else {
          platform.event("adult", minor, FriendRequestAction.ACCEPTED, acceptedAt);
          platform.at(messagedAt).message("adult", minor);
        }
      }
      return escalations(platform, "adult");
    }
  }

  /** The escalations counted in the sender's long window, over its buckets. */
  private static int escalations(Scenario platform, String sender) {
    return (int) LongWindowBuckets.sum(platform, sender, ActivityCounts::getEscalations);
  }
}
