package org.targetwatch.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.targetwatch.topology.Scenario.adult;
import static org.targetwatch.topology.Scenario.highDegreeMinors;

import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.targetwatch.schema.AgeBand;
import org.targetwatch.schema.Alert;
import org.targetwatch.schema.ReviewVerdict;
import org.targetwatch.schema.Severity;
import org.targetwatch.schema.Verdict;

/** Issue 17: reviewers' verdicts fed back — CLEARED holds back alerts on the evidence reviewed, CONFIRMED marks and links. */
class ReviewVerdictsTest {
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

  /** An established adult ("the coach") who sends requests to popular minors: its latest alert, the one reviewed. */
  private Alert alertedCoach(String coach, List<String> minors) {
    platform.establishedAdultContacting(coach, minors);
    List<Alert> alerts = platform.alertsFor(coach);
    assertThat(alerts).as("the coach is alerted before the review").isNotEmpty();
    return alerts.get(alerts.size() - 1);
  }

  /** An established adult contacts the minors one by one until it is alerted; returns how many it contacted. */
  private int contactUntilAlerted(String coach, List<String> minors) {
    platform.establishedAdultContacting(coach, List.of());
    for (int i = 0; i < minors.size(); i++) {
      platform.requestsTo(coach, List.of(minors.get(i)), Duration.ofMinutes(20));
      if (!platform.alertsFor(coach).isEmpty()) {
        return i + 1;
      }
    }
    throw new AssertionError("the coach was never alerted");
  }

  @Test
  void aClearedAccountIsNotAlertedAgainOnTheEvidenceReviewedAndTheHeldBackAlertsAreCounted() {
    List<String> minors = highDegreeMinors(40);
    int contacted = contactUntilAlerted("coach", minors);
    Alert reviewed = platform.alertsFor("coach").get(platform.alertsFor("coach").size() - 1);
    int before = platform.alertsFor("coach").size();
    platform.after(Duration.ofHours(1)).verdict("coach", Verdict.CLEARED, reviewed.getAlertId());

    // the same behaviour, a few more minors (fewer than half as many again as reviewed), well past
    // the cool-down: alerts fall due, at the same or a higher severity, but are held back
    int fewMore = (int) Math.ceil(1.5 * reviewed.getEvidence().getDistinctMinors()) - 1 - contacted;
    assertThat(fewMore).isPositive();
    for (int day = 1; day <= fewMore; day++) {
      platform.after(Duration.ofDays(1)).request("coach", minors.get(contacted - 1 + day));
    }

    assertThat(metrics.count("verdict CLEARED applied")).isEqualTo(1);
    assertThat(platform.alertsFor("coach")).hasSize(before);
    assertThat(metrics.count("held-back")).isGreaterThanOrEqualTo(1);
  }

  /**
   * A campaign alert is raised by the campaign task, not the account's windows: it is never in the
   * account's alert history. Clearing it held back nothing before (its evidence stayed "unknown"):
   * the evidence reviewed is now the account's own at the verdict.
   */
  @Test
  void aClearanceNamingAnAlertTheAccountsWindowsNeverRaisedHoldsBackItsOwnAlertsOnTheEvidenceAtTheVerdict() {
    List<String> minors = highDegreeMinors(40);
    alertedCoach("coach", minors.subList(0, 12));
    int before = platform.alertsFor("coach").size();
    platform.after(Duration.ofHours(1)).verdict("coach", Verdict.CLEARED, "a-campaign-alert-of-the-coach");

    for (int day = 1; day <= 3; day++) {
      platform.after(Duration.ofDays(1)).request("coach", minors.get(11 + day));
    }

    assertThat(platform.alertsFor("coach")).hasSize(before);
    assertThat(metrics.count("held-back")).isGreaterThanOrEqualTo(1);
  }

  /**
   * Cleared on a campaign alert before any alert of its own, the account's reviewed severity is
   * unknown: a LOW alert of its own is not "a higher severity" than the MEDIUM+ campaign alert the
   * reviewer saw, only a doubling of its minors is new evidence (before, any own alert with half as
   * many minors again was emitted).
   */
  @Test
  void anAccountClearedOnACampaignAlertBeforeAnyAlertOfItsOwnIsNotAlertedOnHalfAsManyMinorsAgain() {
    List<String> minors = highDegreeMinors(40);
    platform.establishedAdultContacting("coach", minors.subList(0, 3));
    assertThat(platform.alertsFor("coach")).as("no alert of its own at MEDIUM+ at three minors")
        .allSatisfy(a -> assertThat(a.getSeverity()).isEqualTo(Severity.LOW));
    int before = platform.alertsFor("coach").size();
    platform.after(Duration.ofHours(1)).verdict("coach", Verdict.CLEARED, "a-campaign-alert-of-the-coach");

    // one more minor a day, past the cool-down each time: four, five minors (under twice three)
    for (int day = 0; day < 2; day++) {
      platform.after(Duration.ofDays(1)).request("coach", minors.get(3 + day));
    }

    assertThat(platform.alertsFor("coach")).hasSize(before);
    assertThat(metrics.count("held-back")).isGreaterThanOrEqualTo(1);
  }

  @Test
  void aClearedAccountIsAlertedAgainOnceItsDistinctMinorsDouble() {
    List<String> minors = highDegreeMinors(40);
    Alert reviewed = alertedCoach("coach", minors.subList(0, 12));
    int before = platform.alertsFor("coach").size();
    platform.after(Duration.ofDays(2)).verdict("coach", Verdict.CLEARED, reviewed.getAlertId());

    platform.requestsTo("coach", minors.subList(12, 40), Duration.ofMinutes(20));

    List<Alert> after = platform.alertsFor("coach").subList(before, platform.alertsFor("coach").size());
    assertThat(after).isNotEmpty();
    Alert again = after.get(0);
    int reviewedMinors = reviewed.getEvidence().getDistinctMinors();
    boolean doubled = again.getEvidence().getDistinctMinors() >= 2 * reviewedMinors;
    boolean higherWithMore = again.getSeverity().ordinal() > reviewed.getSeverity().ordinal()
        && again.getEvidence().getDistinctMinors() >= 1.5 * reviewedMinors;
    assertThat(doubled || higherWithMore).as("alerted again at %d minors (%s) after the review at %d (%s)",
        again.getEvidence().getDistinctMinors(), again.getSeverity(), reviewedMinors, reviewed.getSeverity()).isTrue();
  }

  /**
   * Alerted again once its minors doubled, a cleared account is not alerted again at every cool-down
   * on that grown evidence: the alert emitted is what the safety team has now, and the next one must
   * grow beyond it (before, every alert after the doubling was emitted, a day apart).
   */
  @Test
  void aClearedAccountAlertedAgainOnGrownEvidenceIsNotAlertedAgainUntilItGrowsBeyondThatAlert() {
    List<String> minors = highDegreeMinors(60);
    Alert reviewed = alertedCoach("coach", minors.subList(0, 12));
    platform.after(Duration.ofHours(1)).verdict("coach", Verdict.CLEARED, reviewed.getAlertId());
    int before = platform.alertsFor("coach").size();

    // new minors, 20 minutes apart, until the evidence has grown enough to alert again
    platform.after(Duration.ofDays(1));
    int next = 12;
    while (platform.alertsFor("coach").size() == before && next < 40) {
      platform.request("coach", minors.get(next++)).after(Duration.ofMinutes(20));
    }
    List<Alert> grown = platform.alertsFor("coach");
    assertThat(grown).as("alerted again on grown evidence").hasSizeGreaterThan(before);
    Alert shown = grown.get(grown.size() - 1);
    int heldBack = metrics.count("held-back");

    // a few more minors a day, well past the cool-down each time: fewer than half as many again as last shown
    for (int day = 1; day <= 4; day++) {
      platform.after(Duration.ofDays(1)).request("coach", minors.get(next++));
    }

    assertThat(platform.alertsFor("coach")).as("nothing after %s at %d minors: %s", shown.getSeverity(),
        shown.getEvidence().getDistinctMinors(), platform.alertsFor("coach").stream().map(a -> a.getDetectedAt() + " "
            + a.getSeverity() + " " + a.getEvidence().getWindow() + " " + a.getEvidence().getDistinctMinors()).toList())
        .hasSize(grown.size());
    assertThat(metrics.count("held-back")).isGreaterThan(heldBack);
  }

  @Test
  void reopenedWithdrawsTheClearanceAndTheNextDueAlertIsEmitted() {
    List<String> minors = highDegreeMinors(40);
    Alert reviewed = alertedCoach("coach", minors.subList(0, 8));
    int before = platform.alertsFor("coach").size();
    platform.after(Duration.ofHours(1)).verdict("coach", Verdict.CLEARED, reviewed.getAlertId())
        .after(Duration.ofHours(1)).verdict("coach", Verdict.REOPENED, reviewed.getAlertId());

    platform.after(Duration.ofDays(1)).request("coach", minors.get(8));

    assertThat(platform.alertsFor("coach")).hasSizeGreaterThan(before);
    assertThat(metrics.count("held-back")).isZero();
  }

  @Test
  void aClearanceExpiresAfterItsConfiguredTime() {
    platform.close();
    DetectorConfig shortClearance = DetectorConfig.defaults().withSafety(DetectorConfig.defaults().safety()
        .withRules(100, Duration.ofDays(2), Duration.ofDays(2), 2.0));
    platform = new Scenario(shortClearance, metrics).withBackgroundPopulation().at(Scenario.START.plus(Duration.ofDays(5)));
    List<String> minors = highDegreeMinors(40);
    Alert reviewed = alertedCoach("coach", minors.subList(0, 8));
    int before = platform.alertsFor("coach").size();
    platform.after(Duration.ofHours(1)).verdict("coach", Verdict.CLEARED, reviewed.getAlertId());

    platform.after(Duration.ofDays(3)).request("coach", minors.get(8));

    assertThat(platform.alertsFor("coach")).hasSizeGreaterThan(before);
  }

  @Test
  void aConfirmedAccountsLaterAlertsSaySoWithTheAlertReviewed() {
    List<String> minors = highDegreeMinors(40);
    Alert reviewed = alertedCoach("offender", minors.subList(0, 8));
    platform.after(Duration.ofHours(1)).verdict("offender", Verdict.CONFIRMED, reviewed.getAlertId());

    platform.after(Duration.ofDays(1)).requestsTo("offender", minors.subList(8, 20), Duration.ofMinutes(20));

    List<Alert> alerts = platform.alertsFor("offender");
    Alert last = alerts.get(alerts.size() - 1);
    assertThat(last.getDetectedAt()).isAfter(reviewed.getDetectedAt());
    assertThat(last.getEvidence().getReviewVerdict()).isEqualTo("CONFIRMED");
    assertThat(last.getEvidence().getReviewedAlertId()).isEqualTo(reviewed.getAlertId());
    assertThat(reviewed.getEvidence().getReviewVerdict()).isNull();
  }

  @Test
  void aVerdictForAnAccountWithNoEventsIsKeptAndHoldsBackTheAlertItNamesWhenThatAlertIsRaised() {
    // the reviewer's case system knew the alert before this instance saw the events (ids are deterministic)
    platform.account("early", AgeBand.ADULT, 200);
    for (int a = 0; a < 30; a++) {
      platform.friends("early", adult(a));
    }
    platform.verdict("early", Verdict.CLEARED, "not-raised-yet");
    assertThat(metrics.count("verdict CLEARED applied")).isEqualTo(1);

    List<String> minors = highDegreeMinors(8);
    platform.requestsTo("early", minors, Duration.ofMinutes(20));
    Alert first = platform.alertsFor("early").get(0);

    // another alert than the one named: emitted (the verdict names a different alert, whose evidence is unknown)
    assertThat(first.getAlertId()).isNotEqualTo("not-raised-yet");
  }

  @Test
  void aClearedVerdictNamingAnAlertNotRaisedYetHoldsBackExactlyThatAlert() {
    platform.account("early", AgeBand.ADULT, 200);
    for (int a = 0; a < 30; a++) {
      platform.friends("early", adult(a));
    }
    List<String> minors = highDegreeMinors(8);
    // a rehearsal on a second platform tells which alert these events raise (ids are deterministic)
    String expected;
    try (Scenario rehearsal = new Scenario().withBackgroundPopulation().at(platform.now())) {
      rehearsal.account("early", AgeBand.ADULT, 200 - 5);
      for (int a = 0; a < 30; a++) {
        rehearsal.friends("early", adult(a));
      }
      rehearsal.requestsTo("early", minors, Duration.ofMinutes(20));
      expected = rehearsal.alertsFor("early").get(0).getAlertId();
    }
    platform.verdict("early", Verdict.CLEARED, expected);

    platform.requestsTo("early", minors, Duration.ofMinutes(20));

    assertThat(platform.alertsFor("early")).extracting(Alert::getAlertId).doesNotContain(expected);
    assertThat(metrics.count("held-back")).isGreaterThanOrEqualTo(1);
  }

  @Test
  void aVerdictOlderThanTheAlertItNamesIsIgnoredAndCounted() {
    List<String> minors = highDegreeMinors(40);
    Alert reviewed = alertedCoach("coach", minors.subList(0, 8));
    platform.pipe(new ReviewVerdict("v-early", reviewed.getDetectedAt().minus(Duration.ofHours(1)), "coach",
        Verdict.CLEARED, reviewed.getAlertId(), "rv-1"));

    platform.after(Duration.ofDays(1)).request("coach", minors.get(8));

    assertThat(metrics.count("verdict CLEARED older_than_alert")).isEqualTo(1);
    assertThat(metrics.count("held-back")).isZero();
  }

  @Test
  void aVerdictDeliveredTwiceIsAppliedOnceAndAnOlderVerdictDoesNotOverrideANewerOne() {
    List<String> minors = highDegreeMinors(40);
    Alert reviewed = alertedCoach("coach", minors.subList(0, 8));
    ReviewVerdict cleared = new ReviewVerdict("v-1", platform.now().plus(Duration.ofHours(2)), "coach", Verdict.CLEARED,
        reviewed.getAlertId(), "rv-1");
    platform.pipe(cleared).pipe(cleared)
        .pipe(new ReviewVerdict("v-0", platform.now().plus(Duration.ofHours(1)), "coach", Verdict.REOPENED, null, "rv-2"));

    assertThat(metrics.count("verdict CLEARED applied")).isEqualTo(1);
    assertThat(metrics.count("verdict CLEARED duplicate")).isEqualTo(1);
    assertThat(metrics.count("verdict REOPENED outdated")).isEqualTo(1);
  }

  /**
   * A ring member cleared by a reviewer: as the rest of the ring goes on and the group's evidence
   * escalates, the others are alerted again, the cleared member (whose own contact stopped) is held
   * back and counted.
   */
  @Test
  void aClearedRingMemberIsNotAlertedAgainAsAMemberOnItsReviewedContact() {
    platform.lonersChasing(highDegreeMinors(80).subList(12, 80), 40);
    List<String> shared = highDegreeMinors(12);
    List<String> ring = List.of("p1", "p2", "p3", "p4", "p5");
    platform.youngRing(ring).ringRounds(ring, shared, 0, 3, 0);
    List<Alert> p1Alerts = platform.alertsFor("p1");
    assertThat(p1Alerts).as("p1 alerted before the review").isNotEmpty();
    int before = platform.alerts().size();
    platform.verdict("p1", Verdict.CLEARED, p1Alerts.get(p1Alerts.size() - 1).getAlertId());

    platform.ringRounds(ring, shared, 3, 7, 1); // p1 no more

    List<Alert> after = platform.alerts().subList(before, platform.alerts().size());
    assertThat(after).as("the rest of the ring escalates").anyMatch(a -> a.getCampaignId() != null);
    assertThat(after).noneMatch(a -> a.getAccountId().equals("p1"));
    assertThat(metrics.count("held-back")).isGreaterThanOrEqualTo(1);
  }

  @Test
  void aRingWithOneConfirmedMemberIsAlertedWholeWithTheConfirmedAlertAsALink() {
    platform.lonersChasing(highDegreeMinors(80).subList(12, 80), 40);
    List<String> shared = highDegreeMinors(12);
    List<String> ring = List.of("p1", "p2", "p3");
    platform.youngRing(ring).ringRounds(ring, shared, 0, 4, 0);
    List<Alert> before = platform.alerts().stream().filter(a -> ring.contains(a.getAccountId())).toList();

    platform.verdict("p1", Verdict.CONFIRMED, "alert-of-p1");

    List<Alert> linked = platform.alerts().stream()
        .filter(a -> ring.contains(a.getAccountId()) && !before.contains(a) && a.getCampaignId() != null).toList();
    assertThat(linked.stream().map(Alert::getAccountId).collect(Collectors.toSet())).containsExactlyInAnyOrderElementsOf(ring);
    assertThat(linked).filteredOn(a -> !a.getAccountId().equals("p1"))
        .allSatisfy(a -> assertThat(a.getEvidence().getConfirmedLinks()).containsExactly("alert-of-p1"));
    assertThat(linked).filteredOn(a -> a.getAccountId().equals("p1"))
        .allSatisfy(a -> assertThat(a.getEvidence().getReviewVerdict()).isEqualTo("CONFIRMED"));
    assertThat(linked).allSatisfy(a -> assertThat(a.getSeverity().ordinal()).isGreaterThanOrEqualTo(Severity.MEDIUM.ordinal()));
    assertThat(linked).allSatisfy(a -> assertThat(a.toString()).doesNotContain("\"p1\", \"p2\""));
  }

  /**
   * A teen two months on the platform, whose friends are teens of its age, befriends popular peers,
   * some of whom a ring targeted: once a ring member is confirmed, the teen shares the ring's
   * popular minors beyond chance, but its own context (age peers, a circle of minors) explains why
   * it contacted them, and explains its share of the coordination as much (docs/detection.md,
   * "Campaigns"). Before, the confirmed link lifted it to MEDIUM+ as a campaign member.
   */
  @Test
  void aTeenBefriendingItsPopularPeersIsNotAlertedAsAConfirmedRingsMemberForSharingThem() {
    platform.lonersChasing(highDegreeMinors(80).subList(12, 80), 40);
    List<String> shared = highDegreeMinors(12);
    List<String> ring = List.of("p1", "p2", "p3");
    platform.youngRing(ring).ringRounds(ring, shared, 0, 4, 0);
    platform.account("peer", AgeBand.AGE_13_15, 60);
    java.time.Instant past = Scenario.START.minus(Duration.ofDays(300));
    for (int f = 0; f < 25; f++) {
      platform.profile("classmate" + f, AgeBand.AGE_13_15, past, past).friends("peer", "classmate" + f);
    }
    platform.requestsTo("peer", shared.subList(0, 9), Duration.ofMinutes(30));
    int before = platform.alertsFor("peer").size();

    platform.after(Duration.ofHours(1)).verdict("p1", Verdict.CONFIRMED, "alert-of-p1");

    assertThat(platform.alerts()).as("the ring linked to the confirmed member")
        .anyMatch(a -> a.getAccountId().equals("p2") && a.getCampaignId() != null);
    List<Alert> after = platform.alertsFor("peer").subList(before, platform.alertsFor("peer").size());
    assertThat(after).as("the teen's alerts after the verdict")
        .noneMatch(a -> a.getCampaignId() != null && a.getSeverity().ordinal() >= Severity.MEDIUM.ordinal());
  }

  /**
   * Sock puppets a month or two old are a campaign as young ones are: co-targeting links accounts
   * under 90 days whatever their age, without a verdict. (Until 18f2cf1 accounts over 30 days joined
   * a group only through a confirmed member, and such a ring stayed unlinked until a reviewer
   * confirmed one.) A confirmed member's link is then named in the others' later alerts.
   */
  @Test
  void aRingOfAccountsOverAMonthOldIsACampaignWithoutAVerdict() {
    platform.lonersChasing(highDegreeMinors(80).subList(12, 80), 40);
    List<String> shared = highDegreeMinors(12);
    List<String> ring = List.of("p1", "p2", "p3");
    platform.ring(ring, 45).ringRounds(ring, shared, 0, 4, 0);

    List<Alert> campaign = platform.alerts().stream()
        .filter(a -> ring.contains(a.getAccountId()) && a.getCampaignId() != null).toList();
    assertThat(campaign.stream().map(Alert::getAccountId).collect(Collectors.toSet()))
        .as("every member alerted as the campaign's, without a verdict").containsExactlyInAnyOrderElementsOf(ring);
    assertThat(campaign).allSatisfy(a -> assertThat(a.getSeverity().ordinal()).isGreaterThanOrEqualTo(Severity.MEDIUM.ordinal()));
    int before = platform.alerts().size();

    platform.after(Duration.ofHours(1)).verdict("p1", Verdict.CONFIRMED, "alert-of-p1");

    assertThat(platform.alerts().subList(before, platform.alerts().size()))
        .filteredOn(a -> ring.contains(a.getAccountId()) && !a.getAccountId().equals("p1") && a.getCampaignId() != null)
        .allSatisfy(a -> assertThat(a.getEvidence().getConfirmedLinks()).containsExactly("alert-of-p1"));
  }
}
