package org.targetwatch.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.targetwatch.topology.Scenario.adult;
import static org.targetwatch.topology.Scenario.highDegreeMinors;
import static org.targetwatch.topology.Scenario.minor;
import static org.targetwatch.topology.Scenario.minorsOfAnyDegree;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.targetwatch.schema.AgeBand;
import org.targetwatch.schema.Alert;
import org.targetwatch.schema.Severity;

/** Each benign look-alike of DESIGN.md raises nothing above LOW. */
class BenignLookAlikesTest {
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
  void aNewStudentAddingClassmatesOfEveryDegreeIsNotAlertedAboveLow() {
    platform.account("student", AgeBand.AGE_13_15, 1);
    for (String classmate : minorsOfAnyDegree(25)) {
      platform.request("student", classmate).after(Duration.ofMinutes(5)).accept("student", classmate)
          .after(Duration.ofMinutes(5));
    }
    assertNothingAboveLow("student");
  }

  @Test
  void aTeacherAddingManyPupilsOfTheirSchoolIsNotAlertedAboveLow() {
    platform.account("teacher", AgeBand.ADULT, 2000);
    for (int a = 0; a < 50; a++) {
      platform.friends("teacher", adult(a));
    }
    platform.requestsTo("teacher", minorsOfAnyDegree(30), Duration.ofMinutes(10));
    assertNothingAboveLow("teacher");
  }

  @Test
  void popularTeensBefriendingEachOtherThroughMutualFriendsAreNotAlertedAboveLow() {
    platform.account("popular", AgeBand.AGE_16_17, 700);
    for (int f = 0; f < 80; f++) {
      platform.friends("popular", "f" + f); // the same circle as the other popular minors
    }
    platform.requestsTo("popular", highDegreeMinors(12), Duration.ofMinutes(10));
    assertNothingAboveLow("popular");
  }

  @Test
  void aCreatorReplyingToMinorFansWhoWroteFirstIsNotAlertedAtAll() {
    platform.account("creator", AgeBand.ADULT, 1500);
    List<String> fans = highDegreeMinors(20);
    platform.messagesTo(fans.get(0), List.of("creator"), Duration.ZERO);
    for (String fan : fans) {
      platform.message(fan, "creator").after(Duration.ofMinutes(2));
    }
    platform.after(Duration.ofHours(1)).messagesTo("creator", fans, Duration.ofMinutes(3));
    assertThat(platform.alertsFor("creator")).isEmpty();
  }

  /** Befriending popular fans is not approaching strangers when each fan wrote to the creator first. */
  @Test
  void aCreatorBefriendingPopularMinorFansWhoWroteFirstIsNotAlertedAboveLow() {
    platform.account("creator", AgeBand.ADULT, 1500);
    List<String> fans = highDegreeMinors(14);
    for (String fan : fans) {
      platform.message(fan, "creator").after(Duration.ofMinutes(2));
    }
    platform.after(Duration.ofHours(1)).requestsTo("creator", fans, Duration.ofMinutes(10));
    assertNothingAboveLow("creator");
  }

  /**
   * A new relative befriends the parents first, then the family's children, who are friends of
   * each other (siblings and cousins): popular minors, but reached through adults the relative just
   * befriended, who are no victims, and one family, not minors picked across the platform (a crowd,
   * so that their ties are beyond chance). (A snowball's ties are minors it befriended: they do not
   * count, see OffenderTacticsTest.) Ten popular children who do not know each other, reached
   * through the same three adults, score MEDIUM (0.406) with the model fitted 2026-12-04.
   */
  @Test
  void aNewRelativeReachingPopularChildrenThroughTheParentsItAddedIsNotAlertedAboveLow() {
    platform.withCrowd(2_000, 10);
    platform.account("uncle", AgeBand.ADULT, 2);
    List<String> children = highDegreeMinors(10);
    for (int i = 0; i < children.size(); i++) {
      for (int j = i + 1; j < children.size(); j++) {
        platform.friends(children.get(i), children.get(j));
      }
    }
    for (int p = 0; p < 3; p++) {
      String parent = "parent" + p;
      platform.account(parent, AgeBand.ADULT, 3000);
      for (String child : children) {
        platform.friends(parent, child);
      }
      platform.request("uncle", parent).after(Duration.ofMinutes(5)).accept("uncle", parent).after(Duration.ofMinutes(5));
    }
    platform.after(Duration.ofHours(1)).requestsTo("uncle", children, Duration.ofMinutes(10));
    assertNothingAboveLow("uncle");
  }

  @Test
  void aRelativeAddingAHandfulOfFamilyMinorsIsNotAlertedAtAll() {
    platform.account("aunt", AgeBand.ADULT, 3000);
    platform.requestsTo("aunt", List.of(minor(97), minor(40), minor(12), minor(88)), Duration.ofMinutes(30));
    assertThat(platform.alertsFor("aunt")).isEmpty();
  }

  @Test
  void aGamerTeenAddingSameAgeStrangersWithoutPreferenceForPopularOnesIsNotAlertedAboveLow() {
    platform.account("gamer", AgeBand.AGE_13_15, 500);
    for (int a = 0; a < 20; a++) {
      platform.friends("gamer", adult(a));
    }
    platform.requestsTo("gamer", minorsOfAnyDegree(16), Duration.ofMinutes(20));
    assertNothingAboveLow("gamer");
  }

  @Test
  void aSpammerContactingEveryoneRegardlessOfAgeIsAtMostLow() {
    platform.account("spam", AgeBand.ADULT, 10);
    List<String> everyone = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      everyone.add(i % 3 == 0 ? minor(i) : "f" + i);
    }
    platform.requestsTo("spam", everyone, Duration.ofMinutes(2));
    assertNothingAboveLow("spam");
  }

  @Test
  void aSpammerGoingThroughDozensOfAccountsInASittingLeaningToActiveMinorsIsAtMostLow() {
    // a new account, no friends: forty accounts in fifty minutes, half of them minors, and of those
    // half among the most popular (the active ones); over a day it has not reached a hundred
    // accounts, nor fifteen adults beyond its first sitting's
    platform.account("broadcaster", AgeBand.ADULT, 3);
    List<String> popular = highDegreeMinors(10);
    List<String> anyDegree = minorsOfAnyDegree(10);
    List<String> sitting = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      sitting.addAll(List.of(popular.get(i), "f" + (2 * i), anyDegree.get(i), "f" + (2 * i + 1)));
    }
    platform.requestsTo("broadcaster", sitting, Duration.ofSeconds(75));
    assertNothingAboveLow("broadcaster");
  }

  private void assertNothingAboveLow(String account) {
    List<Alert> alerts = platform.alertsFor(account);
    assertThat(alerts).allSatisfy(a -> assertThat(a.getSeverity()).isEqualTo(Severity.LOW));
  }
}
