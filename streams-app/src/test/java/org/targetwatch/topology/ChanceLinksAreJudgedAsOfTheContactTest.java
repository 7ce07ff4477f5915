package org.targetwatch.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.targetwatch.topology.TopologyNames.CONTACTS_BY_SENDER_TOPIC;

import java.time.Duration;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.targetwatch.schema.AgeBand;
import org.targetwatch.schema.internal.AccountMessage;
import org.targetwatch.schema.internal.ActivityCounts;
import org.targetwatch.schema.internal.ContactAttempt;
import org.targetwatch.schema.internal.ContactCandidate;
import org.targetwatch.schema.internal.ContactKind;
import org.targetwatch.schema.internal.EnrichedContact;
import org.targetwatch.serde.InternalAvroSerde;

/**
 * How many of a sender's targets would know each other by chance depends on the platform's sum of
 * degrees (docs/detection.md, "Targets who know each other"). A contact carries its task's sum from
 * when it was sent and its answer is judged with that sum, however much the platform grew while the
 * answer was on its way; a contact in flight from a version before it carried none and is judged
 * with the task's sum when it returns.
 */
class ChanceLinksAreJudgedAsOfTheContactTest {
  private static final String APP = "targetwatch-test-";
  private static final int TARGET_DEGREE = 400;

  private final Scenario platform = new Scenario().at(Scenario.START.plus(Duration.ofDays(5)));
  private final TestInputTopic<String, AccountMessage> contactsBySender = platform.driver().createInputTopic(
      APP + CONTACTS_BY_SENDER_TOPIC + "-repartition", Serdes.String().serializer(),
      InternalAvroSerde.of(AccountMessage.class).serializer());

  @AfterEach
  void tearDown() {
    platform.close();
  }

  @Test
  void theAnswerIsJudgedWithTheSumOfDegreesTheContactCarried() {
    twoContactsOf("sender-a", 1_000_000L);
    twoContactsOf("sender-b", 2_000_000L);

    // the second target against the first: its degree times the first's over the platform's sum
    assertThat(linksExpected("sender-a")).isCloseTo(TARGET_DEGREE * TARGET_DEGREE / 1_000_000.0, within(1e-9));
    assertThat(linksExpected("sender-b")).isCloseTo(TARGET_DEGREE * TARGET_DEGREE / 2_000_000.0, within(1e-9));
  }

  @Test
  void aContactThatCarriedNoSumIsJudgedWithTheTasksSumWhenItReturns() {
    for (int i = 0; i < 40; i++) {
      platform.friends("adult-" + i, "minor-" + i); // the task's sum of degrees: 80
    }

    twoContactsOf("sender-old", 0L);

    // 400 x 400 / 80 is far above the one target carried: capped at one link
    assertThat(linksExpected("sender-old")).isEqualTo(1.0);
  }

  @Test
  void aContactLeavesWithItsSendersTasksSumOfDegreesAndItsAnswerBringsItBack() {
    platform.account("sender-c", AgeBand.ADULT, 400).account("minor-x", AgeBand.AGE_13_15, 400);
    for (int i = 0; i < 5; i++) {
      platform.friends("adult-" + i, "minor-" + i); // the task's sum of degrees: 10
    }
    var outbound = candidatesOut();
    var inbound = answersBack();
    outbound.readValuesToList();
    inbound.readValuesToList();

    platform.request("sender-c", "minor-x");

    assertThat(outbound.readValuesToList()).extracting(AccountMessage::getPayload)
        .filteredOn(ContactCandidate.class::isInstance).singleElement()
        .extracting(payload -> ((ContactCandidate) payload).getSenderTaskDegreeSum()).isEqualTo(10L);
    assertThat(inbound.readValuesToList()).extracting(AccountMessage::getPayload)
        .filteredOn(EnrichedContact.class::isInstance).singleElement()
        .extracting(payload -> ((EnrichedContact) payload).getSenderTaskDegreeSum()).isEqualTo(10L);
  }

  @Test
  void chanceAmongMinorsIsMultipliedByThePlatformsHomophilyTheAnswerCarried() {
    twoContactsOf("sender-plain", 1_000_000L, 0.0); // none carried, and the task knows too few minors: 1
    twoContactsOf("sender-homophilous", 1_000_000L, 3.0);

    double byDegreesAlone = TARGET_DEGREE * TARGET_DEGREE / 1_000_000.0;
    assertThat(linksExpected("sender-plain")).isCloseTo(byDegreesAlone, within(1e-9));
    assertThat(linksExpected("sender-homophilous")).isCloseTo(3 * byDegreesAlone, within(1e-9));
  }

  @Test
  void aContactLeavesWithItsSendersTasksHomophilyAndItsAnswerBringsItBack() {
    platform.account("sender-h", AgeBand.ADULT, 400).account("minor-h", AgeBand.AGE_13_15, 400);
    aPlatformWhoseMinorsBefriendMinors();
    var outbound = candidatesOut();
    var inbound = answersBack();
    outbound.readValuesToList();
    inbound.readValuesToList();

    platform.request("sender-h", "minor-h");

    assertThat(outbound.readValuesToList()).extracting(AccountMessage::getPayload)
        .filteredOn(ContactCandidate.class::isInstance).singleElement()
        .extracting(payload -> ((ContactCandidate) payload).getSenderTaskMinorHomophily())
        .satisfies(h -> assertThat(h).isCloseTo(HOMOPHILY, within(1e-9)));
    assertThat(inbound.readValuesToList()).extracting(AccountMessage::getPayload)
        .filteredOn(EnrichedContact.class::isInstance).singleElement()
        .extracting(payload -> ((EnrichedContact) payload).getMinorHomophily())
        .satisfies(h -> assertThat(h).isCloseTo(HOMOPHILY, within(1e-9)));
  }

  @Test
  void anAnswerThatCarriedNoHomophilyIsJudgedWithTheTasksWhenItReturns() {
    aPlatformWhoseMinorsBefriendMinors();

    twoContactsOf("sender-before", 1_000_000L, 0.0); // from a version before the factor travelled

    assertThat(linksExpected("sender-before"))
        .isCloseTo(HOMOPHILY * TARGET_DEGREE * TARGET_DEGREE / 1_000_000.0, within(1e-9));
  }

  /** Minors' friends: 14 of 15 are minors; everyone's: 600 of 1,200 are minors. */
  private static final double HOMOPHILY = (14 / 15.0) / (600 / 1_200.0);

  private void aPlatformWhoseMinorsBefriendMinors() {
    int minors = 40;
    for (int i = 0; i < minors; i++) {
      platform.account("m-" + i, AgeBand.AGE_13_15, 400).account("a-" + i, AgeBand.ADULT, 400);
    }
    for (int i = 0; i < minors; i++) {
      for (int step = 1; step <= 7; step++) {
        platform.friends("m-" + i, "m-" + ((i + step) % minors)); // each minor: 14 minor friends
        platform.friends("a-" + i, "a-" + ((i + step) % minors)); // each adult: 14 adult friends
      }
      platform.friends("a-" + i, "m-" + i); // and one of the other age
    }
  }

  private void twoContactsOf(String sender, long carriedSum) {
    twoContactsOf(sender, carriedSum, 0.0);
  }

  private void twoContactsOf(String sender, long carriedSum, double homophily) {
    long at = platform.now().toEpochMilli();
    contactsBySender.pipeInput(sender, AccountMessages.of(contact(sender, "first-" + sender, 0, carriedSum, homophily, at)), at);
    contactsBySender.pipeInput(sender,
        AccountMessages.of(contact(sender, "second-" + sender, 1, carriedSum, homophily, at + 60_000)), at + 60_000);
  }

  private static EnrichedContact contact(String sender, String target, int recentTargetsCarried, long carriedSum,
      double homophily, long at) {
    ContactAttempt attempt = new ContactAttempt("e-" + target, sender, target, ContactKind.FRIEND_REQUEST, at);
    return EnrichedContact.newBuilder().setAttempt(attempt).setTargetKnown(true).setTargetAgeBand(AgeBand.AGE_13_15)
        .setTargetDegree(TARGET_DEGREE).setTargetDegreePercentile(0.9).setPopulationUpperQuartile(100.0)
        .setPopulationMinorShare(0.3).setMutualFriends(0).setRecentTargetsCarried(recentTargetsCarried)
        .setRecentTargetsKnown(0).setSenderTaskDegreeSum(carriedSum).setMinorHomophily(homophily).build();
  }

  /** The links expected by chance, added up over the sender's long window's buckets. */
  private double linksExpected(String sender) {
    return LongWindowBuckets.sum(platform, sender, ActivityCounts::getLinksExpected);
  }

  /** The candidates leaving for their recipients' partitions, read from the start. */
  private TestOutputTopic<String, AccountMessage> candidatesOut() {
    return platform.driver().createOutputTopic(APP + TopologyNames.CONTACTS_BY_RECIPIENT_TOPIC + "-repartition",
        Serdes.String().deserializer(), InternalAvroSerde.of(AccountMessage.class).deserializer());
  }

  /** The answers coming back to their senders' partitions, read from the start. */
  private TestOutputTopic<String, AccountMessage> answersBack() {
    return platform.driver().createOutputTopic(APP + CONTACTS_BY_SENDER_TOPIC + "-repartition",
        Serdes.String().deserializer(), InternalAvroSerde.of(AccountMessage.class).deserializer());
  }
}
