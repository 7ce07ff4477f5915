package org.targetwatch.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.targetwatch.schema.Alert;
import org.targetwatch.schema.ReportCategory;
import org.targetwatch.schema.ReviewVerdict;
import org.targetwatch.schema.SafetyAction;
import org.targetwatch.schema.SafetyReport;
import org.targetwatch.schema.Verdict;

/**
 * The safety loop on a real broker: all five input topics, as Confluent Avro, reach the account's
 * partition through {@code run}; reports and verdicts are counted by outcome; nothing goes to the
 * dead-letter topic.
 */
class SafetyLoopEndToEndTest {

  private static double counter(DetectorRuntime runtime, String name, String... tags) {
    return runtime.meters().get(name).tags(tags).counter().count();
  }

  @Test
  void reportsAndVerdictsOnTheirTopicsReachTheAccountsTheyNameAlongsideTheEventsOfTheOtherThree(@TempDir Path state)
      throws Exception {
    PlatformScript platform = new PlatformScript(7);
    try (KafkaFixture kafka = new KafkaFixture(4);
        DetectorRuntime runtime = DetectorRuntime.start(kafka.config("targetwatch-safety-e2e", state))) {
      assertThat(runtime.awaitRunning(KafkaFixture.GIVE_UP_AFTER)).isTrue();
      kafka.produce(platform.background());
      for (List<SpecificRecord> round : platform.rounds()) {
        kafka.produce(round);
      }
      kafka.awaitProcessed("targetwatch-safety-e2e");
      List<Alert> alerts = kafka.committedAlerts();
      assertThat(alerts).isNotEmpty();
      Alert alerted = alerts.get(alerts.size() - 1);
      String offender = alerted.getAccountId();
      String target = alerted.getEvidence().getSampleTargetIds().get(0);
      Instant later = alerted.getDetectedAt().plus(Duration.ofHours(1));

      kafka.produce(List.of(
          new SafetyReport("r-1", later, target, offender, SafetyAction.REPORTED, ReportCategory.GROOMING),
          new SafetyReport("r-1", later, target, offender, SafetyAction.REPORTED, ReportCategory.GROOMING),
          new SafetyReport("r-2", later, offender, offender, SafetyAction.BLOCKED, null),
          new ReviewVerdict("v-1", later.plus(Duration.ofMinutes(5)), offender, Verdict.CONFIRMED, alerted.getAlertId(), "rv-1"),
          new ReviewVerdict("v-2", later.plus(Duration.ofMinutes(5)), "never-seen", Verdict.CLEARED, null, null)));
      kafka.awaitProcessed("targetwatch-safety-e2e");

      assertThat(counter(runtime, "targetwatch.events.read", "type", "safety_report")).isEqualTo(3);
      assertThat(counter(runtime, "targetwatch.events.read", "type", "review_verdict")).isEqualTo(2);
      assertThat(counter(runtime, "targetwatch.safety.reports", "outcome", "recorded")).isEqualTo(1);
      assertThat(counter(runtime, "targetwatch.safety.reports", "outcome", "unchanged")).isEqualTo(1);
      assertThat(counter(runtime, "targetwatch.safety.reports", "outcome", "self")).isEqualTo(1);
      assertThat(counter(runtime, "targetwatch.verdicts", "verdict", "CONFIRMED", "outcome", "applied")).isEqualTo(1);
      assertThat(counter(runtime, "targetwatch.verdicts", "verdict", "CLEARED", "outcome", "applied")).isEqualTo(1);
      assertThat(runtime.meters().find("targetwatch.dead.letters").counters()).allSatisfy(c -> assertThat(c.count()).isZero());
    }
  }
}
