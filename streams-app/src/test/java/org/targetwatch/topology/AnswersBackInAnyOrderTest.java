package org.targetwatch.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.targetwatch.topology.TopologyNames.CONTACTS_BY_SENDER_TOPIC;
import static org.targetwatch.topology.TopologyNames.SENDER_TARGETS_STORE;
import static org.targetwatch.topology.TopologyNames.SEQUENCE_STORE;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.Test;
import org.targetwatch.schema.AgeBand;
import org.targetwatch.schema.Alert;
import org.targetwatch.schema.internal.AccountMessage;
import org.targetwatch.schema.internal.SequenceState;
import org.targetwatch.serde.InternalAvroSerde;

/**
 * A sender's contacts go out through its recipients' partitions and come back to its windows in
 * whatever order those partitions answer: after a fault, another order than without one. The
 * windows apply them in the order the sender's partition sent them ({@code windows.SenderSequence}),
 * so the alerts (their ids, severities and scores) are the same whatever the order they come back
 * in. The answers are taken from a run where they came back in order, and sent again to a second
 * detector, shuffled, straight into {@code contacts-by-sender}.
 */
class AnswersBackInAnyOrderTest {
  private static final String APP = "targetwatch-test-";
  private static final String SENDER = "fake-teen";
  /** Late on a day, so that the contacts cross into the next cool-down period. */
  private static final Instant FIRST_CONTACT = Scenario.START.plus(Duration.ofDays(5)).plus(Duration.ofHours(21));
  /**
   * The answers of this scenario span hours of event time; shuffled, one may come back hours of
   * stream time ahead of the first: the windows wait longer than that here (the default, 10 minutes,
   * is for answers a fail-over holds back seconds or minutes).
   */
  private static final DetectorConfig WAITING = DetectorConfig.defaults().withResequenceMaxWait(Duration.ofDays(1));

  @Test
  void answersBackInAnotherOrderRaiseTheSameAlertsAsInOrder() {
    Run inOrder = inOrder(WAITING);

    for (long seed : new long[] {1, 2, 3}) {
      List<Alert> shuffled = replayedShuffled(WAITING, inOrder.answers(), seed);

      assertThat(describe(shuffled)).as("alerts with the answers back in shuffled order %d", seed)
          .isEqualTo(describe(inOrder.alerts()));
    }
  }

  @Test
  void withoutWaitingTheShuffledOrderRaisesOtherAlerts() {
    // the control: this scenario is one where order matters; applied as they come (no wait), the
    // shuffled answers raise other alerts, which is what the sequence prevents
    DetectorConfig noWait = DetectorConfig.defaults().withResequenceMaxWait(Duration.ZERO);
    Run inOrder = inOrder(noWait);

    List<List<String>> shuffledAlerts = new ArrayList<>();
    for (long seed : new long[] {1, 2, 3}) {
      shuffledAlerts.add(describe(replayedShuffled(noWait, inOrder.answers(), seed)));
    }

    assertThat(shuffledAlerts).as("alerts of three shuffled orders, applied as they came")
        .anySatisfy(alerts -> assertThat(alerts).isNotEqualTo(describe(inOrder.alerts())));
  }

  @Test
  void anAnswerThatNeverComesBackHoldsItsSenderAtMostTheWaitAndIsCountedLateWhenItComes() {
    CountingMetrics metrics = new CountingMetrics();
    DetectorConfig config = DetectorConfig.defaults().withResequenceMaxWait(Duration.ofHours(1));
    Run inOrder = inOrder(config);
    List<TestRecord<String, AccountMessage>> answers = inOrder.answers();
    TestRecord<String, AccountMessage> lost = answers.get(0);

    try (Scenario platform = platformWithoutTheContacts(config, metrics, answers.size())) {
      TestInputTopic<String, AccountMessage> back = contactsBySender(platform);
      back.pipeRecordList(answers.subList(1, 3)); // the first answer is still on its way
      assertThat(targetsHeld(platform)).as("targets in the windows while the first answer is missing").isZero();
      assertThat(metrics.count("waited")).isEqualTo(2);

      // stream time moves on (another account's event) past the wait: the windows stop waiting
      Instant later = answers.get(1).getRecordTime().plus(Duration.ofMinutes(61));
      platform.profile("someone", AgeBand.ADULT, Scenario.START, later);
      assertThat(targetsHeld(platform)).as("targets in the windows once the wait ran out").isEqualTo(2);
      assertThat(metrics.count("gaps waited past")).isEqualTo(1);

      back.pipeInput(lost); // it comes after all: counted, late
      assertThat(targetsHeld(platform)).isEqualTo(3);
      assertThat(metrics.count("arrived after waited past")).isEqualTo(1);
    }
  }

  @Test
  void aContactItsRecipientDropsComesBackSoThatNothingIsLeftOutstanding() {
    try (Scenario platform = platform(DetectorConfig.defaults(), DetectorMetrics.NONE)) {
      platform.message(Scenario.minor(3), SENDER).after(Duration.ofMinutes(1));
      platform.message(SENDER, Scenario.minor(3)); // a reply: dropped at the minor's partition
      platform.deleted("gone", AgeBand.AGE_13_15).after(Duration.ofMinutes(1));
      platform.request(SENDER, "gone"); // to a deleted account: dropped there too

      SequenceState sequence = platform.driver().<String, SequenceState>getKeyValueStore(SEQUENCE_STORE).get(SENDER);
      assertThat(sequence.getSent()).as("messages the sender's partition numbered").isEqualTo(2);
      assertThat(sequence.getApplied()).as("numbers the windows have passed").isEqualTo(2);
      assertThat(sequence.getWaiting()).isZero();
      var targets = platform.driver().getKeyValueStore(SENDER_TARGETS_STORE);
      assertThat(targets.get(SENDER + '\u0000' + Scenario.minor(3))).as("the reply counted as a contact").isNull();
      assertThat(targets.get(SENDER + '\u0000' + "gone")).as("the deleted account counted as a target").isNull();
    }
  }

  private record Run(List<Alert> alerts, List<TestRecord<String, AccountMessage>> answers) {}

  /** The scenario through the whole topology (one partition: every answer back in order), and its answers. */
  private static Run inOrder(DetectorConfig config) {
    try (Scenario platform = platform(config, DetectorMetrics.NONE)) {
      platform.at(FIRST_CONTACT);
      // a fake teen adds minors of every degree, then the most popular, then declines come in
      platform.requestsTo(SENDER, Scenario.minorsOfAnyDegree(8), Duration.ofMinutes(20));
      platform.requestsTo(SENDER, Scenario.highDegreeMinors(14), Duration.ofMinutes(10));
      for (String minor : Scenario.minorsOfAnyDegree(8).subList(0, 4)) {
        platform.decline(SENDER, minor).after(Duration.ofMinutes(5));
      }
      platform.requestsTo(SENDER, Scenario.highDegreeMinors(24).subList(14, 24), Duration.ofMinutes(10));
      List<TestRecord<String, AccountMessage>> answers = platform.driver()
          .createOutputTopic(APP + CONTACTS_BY_SENDER_TOPIC + "-repartition", Serdes.String().deserializer(),
              InternalAvroSerde.of(AccountMessage.class).deserializer())
          .readRecordsToList().stream().filter(r -> r.key().equals(SENDER) && r.value().getSequence() >= 0)
          .toList();
      assertThat(answers).as("the sender's numbered answers").hasSizeGreaterThan(30);
      List<Alert> alerts = platform.alertsFor(SENDER);
      assertThat(alerts).as("the scenario's alerts in order").hasSizeGreaterThan(2);
      return new Run(alerts, answers);
    }
  }

  /** The same platform without the sender's contacts, their answers sent back to its windows shuffled. */
  private static List<Alert> replayedShuffled(DetectorConfig config, List<TestRecord<String, AccountMessage>> answers,
      long seed) {
    List<TestRecord<String, AccountMessage>> shuffled = new ArrayList<>(answers);
    Collections.shuffle(shuffled, new Random(seed));
    try (Scenario platform = platformWithoutTheContacts(config, DetectorMetrics.NONE, answers.size())) {
      contactsBySender(platform).pipeRecordList(shuffled);
      return platform.alertsFor(SENDER);
    }
  }

  private static Scenario platform(DetectorConfig config, DetectorMetrics metrics) {
    Scenario platform = new Scenario(config, metrics).withBackgroundPopulation();
    return platform.at(FIRST_CONTACT).account(SENDER, AgeBand.AGE_13_15, 3);
  }

  /** The platform, with the sender's partition having sent {@code sent} messages its windows have not applied yet. */
  private static Scenario platformWithoutTheContacts(DetectorConfig config, DetectorMetrics metrics, int sent) {
    Scenario platform = platform(config, metrics);
    platform.driver().<String, SequenceState>getKeyValueStore(SEQUENCE_STORE)
        .put(SENDER, new SequenceState((long) sent, 0L, 0, 0L, FIRST_CONTACT.toEpochMilli()));
    return platform;
  }

  private static TestInputTopic<String, AccountMessage> contactsBySender(Scenario platform) {
    return platform.driver().createInputTopic(APP + CONTACTS_BY_SENDER_TOPIC + "-repartition",
        Serdes.String().serializer(), InternalAvroSerde.of(AccountMessage.class).serializer());
  }

  private static long targetsHeld(Scenario platform) {
    return platform.driver().getKeyValueStore(SENDER_TARGETS_STORE).approximateNumEntries();
  }

  private static List<String> describe(List<Alert> alerts) {
    return alerts.stream().map(a -> a.getAlertId() + " " + a.getSeverity() + " " + a.getEvidence().getWindow() + " "
        + a.getDetectedAt() + " " + a.getScore()).toList();
  }
}
