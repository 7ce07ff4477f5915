package org.targetwatch.scoring;

/**
 * The few fixed references of the evidence score and the severity cut-offs; docs/detection.md
 * gives each default and its reason. Evidence itself has no thresholds: each signal adds a
 * bounded amount ({@link EvidenceModel}).
 *
 * @param burstMinMinors distinct minors a sender must contact in the burst window before MEDIUM
 * @param longMinMinors distinct minors a sender must contact in the long window before MEDIUM
 * @param youngAccountDays an account this many days old is no longer young at all
 * @param establishedAccountDays an account at least this old is fully established
 * @param fewFriends a sender with no friends has few; from this many on, not few at all
 * @param minAnsweredForDeclineRate requests needed before the decline rate counts
 * @param lowScore score from which a LOW alert is raised
 * @param mediumScore score from which MEDIUM is raised
 * @param highScore score from which HIGH is raised
 * @param criticalScore score from which CRITICAL is raised
 */
public record Thresholds(
    int burstMinMinors,
    int longMinMinors,
    double youngAccountDays,
    double establishedAccountDays,
    int fewFriends,
    int minAnsweredForDeclineRate,
    double lowScore,
    double mediumScore,
    double highScore,
    double criticalScore) {

  public static Thresholds defaults() {
    return new Thresholds(6, 6, 30, 90, 10, 5, 0.2, 0.4, 0.6, 0.85);
  }

  public Thresholds {
    if (!(lowScore < mediumScore && mediumScore < highScore && highScore < criticalScore && criticalScore < 1.0)) {
      throw new IllegalArgumentException("severity scores must rise: low < medium < high < critical < 1");
    }
    if (burstMinMinors < 2 || longMinMinors < 2) {
      throw new IllegalArgumentException("minimum distinct minors must be at least 2");
    }
    if (youngAccountDays <= 0 || establishedAccountDays <= 0 || fewFriends < 1) {
      throw new IllegalArgumentException("young account days, established account days and few friends must be above 0");
    }
  }

  public int minMinors(boolean burst) {
    return burst ? burstMinMinors : longMinMinors;
  }
}
