package org.targetwatch.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.targetwatch.topology.Scenario.highDegreeMinors;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.targetwatch.schema.AgeBand;
import org.targetwatch.schema.Alert;
import org.targetwatch.schema.FriendRequestAction;
import org.targetwatch.schema.Severity;

/** Cool-down, escalation, late events and deterministic alert ids. */
class AlertLifecycleTest {

  private static void fakeTeenBurst(Scenario platform, List<String> targets) {
    platform.account("fake", AgeBand.AGE_13_15, 2).requestsTo("fake", targets, Duration.ofMinutes(10));
  }

  @Test
  void anEscalationIsAlertedAgainButTheSameSeverityWithinTheCooldownIsNot() {
    try (Scenario platform = new Scenario().withBackgroundPopulation().at(Scenario.START.plus(Duration.ofDays(5)))) {
      fakeTeenBurst(platform, highDegreeMinors(20));
      List<Alert> alerts = platform.alertsFor("fake");

      assertThat(alerts).hasSizeGreaterThanOrEqualTo(2);
      for (int i = 1; i < alerts.size(); i++) {
        assertThat(alerts.get(i).getSeverity().ordinal())
            .as("alert %d rises above the one before", i)
            .isGreaterThan(alerts.get(i - 1).getSeverity().ordinal());
      }
      assertThat(alerts).extracting(Alert::getAlertId).doesNotHaveDuplicates();
    }
  }

  @Test
  void theSameSeverityIsAlertedAgainOnceTheCooldownHasPassed() {
    try (Scenario platform = new Scenario().withBackgroundPopulation().at(Scenario.START.plus(Duration.ofDays(5)))) {
      fakeTeenBurst(platform, highDegreeMinors(20));
      int before = platform.alertsFor("fake").size();
      Severity last = platform.alertsFor("fake").get(before - 1).getSeverity();

      platform.after(Duration.ofHours(25)).requestsTo("fake", Scenario.minorsOfAnyDegree(4).subList(0, 1),
          Duration.ofMinutes(1));
      platform.after(Duration.ofHours(1)).requestsTo("fake", highDegreeMinors(30).subList(20, 30), Duration.ofMinutes(5));

      List<Alert> alerts = platform.alertsFor("fake");
      assertThat(alerts.size()).isGreaterThan(before);
      assertThat(alerts.get(before).getSeverity().ordinal()).isGreaterThanOrEqualTo(Severity.MEDIUM.ordinal());
      assertThat(last).isNotNull();
    }
  }

  @Test
  void aLateContactInsideTheGracePeriodStillCountsAndOneOutsideItDoesNot() {
    try (Scenario platform = new Scenario().withBackgroundPopulation().at(Scenario.START.plus(Duration.ofDays(5)))) {
      Instant t0 = platform.now();
      platform.account("late", AgeBand.AGE_13_15, 2); // a fake teen profile: six popular minors alert
      List<String> targets = highDegreeMinors(12);
      // stream time moves on with someone else's event
      platform.at(t0.plus(Duration.ofHours(5))).request("x", "f1");
      // 5 contacts one hour late: inside the 2-hour grace
      for (int i = 0; i < 5; i++) {
        platform.event("late", targets.get(i), FriendRequestAction.SENT, t0.plus(Duration.ofHours(4)).plusSeconds(i));
      }
      // 5 contacts four hours late: outside the grace, not counted in any window
      for (int i = 5; i < 10; i++) {
        platform.event("late", targets.get(i), FriendRequestAction.SENT, t0.plus(Duration.ofHours(1)).plusSeconds(i));
      }
      // one more on time: the window holds 5 + 1 minors, not 11
      platform.at(t0.plus(Duration.ofHours(5))).request("late", targets.get(11));

      List<Alert> alerts = platform.alertsFor("late");
      assertThat(alerts).isNotEmpty();
      assertThat(alerts.get(alerts.size() - 1).getEvidence().getDistinctMinors()).isEqualTo(6);
    }
  }

  @Test
  void replayingTheSameEventsGivesTheSameAlertIds() {
    List<String> first;
    List<String> second;
    try (Scenario platform = new Scenario().withBackgroundPopulation().at(Scenario.START.plus(Duration.ofDays(5)))) {
      fakeTeenBurst(platform, highDegreeMinors(15));
      first = platform.alerts().stream().map(Alert::getAlertId).toList();
    }
    try (Scenario platform = new Scenario().withBackgroundPopulation().at(Scenario.START.plus(Duration.ofDays(5)))) {
      fakeTeenBurst(platform, highDegreeMinors(15));
      second = platform.alerts().stream().map(Alert::getAlertId).toList();
    }
    assertThat(first).isNotEmpty().doesNotHaveDuplicates().isEqualTo(second);
  }

  @Test
  void aSendersTargetsExpireWithTheLongWindowPlusGrace() {
    try (Scenario platform = new Scenario().withBackgroundPopulation().at(Scenario.START.plus(Duration.ofDays(5)))) {
      fakeTeenBurst(platform, highDegreeMinors(8));
      var targets = platform.driver().<String, Object>getKeyValueStore("sender-targets");
      assertThat(countFor(targets, "fake")).isEqualTo(8);

      platform.after(Duration.ofDays(27)).request("someone", "f3");
      assertThat(countFor(targets, "fake")).as("inside the long window").isEqualTo(8);

      platform.after(Duration.ofDays(3)).request("someone", "f4");
      assertThat(countFor(targets, "fake")).as("after the long window and grace").isZero();
    }
  }

  private static long countFor(org.apache.kafka.streams.state.KeyValueStore<String, Object> store, String sender) {
    long n = 0;
    try (var it = store.all()) {
      while (it.hasNext()) {
        if (it.next().key.startsWith(sender + '\u0000')) {
          n++;
        }
      }
    }
    return n;
  }
}
