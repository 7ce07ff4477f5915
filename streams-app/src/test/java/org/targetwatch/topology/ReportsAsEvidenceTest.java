package org.targetwatch.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.targetwatch.topology.Scenario.adult;
import static org.targetwatch.topology.Scenario.highDegreeMinors;
import static org.targetwatch.topology.Scenario.minorsOfAnyDegree;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.targetwatch.schema.AgeBand;
import org.targetwatch.schema.Alert;
import org.targetwatch.schema.Reason;
import org.targetwatch.schema.ReportCategory;
import org.targetwatch.schema.SafetyAction;
import org.targetwatch.schema.SafetyReport;
import org.targetwatch.signals.SignalSet;

/** Issue 17: blocks and reports by the minors a sender contacted are evidence; others' count little. */
class ReportsAsEvidenceTest {
  private final CountingMetrics metrics = new CountingMetrics();
  private Scenario platform;

  @BeforeEach
  void setUp() {
    platform = new Scenario(DetectorConfig.defaults(), metrics).withBackgroundPopulation()
        .at(Scenario.START.plus(Duration.ofDays(5)));
  }

  @AfterEach
  void tearDown() {
    platform.close();
  }

  /** An established adult with adult friends sending requests to these minors, 20 minutes apart. */
  private void adultContacting(String sender, List<String> minors) {
    platform.establishedAdultContacting(sender, minors);
  }

  /** The first three minors of eight popular ones, whose answers the tests write before the other five are contacted. */
  private static final List<String> FIRST = highDegreeMinors(8).subList(0, 3);
  private static final List<String> REST = highDegreeMinors(8).subList(3, 8);

  private static Optional<Alert> strongest(List<Alert> alerts) {
    return alerts.stream().max(Comparator.comparingDouble(Alert::getScore));
  }

  private static Optional<Reason> reason(Alert alert, String signal) {
    return alert.getReasons().stream().filter(r -> r.getSignal().equals(signal)).findFirst();
  }

  @Test
  void threeContactedMinorsWhoBlockOrReportMakeAHigherAlertThanTheSameContactsUnreported() {
    List<String> targets = FIRST;
    adultContacting("quiet", FIRST);
    adultContacting("reported", FIRST);
    platform.report(targets.get(0), "reported", ReportCategory.GROOMING).after(Duration.ofMinutes(5))
        .block(targets.get(1), "reported").after(Duration.ofMinutes(5))
        .report(targets.get(2), "reported", ReportCategory.SEXUAL_CONTENT).after(Duration.ofMinutes(5));
    platform.requestsTo("quiet", REST, Duration.ofMinutes(20)).requestsTo("reported", REST, Duration.ofMinutes(20));

    Alert quiet = strongest(platform.alertsFor("quiet")).orElseThrow();
    Alert reported = strongest(platform.alertsFor("reported")).orElseThrow();

    assertThat(reported.getSeverity().ordinal()).isGreaterThan(quiet.getSeverity().ordinal());
    assertThat(reason(reported, SignalSet.PROTECTING_MINORS)).hasValueSatisfying(r -> {
      assertThat(r.getValue()).isEqualTo(3.0);
      assertThat(r.getContribution()).isGreaterThan(1.0);
    });
    assertThat(reported.getEvidence().getProtectingMinors()).isEqualTo(3);
    assertThat(reported.getEvidence().getBlockingMinors()).isEqualTo(1);
    assertThat(reported.getEvidence().getReportingMinors()).isEqualTo(2);
    assertThat(reported.getEvidence().getSexualHarmReports()).isEqualTo(2);
    // counts only: no reporter's id appears anywhere but as a sampled target
    assertThat(reported.toString()).doesNotContain("rv-1");
    assertThat(reason(quiet, SignalSet.PROTECTING_MINORS)).isEmpty();
    assertThat(quiet.getEvidence().getProtectingMinors()).isZero();
  }

  @Test
  void groomingReportsAreEvidenceAndSpamReportsAreNotEvidenceOfThisPattern() {
    adultContacting("groomer", FIRST);
    adultContacting("spammer", FIRST);
    for (int i = 0; i < 3; i++) {
      platform.report(FIRST.get(i), "groomer", ReportCategory.GROOMING).after(Duration.ofMinutes(1));
      platform.report(FIRST.get(i), "spammer", ReportCategory.SPAM).after(Duration.ofMinutes(1));
    }
    platform.requestsTo("groomer", REST, Duration.ofMinutes(20)).requestsTo("spammer", REST, Duration.ofMinutes(20));

    Alert groomer = strongest(platform.alertsFor("groomer")).orElseThrow();
    Alert spammer = strongest(platform.alertsFor("spammer")).orElseThrow();

    assertThat(groomer.getScore()).isGreaterThan(spammer.getScore());
    assertThat(spammer.getEvidence().getProtectingMinors()).isZero();
    assertThat(spammer.getEvidence().getOtherReporters()).isZero(); // a broadcast, not this pattern
    assertThat(reason(spammer, SignalSet.OTHER_REPORTERS)).isEmpty();
    assertThat(reason(groomer, SignalSet.PROTECTING_MINORS)).hasValueSatisfying(r -> assertThat(r.getContribution()).isPositive());
  }

  @Test
  void reportsFromAccountsTheSenderNeverContactedCountLittleAndAFloodFromOneAccountCountsOnce() {
    adultContacting("brigaded", FIRST);
    for (int i = 0; i < 40; i++) { // a flood from two accounts the sender never contacted
      platform.report("troll" + (i % 2), "brigaded", ReportCategory.GROOMING).after(Duration.ofSeconds(10));
    }
    platform.requestsTo("brigaded", REST, Duration.ofMinutes(20));

    Alert alert = strongest(platform.alertsFor("brigaded")).orElseThrow();

    assertThat(alert.getEvidence().getProtectingMinors()).isZero();
    assertThat(alert.getEvidence().getOtherReporters()).isEqualTo(2);
    assertThat(reason(alert, SignalSet.OTHER_REPORTERS)).hasValueSatisfying(r -> assertThat(r.getContribution()).isLessThan(0.5));
    // after the first report of each troll, the same report again changes nothing
    assertThat(metrics.count("report recorded")).isEqualTo(2);
    assertThat(metrics.count("report unchanged")).isEqualTo(38);
  }

  @Test
  void reportsAloneOnAnAccountThatShowsNoTargetingOfMinorsDoNotMakeAnAlert() {
    platform.account("adults-only", AgeBand.ADULT, 200);
    for (int a = 0; a < 20; a++) {
      platform.request("adults-only", "f" + a).after(Duration.ofMinutes(5));
    }
    platform.account("two-minors", AgeBand.ADULT, 200);
    platform.requestsTo("two-minors", highDegreeMinors(2), Duration.ofMinutes(5));
    for (int i = 0; i < 30; i++) {
      platform.report("stranger" + i, "adults-only", ReportCategory.GROOMING).after(Duration.ofMinutes(1));
    }
    platform.report(Scenario.minor(99), "two-minors", ReportCategory.GROOMING)
        .report(Scenario.minor(98), "two-minors", ReportCategory.GROOMING).after(Duration.ofMinutes(1));

    assertThat(platform.alertsFor("adults-only")).isEmpty();
    assertThat(platform.alertsFor("two-minors")).isEmpty();
  }

  @Test
  void blocksOfAnAccountMostlyReportedAsSpamCountLessThanTheSameBlocksAlone() {
    adultContacting("blocked", FIRST);
    adultContacting("spammy", FIRST);
    for (String minor : FIRST) {
      platform.block(minor, "blocked").block(minor, "spammy").after(Duration.ofMinutes(2));
    }
    for (int a = 40; a < 45; a++) { // accounts it reached, reporting it as spam
      platform.report(adult(a), "spammy", ReportCategory.SPAM).after(Duration.ofMinutes(2));
    }
    platform.requestsTo("blocked", REST, Duration.ofMinutes(20)).requestsTo("spammy", REST, Duration.ofMinutes(20));

    double blockedAlone = reason(strongest(platform.alertsFor("blocked")).orElseThrow(), SignalSet.PROTECTING_MINORS)
        .orElseThrow().getContribution();
    double blockedAndSpam = strongest(platform.alertsFor("spammy"))
        .flatMap(a -> reason(a, SignalSet.PROTECTING_MINORS)).map(Reason::getContribution).orElse(0.0);
    assertThat(blockedAlone).isPositive();
    assertThat(blockedAndSpam).isLessThan(blockedAlone / 2);
  }

  @Test
  void anUnblockWithdrawsItsBlockAndAnOlderBlockArrivingLateDoesNotComeBack() {
    adultContacting("forgiven", FIRST);
    adultContacting("blocked", FIRST);
    java.time.Instant blocked = platform.now();
    platform.block(FIRST.get(0), "blocked").block(FIRST.get(0), "forgiven").after(Duration.ofMinutes(10))
        .unblock(FIRST.get(0), "forgiven").after(Duration.ofMinutes(10));
    java.time.Instant unblocked = platform.now();
    // the block re-delivered after the unblock: older, so the unblock stands
    platform.pipe(new SafetyReport("late-copy", platform.now().minus(Duration.ofMinutes(15)), FIRST.get(0), "forgiven",
        SafetyAction.BLOCKED, null));
    List<String> more = highDegreeMinors(16).subList(3, 16); // enough to rise above what the block raised
    platform.requestsTo("forgiven", more, Duration.ofMinutes(20)).requestsTo("blocked", more, Duration.ofMinutes(20));

    // (an alert raised while the block stood may carry it; none after the unblock does)
    assertThat(platform.alertsFor("forgiven")).filteredOn(a -> !a.getDetectedAt().isBefore(unblocked)).isNotEmpty()
        .allSatisfy(a -> assertThat(a.getEvidence().getProtectingMinors()).isZero());
    // (an alert raised before the block, at three minors, cannot carry it; every one after does)
    assertThat(platform.alertsFor("blocked")).filteredOn(a -> !a.getDetectedAt().isBefore(blocked)).isNotEmpty()
        .allSatisfy(a -> assertThat(a.getEvidence().getBlockingMinors()).isEqualTo(1));
  }

  @Test
  void aReportNamingTheSameAccountAsReporterAndReportedIsIgnoredAndCounted() {
    List<String> targets = minorsOfAnyDegree(8);
    adultContacting("selfish", targets);
    platform.report("selfish", "selfish", ReportCategory.GROOMING).block("selfish", "selfish");

    assertThat(metrics.count("report self")).isEqualTo(2);
    assertThat(platform.alertsFor("selfish")).allSatisfy(a -> assertThat(a.getEvidence().getOtherReporters()).isZero());
  }

  @Test
  void aReportDeliveredTwiceWithTheSameEventIdIsCountedOnce() {
    adultContacting("twice", FIRST);
    SafetyReport report = new SafetyReport("r-dup", platform.now(), FIRST.get(0), "twice", SafetyAction.REPORTED,
        ReportCategory.GROOMING);
    platform.pipe(report).pipe(report);
    platform.requestsTo("twice", REST, Duration.ofMinutes(20));

    assertThat(metrics.count("report recorded")).isEqualTo(1);
    assertThat(metrics.count("report unchanged")).isEqualTo(1);
    assertThat(strongest(platform.alertsFor("twice")).orElseThrow().getEvidence().getProtectingMinors()).isEqualTo(1);
  }
}
