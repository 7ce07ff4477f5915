package org.targetwatch.scoring;

/**
 * The thresholds of the signals and the severity cut-offs; docs/detection.md gives each default
 * and its reason.
 *
 * @param burstMinMinors distinct minors a sender must contact in the burst window
 * @param longMinMinors distinct minors a sender must contact in the long window
 * @param minMeanDegreePercentile the targeted minors' mean degree mid-rank (0.5 without preference)
 * @param minPreferenceZ how many standard errors that mean must lie above 0.5
 * @param minStrangerShare share of targeted minors without a (non-target) mutual friend
 * @param youngAccountDays an account younger than this is young
 * @param establishedAccountDays an account at least this old is established
 * @param fewFriends a sender with fewer friends than this has few friends
 * @param minDeclineRate share of requests declined that counts as a high decline rate
 * @param minAnsweredForDeclineRate requests needed before the decline rate counts
 * @param minMinorLift the minor share among targets against the sender's own baseline
 * @param welcomedAcceptanceRate share of requests accepted from which the contacts look welcome
 * @param lowScore score from which a LOW alert is raised
 * @param mediumScore score from which MEDIUM is raised (only with all core signals met)
 * @param highScore score from which HIGH is raised
 * @param criticalScore score from which CRITICAL is raised
 */
public record Thresholds(
    int burstMinMinors,
    int longMinMinors,
    double minMeanDegreePercentile,
    double minPreferenceZ,
    double minStrangerShare,
    double youngAccountDays,
    double establishedAccountDays,
    int fewFriends,
    double minDeclineRate,
    int minAnsweredForDeclineRate,
    double minMinorLift,
    double welcomedAcceptanceRate,
    double lowScore,
    double mediumScore,
    double highScore,
    double criticalScore) {

  public static Thresholds defaults() {
    return new Thresholds(6, 6, 0.75, 2.5, 0.5, 30, 90, 10, 0.5, 5, 2.0, 0.5, 0.2, 0.4, 0.6, 0.85);
  }

  public Thresholds {
    if (!(lowScore < mediumScore && mediumScore < highScore && highScore < criticalScore && criticalScore <= 1.0)) {
      throw new IllegalArgumentException("severity scores must rise: low < medium < high < critical <= 1");
    }
    if (burstMinMinors < 2 || longMinMinors < 2) {
      throw new IllegalArgumentException("minimum distinct minors must be at least 2");
    }
  }

  public int minMinors(boolean burst) {
    return burst ? burstMinMinors : longMinMinors;
  }
}
