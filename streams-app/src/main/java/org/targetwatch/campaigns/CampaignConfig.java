package org.targetwatch.campaigns;

import java.time.Duration;

/**
 * Bounds and thresholds of the campaign stage (docs/detection.md, "campaigns").
 *
 * @param window candidates older than this leave the co-targeting graph
 * @param minGroupSize accounts a group needs to be a campaign
 * @param minSharedTargets minors two accounts must both have contacted to be linked (one shared
 *     target is a coincidence: popular minors get many requests)
 * @param minOverlap Jaccard overlap of two accounts' targets needed to link them: a ring shares one
 *     list, unrelated offenders who all chase the most popular minors overlap little
 * @param minGroupMinors distinct minors the group must have contacted together
 * @param maxCandidates at most this many candidate accounts are kept; the oldest leave first
 * @param maxTargetsPerCandidate minors kept per candidate
 */
public record CampaignConfig(Duration window, int minGroupSize, int minSharedTargets, double minOverlap, int minGroupMinors,
    int maxCandidates, int maxTargetsPerCandidate) {

  public static CampaignConfig defaults() {
    return new CampaignConfig(Duration.ofDays(7), 3, 2, 0.3, 8, 5000, 50);
  }

  public CampaignConfig {
    if (minGroupSize < 2 || minSharedTargets < 1 || minGroupMinors < 1 || maxCandidates < minGroupSize
        || maxTargetsPerCandidate < minSharedTargets) {
      throw new IllegalArgumentException("campaign bounds are inconsistent");
    }
  }
}
