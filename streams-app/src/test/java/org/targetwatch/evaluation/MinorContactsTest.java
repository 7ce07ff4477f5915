package org.targetwatch.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.targetwatch.schema.AgeBand;
import org.targetwatch.schema.FriendRequestAction;
import org.targetwatch.schema.FriendRequestEvent;
import org.targetwatch.schema.MessageEvent;
import org.targetwatch.schema.Profile;

class MinorContactsTest {
  private final MinorContacts contacts = new MinorContacts(id -> id.startsWith("o"));

  private static Instant minute(int m) {
    return Instant.parse("2026-03-01T10:00:00Z").plusSeconds(60L * m);
  }

  private void profile(String id, AgeBand band, int minute) {
    contacts.add(Profile.newBuilder().setAccountId(id).setUpdatedAt(minute(minute)).setAgeBand(band).build());
  }

  private void request(String sender, String recipient, int minute, FriendRequestAction action) {
    contacts.add(FriendRequestEvent.newBuilder().setEventId(sender + recipient + minute + action).setOccurredAt(minute(minute))
        .setSenderId(sender).setRecipientId(recipient).setAction(action).build());
  }

  private void message(String sender, String recipient, int minute) {
    contacts.add(MessageEvent.newBuilder().setEventId(sender + recipient + minute).setOccurredAt(minute(minute))
        .setSenderId(sender).setRecipientId(recipient).build());
  }

  @Test
  void aMinorContactedTwiceCountsOnceFromItsEarliestContactEvenWhenTheFileIsOutOfOrder() {
    profile("m1", AgeBand.AGE_13_15, 0);
    profile("m2", AgeBand.UNDER_13, 0);
    message("o1", "m1", 9);
    request("o1", "m1", 2, FriendRequestAction.SENT);
    request("o1", "m2", 5, FriendRequestAction.SENT);

    assertThat(contacts.minorsContactedBy("o1", minute(1))).isZero();
    assertThat(contacts.minorsContactedBy("o1", minute(2))).as("the contact at the alert's own time counts").isEqualTo(1);
    assertThat(contacts.minorsContactedBy("o1", minute(5))).isEqualTo(2);
    assertThat(contacts.minorsContactedBy("o1")).isEqualTo(2);
  }

  @Test
  void adultsAndAccountsWithoutAProfileAreNotMinors() {
    profile("adult", AgeBand.ADULT, 0);
    profile("unknown", AgeBand.UNKNOWN, 0);
    profile("m1", AgeBand.AGE_16_17, 0);
    request("o1", "adult", 1, FriendRequestAction.SENT);
    request("o1", "unknown", 1, FriendRequestAction.SENT);
    request("o1", "nobody", 1, FriendRequestAction.SENT);
    message("o1", "m1", 1);

    assertThat(contacts.minorsContactedBy("o1")).isEqualTo(1);
  }

  @Test
  void aProfileReadAfterTheContactStillMakesTheTargetAMinorAndItsLatestUpdateWins() {
    request("o1", "m1", 1, FriendRequestAction.SENT);
    request("o1", "m2", 1, FriendRequestAction.SENT);
    profile("m1", AgeBand.AGE_13_15, 0);
    profile("m2", AgeBand.ADULT, 20);
    profile("m2", AgeBand.AGE_16_17, 3);

    assertThat(contacts.isMinor("m1")).isTrue();
    assertThat(contacts.isMinor("m2")).isFalse();
    assertThat(contacts.minorsContactedBy("o1")).isEqualTo(1);
  }

  @Test
  void onlySentRequestsAndMessagesAreContactsAndOnlyTrackedSendersAreKept() {
    profile("m1", AgeBand.AGE_13_15, 0);
    profile("m2", AgeBand.AGE_13_15, 0);
    request("o1", "m1", 1, FriendRequestAction.ACCEPTED);
    request("o1", "m2", 1, FriendRequestAction.DECLINED);
    request("b1", "m1", 1, FriendRequestAction.SENT);

    assertThat(contacts.minorsContactedBy("o1")).isZero();
    assertThat(contacts.minorsContactedBy("b1")).as("b1 is not tracked").isZero();
  }
}
