package org.targetwatch.serde;

import java.time.Instant;
import java.util.List;
import org.targetwatch.schema.AgeBand;
import org.targetwatch.schema.Alert;
import org.targetwatch.schema.Evidence;
import org.targetwatch.schema.FriendRequestAction;
import org.targetwatch.schema.FriendRequestEvent;
import org.targetwatch.schema.MessageEvent;
import org.targetwatch.schema.Profile;
import org.targetwatch.schema.Reason;
import org.targetwatch.schema.Severity;

/** One realistic record of each contract type, for serde tests. */
final class ContractRecords {

  static final Instant NOW = Instant.parse("2024-03-01T12:00:00.123Z");

  private ContractRecords() {}

  /** A 14-year-old's profile, created a year ago. */
  static Profile minorProfile() {
    return Profile.newBuilder()
        .setAccountId("acc-minor-1")
        .setUpdatedAt(NOW)
        .setCreatedAt(NOW.minusSeconds(365L * 24 * 3600))
        .setAgeBand(AgeBand.AGE_13_15)
        .setDeleted(false)
        .build();
  }

  static FriendRequestEvent friendRequestSent() {
    return FriendRequestEvent.newBuilder()
        .setEventId("fr-1")
        .setOccurredAt(NOW)
        .setSenderId("acc-sender")
        .setRecipientId("acc-minor-1")
        .setAction(FriendRequestAction.SENT)
        .build();
  }

  static MessageEvent coldMessage() {
    return MessageEvent.newBuilder()
        .setEventId("msg-1")
        .setOccurredAt(NOW)
        .setSenderId("acc-sender")
        .setRecipientId("acc-minor-1")
        .setConversationId("conv-9")
        .setHasMedia(true)
        .build();
  }

  /** A HIGH alert with two reasons and evidence naming targets. */
  static Alert highAlert() {
    return Alert.newBuilder()
        .setAlertId("alert-acc-sender-burst-1")
        .setAccountId("acc-sender")
        .setDetectedAt(NOW)
        .setWindowStart(NOW.minusSeconds(3600))
        .setWindowEnd(NOW)
        .setScore(0.87)
        .setSeverity(Severity.HIGH)
        .setReasons(List.of(
            Reason.newBuilder().setSignal("distinctMinors").setValue(24).setThreshold(10).build(),
            Reason.newBuilder().setSignal("highDegreeShare").setValue(0.71).setThreshold(0.45).build()))
        .setEvidence(Evidence.newBuilder()
            .setWindow("burst")
            .setDistinctTargets(30)
            .setDistinctMinors(24)
            .setMinorShare(0.8)
            .setHighDegreeShare(0.71)
            .setSenderAccountAgeDays(2.5)
            .setSenderAgeBand(AgeBand.AGE_13_15)
            .setSampleTargetIds(List.of("acc-minor-1", "acc-minor-2", "acc-minor-3"))
            .build())
        .setCampaignId(null)
        .build();
  }
}
