package org.targetwatch.campaigns;

import java.time.Duration;

/**
 * Bounds and thresholds of the campaign stage (docs/detection.md, "campaigns").
 *
 * @param window candidates older than this leave the co-targeting graph
 * @param minGroupSize accounts a group needs to be a campaign
 * @param minSharedTargets minors two accounts must both have contacted to be linked (one shared
 *     target is a coincidence: popular minors get many requests)
 * @param maxChance two accounts are linked only when chance would give their overlap at most this
 *     often: a ring shares one list, unrelated offenders who all chase the most popular minors
 *     overlap no more than their popularity explains
 * @param minGroupMinors distinct minors the group must have contacted together
 * @param maxCandidates at most this many candidate accounts are kept; the oldest leave first
 * @param maxTargetsPerCandidate minors kept per candidate
 */
public record CampaignConfig(Duration window, int minGroupSize, int minSharedTargets, double maxChance, int minGroupMinors,
    int maxCandidates, int maxTargetsPerCandidate) {

  public static CampaignConfig defaults() {
    return new CampaignConfig(Duration.ofDays(7), 3, 2, 0.01, 8, 5000, 50);
  }

  public CampaignConfig {
    if (minGroupSize < 2 || minSharedTargets < 1 || minGroupMinors < 1 || maxCandidates < minGroupSize
        || maxTargetsPerCandidate < minSharedTargets || !(maxChance > 0 && maxChance < 1)) {
      throw new IllegalArgumentException("campaign bounds are inconsistent");
    }
  }
}
