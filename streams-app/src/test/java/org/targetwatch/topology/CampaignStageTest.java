package org.targetwatch.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.targetwatch.topology.Scenario.adult;
import static org.targetwatch.topology.Scenario.highDegreeMinors;
import static org.targetwatch.topology.Scenario.minorsOfAnyDegree;

import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.targetwatch.schema.AgeBand;
import org.targetwatch.schema.Alert;

/** Stage 4: sock-puppet rings are seen as one campaign; coincidences and schools are not. */
class CampaignStageTest {
  private Scenario platform;

  @BeforeEach
  void setUp() {
    platform = new Scenario().withBackgroundPopulation().at(Scenario.START.plus(Duration.ofDays(5)));
  }

  @AfterEach
  void tearDown() {
    platform.close();
  }

  private List<Alert> campaignAlerts() {
    return platform.alerts().stream().filter(a -> a.getCampaignId() != null).toList();
  }

  @Test
  void aRingOfYoungAccountsSharingOneTargetListIsAlertedAsOneCampaignEachMemberOncePerSeverity() {
    platform.lonersChasing(highDegreeMinors(80).subList(12, 80), 40);
    List<String> shared = highDegreeMinors(12);
    List<String> ring = List.of("p1", "p2", "p3", "p4", "p5");
    platform.youngRing(ring).ringRounds(ring, shared, 0, 5, 0);

    List<Alert> alerts = campaignAlerts();
    assertThat(alerts.stream().map(Alert::getAccountId).collect(Collectors.toSet())).containsExactlyInAnyOrderElementsOf(ring);
    assertThat(alerts.stream().map(Alert::getCampaignId).collect(Collectors.toSet())).hasSize(1);
    for (String member : ring) { // once per severity: again only when the group's evidence escalates
      List<Integer> severities = alerts.stream().filter(a -> a.getAccountId().equals(member))
          .map(a -> a.getSeverity().ordinal()).toList();
      assertThat(severities).isSorted().doesNotHaveDuplicates();
      assertThat(severities.get(0)).isGreaterThanOrEqualTo(org.targetwatch.schema.Severity.MEDIUM.ordinal());
    }
    // the group is alerted as soon as it is large enough; members who join later carry its size then
    assertThat(alerts).allSatisfy(a -> {
      assertThat(a.getEvidence().getCampaignSize()).isBetween(3, 5);
      assertThat(a.getEvidence().getCampaignSharedTargets()).isNotEmpty();
      assertThat(a.getEvidence().getWindow()).isEqualTo("campaign");
    });
    assertThat(alerts.get(alerts.size() - 1).getEvidence().getCampaignSize()).isEqualTo(5);
  }

  @Test
  void unrelatedOffendersWhoShareASinglePopularTargetAreNotMerged() {
    List<String> popular = highDegreeMinors(15);
    platform.account("x1", AgeBand.AGE_13_15, 4).account("x2", AgeBand.AGE_13_15, 4)
        .account("x3", AgeBand.AGE_13_15, 4);
    platform.requestsTo("x1", popular.subList(0, 5), Duration.ofMinutes(30));   // m99..m95
    platform.requestsTo("x2", popular.subList(4, 9), Duration.ofMinutes(30));   // shares m95 with x1
    platform.requestsTo("x3", popular.subList(8, 13), Duration.ofMinutes(30));  // shares m91 with x2
    assertThat(campaignAlerts()).isEmpty();
  }

  @Test
  void teachersOfOneSchoolAddingTheSamePupilsAreNotACampaign() {
    List<String> pupils = minorsOfAnyDegree(12);
    for (String teacher : List.of("t1", "t2", "t3", "t4")) {
      platform.account(teacher, AgeBand.ADULT, 1500);
      for (int a = 0; a < 20; a++) {
        platform.friends(teacher, adult(a));
      }
      platform.requestsTo(teacher, pupils, Duration.ofMinutes(10));
    }
    assertThat(campaignAlerts()).isEmpty();
  }

  @Test
  void candidatesLeaveTheCoTargetingGraphWithTheCampaignWindow() {
    List<String> shared = highDegreeMinors(5);
    for (String member : List.of("s1", "s2", "s3")) {
      platform.account(member, AgeBand.AGE_13_15, 4).requestsTo(member, shared, Duration.ofMinutes(5));
      platform.after(Duration.ofDays(8)); // each member acts after the one before has left the window
    }
    assertThat(campaignAlerts()).isEmpty();
  }
}
