package org.targetwatch.evaluation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.targetwatch.safety.ClearedRule;
import org.targetwatch.schema.Alert;
import org.targetwatch.schema.Severity;
import org.targetwatch.schema.Verdict;
import org.targetwatch.simulator.SimulatedReviewer;

/**
 * The safety loop measured on one world (docs/evaluation.md, "The safety loop"): detection replayed
 * without the world's reports, with them, and with them plus the simulated reviewer's verdicts on the
 * alerts of the second replay; and what the verdicts changed.
 *
 * @param withoutReports the world's events without {@code safety_report} lines
 * @param withReports all its events
 * @param withVerdicts all its events and the reviewer's verdicts on {@code withReports}' alerts
 * @param reviews the reviewer's verdicts
 * @param clearedBenign benign accounts the reviewer cleared
 * @param repeats alerts (any severity) of the cleared benign accounts after their verdict, before
 *     (in {@code withReports}) and after verdicts (in {@code withVerdicts})
 * @param repeatsOnUnchangedEvidence those of {@link #repeats} of the account alone (no campaign) on the
 *     evidence reviewed, by the CLEARED rule (docs/detection.md, "Verdicts") applied to the figure the
 *     alerts show for it ({@code ownDistinctMinors}: the account's distinct minors of the long window,
 *     of the campaign window for a campaign alert): the repeat shows fewer than {@code growth} times
 *     those of the reviewed alert, and is not of a higher severity with at least 1.5 times them
 * @param campaignRepeats those of {@link #repeats} raised as a campaign member (held back only while
 *     the member's own minors did not grow: a group is not what was reviewed)
 * @param mistakenlyCleared offenders the reviewer cleared by mistake
 * @param mistakenlyClearedAlerted those of them alerted at the floor after their verdict, before and after verdicts
 * @param confirmedRings rings (sock-puppet rings of the labels) with a member the reviewer confirmed
 * @param confirmedRingMembers their members
 * @param ringMembersAlerted those members alerted at the floor, before and after verdicts
 * @param ringsAllAlerted confirmed rings with every member alerted at the floor, before and after verdicts
 */
public record SafetyLoopWorld(long seed, WorldResult withoutReports, WorldResult withReports, WorldResult withVerdicts,
    List<SimulatedReviewer.Review> reviews, int clearedBenign, BeforeAfter repeats, BeforeAfter repeatsOnUnchangedEvidence,
    BeforeAfter campaignRepeats, int mistakenlyCleared, BeforeAfter mistakenlyClearedAlerted, int confirmedRings, int confirmedRingMembers,
    BeforeAfter ringMembersAlerted, BeforeAfter ringsAllAlerted) {

  /** A count before verdicts (replay with reports) and after (with reports and verdicts). */
  public record BeforeAfter(int before, int after) {}

  /** The labels parameter that names an account's sock-puppet ring (docs/simulator.md). */
  static final String RING_ID = "ringId";

  public SafetyLoopWorld {
    reviews = List.copyOf(reviews);
  }

  public long confirmed() {
    return reviews.stream().filter(r -> r.verdict() == Verdict.CONFIRMED).count();
  }

  public long cleared() {
    return reviews.size() - confirmed();
  }

  public long mistakenlyConfirmed() {
    return reviews.stream().filter(r -> r.mistaken() && r.verdict() == Verdict.CONFIRMED).count();
  }

  /** Share of the members of rings with a confirmed member that were alerted at the floor, before verdicts (NaN: no such ring). */
  public double ringMembersAlertedShareBefore() {
    return confirmedRingMembers == 0 ? Double.NaN : (double) ringMembersAlerted.before() / confirmedRingMembers;
  }

  public double ringMembersAlertedShareAfter() {
    return confirmedRingMembers == 0 ? Double.NaN : (double) ringMembersAlerted.after() / confirmedRingMembers;
  }

  /**
   * Works out the loop's figures from the three replays' alerts.
   *
   * @param growth how many times the reviewed minors make new evidence ({@code detector.cleared.growth})
   */
  public static SafetyLoopWorld of(long seed, WorldResult withoutReports, WorldResult withReports,
      WorldResult withVerdicts, List<SimulatedReviewer.Review> reviews, LabelsFile labels, List<Alert> alertsBefore,
      List<Alert> alertsAfter, double growth, Severity floor) {
    Map<String, SimulatedReviewer.Review> clearedBenign = new HashMap<>();
    Map<String, SimulatedReviewer.Review> clearedOffenders = new HashMap<>();
    Set<String> confirmed = new HashSet<>();
    for (SimulatedReviewer.Review review : reviews) {
      if (review.verdict() == Verdict.CLEARED) {
        (review.offender() ? clearedOffenders : clearedBenign).put(review.accountId(), review);
      } else {
        confirmed.add(review.accountId());
      }
    }
    Map<String, Alert> reviewedAlerts = new HashMap<>();
    for (Alert alert : alertsBefore) {
      reviewedAlerts.put(alert.getAlertId(), alert);
    }
    int[] repeatsBefore = repeats(alertsBefore, clearedBenign, reviewedAlerts, growth);
    int[] repeatsAfter = repeats(alertsAfter, clearedBenign, reviewedAlerts, growth);
    BeforeAfter clearedAlerted = new BeforeAfter(alertedAfterVerdict(alertsBefore, clearedOffenders, floor),
        alertedAfterVerdict(alertsAfter, clearedOffenders, floor));

    Map<Long, List<String>> rings = new HashMap<>();
    labels.accountParameters().forEach((account, parameters) -> {
      Double ring = parameters.get(RING_ID);
      if (ring != null && DetectionTable.isOffender(labels.classes().getOrDefault(account, ""))) {
        rings.computeIfAbsent(ring.longValue(), r -> new ArrayList<>()).add(account);
      }
    });
    Set<String> alertedBefore = alertedAtFloor(alertsBefore, floor);
    Set<String> alertedAfter = alertedAtFloor(alertsAfter, floor);
    int confirmedRings = 0;
    int members = 0;
    int membersBefore = 0;
    int membersAfter = 0;
    int allBefore = 0;
    int allAfter = 0;
    for (List<String> ring : rings.values()) {
      if (ring.stream().noneMatch(confirmed::contains)) {
        continue;
      }
      confirmedRings++;
      members += ring.size();
      long before = ring.stream().filter(alertedBefore::contains).count();
      long after = ring.stream().filter(alertedAfter::contains).count();
      membersBefore += (int) before;
      membersAfter += (int) after;
      allBefore += before == ring.size() ? 1 : 0;
      allAfter += after == ring.size() ? 1 : 0;
    }
    return new SafetyLoopWorld(seed, withoutReports, withReports, withVerdicts, reviews, clearedBenign.size(),
        new BeforeAfter(repeatsBefore[0], repeatsAfter[0]), new BeforeAfter(repeatsBefore[1], repeatsAfter[1]),
        new BeforeAfter(repeatsBefore[2], repeatsAfter[2]),
        clearedOffenders.size(), clearedAlerted, confirmedRings, members, new BeforeAfter(membersBefore, membersAfter),
        new BeforeAfter(allBefore, allAfter));
  }

  /** {all repeats, own repeats on unchanged evidence, campaign repeats} of the cleared accounts after their verdicts. */
  private static int[] repeats(List<Alert> alerts, Map<String, SimulatedReviewer.Review> cleared,
      Map<String, Alert> reviewedAlerts, double growth) {
    int all = 0;
    int unchanged = 0;
    int campaign = 0;
    for (Alert alert : alerts) {
      SimulatedReviewer.Review review = cleared.get(alert.getAccountId());
      if (review == null || !alert.getDetectedAt().isAfter(review.decidedAt())) {
        continue;
      }
      all++;
      if (alert.getCampaignId() != null && !alert.getCampaignId().isEmpty()) {
        campaign++;
        continue;
      }
      Alert reviewedAlert = reviewedAlerts.get(review.alertId());
      int reviewed = reviewedAlert == null ? 0 : ownMinors(reviewedAlert);
      int now = ownMinors(alert);
      boolean escalated = alert.getSeverity().compareTo(review.severity()) > 0
          && now >= ClearedRule.ESCALATION_GROWTH * reviewed;
      if (now < growth * reviewed && !escalated) {
        unchanged++;
      }
    }
    return new int[] {all, unchanged, campaign};
  }

  /**
   * The figure the CLEARED rule compares, as the alert shows it: the account's own distinct minors,
   * not those of the alert's window (a burst alert's day of minors says nothing of how far the
   * account's minors grew since the review). Alerts of versions before that figure: the window's.
   */
  static int ownMinors(Alert alert) {
    int own = alert.getEvidence().getOwnDistinctMinors();
    return own > 0 ? own : alert.getEvidence().getDistinctMinors();
  }

  /** Accounts of {@code reviewed} with an alert at the floor after their verdict. */
  private static int alertedAfterVerdict(List<Alert> alerts, Map<String, SimulatedReviewer.Review> reviewed,
      Severity floor) {
    Set<String> alerted = new HashSet<>();
    for (Alert alert : alerts) {
      SimulatedReviewer.Review review = reviewed.get(alert.getAccountId());
      if (review != null && alert.getSeverity().compareTo(floor) >= 0 && alert.getDetectedAt().isAfter(review.decidedAt())) {
        alerted.add(alert.getAccountId());
      }
    }
    return alerted.size();
  }

  private static Set<String> alertedAtFloor(List<Alert> alerts, Severity floor) {
    Set<String> alerted = new HashSet<>();
    for (Alert alert : alerts) {
      if (alert.getSeverity().compareTo(floor) >= 0) {
        alerted.add(alert.getAccountId());
      }
    }
    return alerted;
  }
}
