package org.targetwatch.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.targetwatch.schema.Severity;

/** 3 offenders and 5 benign accounts with known verdicts: every figure of the table by hand. */
class DetectionTableTest {
  private static final Instant T = Instant.parse("2026-03-01T10:00:00Z");

  private static final Map<String, String> LABELS = Map.of(
      "o1", "offender.burst", "o2", "offender.burst", "o3", "offender.slow",
      "b1", "benign.teacher", "b2", "benign.teacher",
      "b3", "benign.ordinary", "b4", "benign.ordinary", "b5", "benign.ordinary");

  // o1 and o2 detected at MEDIUM+, o3 only LOW; b1 a false positive, b2 LOW only; "x" has no label
  private static final Map<String, AccountVerdict> VERDICTS = Map.of(
      "o1", new AccountVerdict(Severity.MEDIUM, 0.5, T),
      "o2", new AccountVerdict(Severity.HIGH, 0.7, T),
      "o3", new AccountVerdict(Severity.LOW, 0.25, null),
      "b1", new AccountVerdict(Severity.MEDIUM, 0.45, T),
      "b2", new AccountVerdict(Severity.LOW, 0.2, null),
      "x", new AccountVerdict(Severity.CRITICAL, 0.9, T));

  private final DetectionTable table = DetectionTable.build(Severity.MEDIUM, LABELS, VERDICTS, Map.of("o1", 3, "o2", 5));

  private DetectionTable.ClassRow row(String label) {
    return table.rows().stream().filter(r -> r.label().equals(label)).findFirst().orElseThrow();
  }

  @Test
  void precisionRecallAndF1CountEachLabelledAccountOnce() {
    assertThat(table.confusion()).isEqualTo(new ConfusionCounts(2, 1, 1, 4));
    assertThat(table.confusion().precision()).isCloseTo(2 / 3.0, within(1e-12));
    assertThat(table.confusion().recall()).isCloseTo(2 / 3.0, within(1e-12));
    assertThat(table.confusion().f1()).isCloseTo(2 / 3.0, within(1e-12));
    assertThat(table.unlabelledAlertedAccounts()).isEqualTo(1);
  }

  @Test
  void offenderClassesComeFirstThenBenignEachByName() {
    assertThat(table.rows()).extracting(DetectionTable.ClassRow::label)
        .containsExactly("offender.burst", "offender.slow", "benign.ordinary", "benign.teacher");
  }

  @Test
  void eachClassCountsItsAccountsAlertedAtTheFloorAndAtAnySeverity() {
    assertThat(row("offender.burst")).extracting("accounts", "alertedAtFloor", "alertedAtAnySeverity").containsExactly(2, 2, 2);
    assertThat(row("offender.slow")).extracting("accounts", "alertedAtFloor", "alertedAtAnySeverity").containsExactly(1, 0, 1);
    assertThat(row("benign.teacher")).extracting("accounts", "alertedAtFloor", "alertedAtAnySeverity").containsExactly(2, 1, 2);
    assertThat(row("benign.ordinary")).extracting("accounts", "alertedAtFloor", "alertedAtAnySeverity").containsExactly(3, 0, 0);
    assertThat(row("benign.teacher").shareAtFloor()).isEqualTo(0.5);
    assertThat(row("benign.teacher").shareAtAnySeverity()).isEqualTo(1.0);
  }

  @Test
  void timeToDetectIsTheMedianAndNearestRankP90OfTheDetectedOffendersAndCountsTheMissed() {
    assertThat(row("offender.burst").medianMinorsBeforeDetection()).isEqualTo(4.0);
    assertThat(row("offender.burst").p90MinorsBeforeDetection()).isEqualTo(5.0);
    assertThat(row("offender.burst").neverDetected()).isZero();
    assertThat(row("offender.slow").minorsBeforeDetection()).isEmpty();
    assertThat(row("offender.slow").neverDetected()).isEqualTo(1);
    assertThat(table.minorsBeforeDetection()).containsExactlyInAnyOrder(3, 5);
    assertThat(table.offendersNeverDetected()).isEqualTo(1);
  }

  @Test
  void aBenignClassAlertedInMoreThanFivePercentOfItsAccountsMissesItsTarget() {
    assertThat(table.benignOverTarget()).extracting(DetectionTable.ClassRow::label).containsExactly("benign.teacher");
  }

  @Test
  void theScorePlotGetsTheHighestScoreOfEveryAlertedAccountOfTheClass() {
    assertThat(row("benign.teacher").highestScores()).containsExactlyInAnyOrder(0.45, 0.2);
    assertThat(row("benign.ordinary").highestScores()).isEmpty();
  }
}
