package org.targetwatch.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.targetwatch.topology.Scenario.adult;
import static org.targetwatch.topology.Scenario.highDegreeMinors;
import static org.targetwatch.topology.Scenario.minor;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.targetwatch.schema.AgeBand;
import org.targetwatch.schema.Alert;
import org.targetwatch.schema.Reason;
import org.targetwatch.schema.Severity;

/** Each offender tactic of DESIGN.md, played out on a small platform, raises an alert of MEDIUM or above. */
class OffenderTacticsTest {
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
  void aBrandNewFakeTeenBurstingRequestsAtPopularMinorsIsAlerted() {
    platform.account("fake", AgeBand.AGE_13_15, 2)
        .requestsTo("fake", highDegreeMinors(12), Duration.ofMinutes(10));

    List<Alert> alerts = platform.alertsFor("fake");
    assertThat(alerts).isNotEmpty();
    Alert worst = alerts.get(alerts.size() - 1);
    assertThat(worst.getSeverity()).isIn(Severity.HIGH, Severity.CRITICAL);
    // the same contacts are in both windows; the burst window's assessment pays for its many looks
    // (burst_window), so the long window's may be the higher one
    assertThat(alerts).anyMatch(alert -> alert.getEvidence().getWindow().equals("burst"));
    assertThat(signals(worst)).contains("degree_preference", "stranger_share", "young_account_few_friends",
        "claimed_age_matches_targets");
    assertThat(worst.getEvidence().getSampleTargetIds()).isNotEmpty().allMatch(id -> id.startsWith("m"));
    // a safety team hears of it within the first few minors
    assertThat(firstAtLeast(alerts, Severity.MEDIUM).getEvidence().getDistinctMinors()).isLessThanOrEqualTo(8);
  }

  /**
   * Under-13s have fewer friends than teens: the most befriended of them look average against all
   * minors. Ranked within their own band (DESIGN.md, "degree preference"), the preference shows.
   */
  @Test
  void anAdultPickingTheMostBefriendedUnderThirteensIsAlertedThoughTheyLookAverageAmongAllMinors() {
    java.time.Instant past = Scenario.START.minus(Duration.ofDays(300));
    List<String> underThirteens = new ArrayList<>();
    for (int i = 0; i < 150; i++) {
      String child = "u" + i;
      underThirteens.add(child);
      platform.profile(child, AgeBand.UNDER_13, past, past);
      for (int f = 0; f < i / 25; f++) { // 0 to 5 friends
        platform.friends(child, "f" + (100 + f));
      }
    }
    List<String> mostBefriended = underThirteens.subList(130, 150); // 5 friends each, the band's top
    platform.establishedAdultContacting("hunter", mostBefriended);

    List<Alert> alerts = platform.alertsFor("hunter");
    assertThat(alerts).isNotEmpty();
    Alert worst = alerts.stream().max(java.util.Comparator.comparing(Alert::getSeverity)).orElseThrow();
    // among all minors (250, of whom 100 teens with 2-152 friends) five friends rank about 0.6;
    // among the 150 under-13s about 0.9, blended 150 / (150 + 50)
    assertThat(worst.getEvidence().getMeanDegreePercentile()).isGreaterThan(0.8);
    assertThat(worst.getSeverity()).isIn(Severity.MEDIUM, Severity.HIGH, Severity.CRITICAL);
  }

  @Test
  void anEstablishedAdultContactingTwoPopularMinorsADayForWeeksIsAlertedInTheLongWindow() {
    platform.account("slow", AgeBand.ADULT, 900);
    for (int a = 0; a < 40; a++) {
      platform.friends("slow", adult(a));
    }
    List<String> targets = highDegreeMinors(24);
    for (int day = 0; day < 12; day++) {
      platform.request("slow", targets.get(2 * day)).after(Duration.ofHours(7))
          .request("slow", targets.get(2 * day + 1)).after(Duration.ofHours(17));
    }

    List<Alert> alerts = platform.alertsFor("slow");
    assertThat(alerts).isNotEmpty();
    assertThat(alerts).allMatch(a -> a.getEvidence().getWindow().equals("long"));
    Alert firstMedium = firstAtLeast(alerts, Severity.MEDIUM);
    assertThat(firstMedium.getEvidence().getSenderAccountAgeDays()).isGreaterThan(800.0);
    assertThat(firstMedium.getEvidence().getDistinctMinors()).isLessThanOrEqualTo(10);
  }

  @Test
  void aSnowballThroughAVictimsFriendsIsAlertedBecauseTheVictimDoesNotCountAsAMutualFriend() {
    // the victim and her friends: popular minors, friends of one another
    String victim = minor(99);
    List<String> herFriends = highDegreeMinors(12).subList(1, 12);
    for (String friend : herFriends) {
      platform.friends(victim, friend);
    }
    platform.account("snow", AgeBand.AGE_16_17, 60);
    platform.request("snow", victim).after(Duration.ofMinutes(30)).accept("snow", victim)
        .after(Duration.ofMinutes(30)).message("snow", victim).after(Duration.ofHours(1))
        .requestsTo("snow", herFriends, Duration.ofMinutes(20));

    List<Alert> alerts = platform.alertsFor("snow");
    assertThat(alerts).isNotEmpty();
    Alert last = alerts.get(alerts.size() - 1);
    assertThat(reason(last, "stranger_share").getValue()).isGreaterThanOrEqualTo(0.9);
    assertThat(last.getEvidence().getEscalations()).isEqualTo(1);
    assertThat(last.getSeverity().ordinal()).isGreaterThanOrEqualTo(Severity.HIGH.ordinal());
  }

  @Test
  void popularMinorsDilutedAmongManyAdultContactsAreStillAlerted() {
    platform.account("dilute", AgeBand.ADULT, 500);
    List<String> minors = highDegreeMinors(16);
    List<String> mixed = new ArrayList<>();
    for (int i = 0; i < 48; i++) { // two adults for every popular minor
      mixed.add(i % 3 == 2 ? minors.get(i / 3) : adult(i));
    }
    platform.requestsTo("dilute", mixed, Duration.ofMinutes(20));

    List<Alert> alerts = platform.alertsFor("dilute");
    assertThat(alerts).isNotEmpty();
    Alert last = alerts.get(alerts.size() - 1);
    assertThat(last.getSeverity().ordinal()).isGreaterThanOrEqualTo(Severity.MEDIUM.ordinal());
    assertThat(last.getEvidence().getMinorShare()).isLessThan(0.5);
  }

  @Test
  void coldMessagesToPopularMinorsWithoutAnyFriendRequestAreAlerted() {
    platform.account("dm", AgeBand.ADULT, 300)
        .messagesTo("dm", highDegreeMinors(10), Duration.ofMinutes(15));

    List<Alert> alerts = platform.alertsFor("dm");
    assertThat(alerts).isNotEmpty();
    Alert last = alerts.get(alerts.size() - 1);
    assertThat(last.getEvidence().getMessagesSent()).isEqualTo(last.getEvidence().getDistinctMinors());
    assertThat(last.getEvidence().getRequestsSent()).isZero();
    assertThat(last.getSeverity().ordinal()).isGreaterThanOrEqualTo(Severity.MEDIUM.ordinal());
  }

  static Alert firstAtLeast(List<Alert> alerts, Severity floor) {
    return alerts.stream().filter(a -> a.getSeverity().ordinal() >= floor.ordinal()).findFirst()
        .orElseThrow(() -> new AssertionError("no alert at " + floor + " or above among " + alerts.size()));
  }

  static List<String> signals(Alert alert) {
    return alert.getReasons().stream().map(Reason::getSignal).toList();
  }

  static Reason reason(Alert alert, String signal) {
    return alert.getReasons().stream().filter(r -> r.getSignal().equals(signal)).findFirst().orElseThrow();
  }
}
