package org.targetwatch.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.targetwatch.topology.Scenario.highDegreeMinors;
import static org.targetwatch.topology.Scenario.minor;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.targetwatch.schema.AgeBand;
import org.targetwatch.schema.Alert;
import org.targetwatch.schema.FriendRequestAction;
import org.targetwatch.schema.FriendRequestEvent;

/** The defined behaviour of each kind of odd input (docs/detection.md, "odd input"). */
class BadInputTest {
  private Scenario platform;

  @BeforeEach
  void setUp() {
    platform = new Scenario().withBackgroundPopulation().at(Scenario.START.plus(Duration.ofDays(5)));
  }

  @AfterEach
  void tearDown() {
    platform.close();
  }

  @Test
  void contactsToOneselfAreIgnored() {
    platform.account("self", AgeBand.AGE_13_15, 1);
    for (int i = 0; i < 20; i++) {
      platform.request("self", "self").message("self", "self").after(Duration.ofMinutes(1));
    }
    platform.requestsTo("self", highDegreeMinors(6), Duration.ofMinutes(1));
    List<Alert> alerts = platform.alertsFor("self");
    assertThat(alerts).isNotEmpty();
    assertThat(alerts.get(alerts.size() - 1).getEvidence().getDistinctTargets()).isEqualTo(6);
  }

  @Test
  void aRedeliveredEventIsCountedOnce() {
    platform.account("dup", AgeBand.AGE_13_15, 1);
    List<String> targets = highDegreeMinors(6);
    for (String target : targets) {
      FriendRequestEvent e = FriendRequestEvent.newBuilder().setEventId("same-" + target).setOccurredAt(platform.now())
          .setSenderId("dup").setRecipientId(target).setAction(FriendRequestAction.SENT).build();
      platform.pipe(e).pipe(e).pipe(e).after(Duration.ofMinutes(1));
    }
    List<Alert> alerts = platform.alertsFor("dup");
    assertThat(alerts).isNotEmpty();
    assertThat(alerts.get(alerts.size() - 1).getEvidence().getRequestsSent()).isEqualTo(6);
    assertThat(alerts.get(alerts.size() - 1).getEvidence().getDistinctMinors()).isEqualTo(6);
  }

  @Test
  void targetsWithoutAProfileAreContactsButNotMinors() {
    platform.account("x", AgeBand.AGE_13_15, 1)
        .requestsTo("x", List.of("ghost1", "ghost2", "ghost3", "ghost4", "ghost5", "ghost6", "ghost7"),
            Duration.ofMinutes(1))
        .requestsTo("x", highDegreeMinors(6), Duration.ofMinutes(1));
    Alert last = lastAlert("x");
    assertThat(last.getEvidence().getDistinctTargets()).isEqualTo(13);
    assertThat(last.getEvidence().getDistinctMinors()).isEqualTo(6);
  }

  @Test
  void anUnknownSenderIsStillWatchedWithItsAgeUnknown() {
    platform.requestsTo("nobody", highDegreeMinors(8), Duration.ofMinutes(1));
    Alert last = lastAlert("nobody");
    assertThat(last.getEvidence().getSenderAgeBand()).isEqualTo(AgeBand.UNKNOWN);
    assertThat(last.getEvidence().getSenderAccountAgeDays()).isNull();
  }

  @Test
  void contactsToDeletedAccountsAreNotCounted() {
    platform.deleted(minor(99), AgeBand.AGE_13_15).deleted(minor(98), AgeBand.AGE_13_15);
    platform.account("y", AgeBand.AGE_13_15, 1).requestsTo("y", highDegreeMinors(8), Duration.ofMinutes(1));
    assertThat(lastAlert("y").getEvidence().getDistinctMinors()).isEqualTo(6);
  }

  @Test
  void aRemovedFriendshipThatNeverExistedChangesNothing() {
    platform.account("lonely", AgeBand.ADULT, 100);
    platform.remove("lonely", minor(50)).remove(minor(51), "lonely");
    platform.friends("lonely", minor(50)).remove("lonely", minor(50)).remove("lonely", minor(50));
    // lonely has no friends left, so minor 50 is a stranger again and a cold contact counts
    platform.request("lonely", minor(50));
    assertThat(platform.alertsFor("lonely")).isEmpty();
    assertThat(platform.driver().producedTopicNames()).doesNotContain(Scenario.DEAD_LETTERS);
  }

  @Test
  void anEventFarInTheFutureGoesToTheDeadLetterTopicWithItsReasonAndTheRestGoesOn() {
    Instant future = Scenario.START.plus(Duration.ofDays(5000));
    platform.event("z", minor(90), FriendRequestAction.SENT, future);
    platform.account("z", AgeBand.AGE_13_15, 1).requestsTo("z", highDegreeMinors(8), Duration.ofMinutes(1));

    TestOutputTopic<byte[], byte[]> dlq = platform.driver().createOutputTopic(Scenario.DEAD_LETTERS,
        new ByteArrayDeserializer(), new ByteArrayDeserializer());
    List<TestRecord<byte[], byte[]>> dead = dlq.readRecordsToList();
    assertThat(dead).hasSize(1);
    String reason = headerText(dead.get(0), "__streams.errors.message");
    assertThat(reason).contains("occurredAt").contains("in the future");
    assertThat(lastAlert("z").getEvidence().getDistinctMinors()).isGreaterThanOrEqualTo(6);
  }

  @Test
  void aRecordWithANullKeyGoesToTheDeadLetterTopic() {
    FriendRequestEvent e = FriendRequestEvent.newBuilder().setEventId("nk").setOccurredAt(platform.now())
        .setSenderId("k").setRecipientId(minor(3)).setAction(FriendRequestAction.SENT).build();
    platform.pipeWithKey(null, e);
    TestOutputTopic<byte[], byte[]> dlq = platform.driver().createOutputTopic(Scenario.DEAD_LETTERS,
        new ByteArrayDeserializer(), new ByteArrayDeserializer());
    List<TestRecord<byte[], byte[]>> dead = dlq.readRecordsToList();
    assertThat(dead).hasSize(1);
    assertThat(headerText(dead.get(0), "__streams.errors.message")).contains("null key");
  }

  private Alert lastAlert(String account) {
    List<Alert> alerts = platform.alertsFor(account);
    assertThat(alerts).as("alerts for %s", account).isNotEmpty();
    return alerts.get(alerts.size() - 1);
  }

  private static String headerText(TestRecord<byte[], byte[]> record, String name) {
    Header header = record.headers().lastHeader(name);
    assertThat(header).as("header %s", name).isNotNull();
    return new String(header.value(), StandardCharsets.UTF_8);
  }
}
