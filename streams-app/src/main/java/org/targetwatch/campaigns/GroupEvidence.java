package org.targetwatch.campaigns;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.targetwatch.schema.Severity;
import org.targetwatch.schema.AgeBand;
import org.targetwatch.schema.internal.ActivityCounts;
import org.targetwatch.schema.internal.CampaignCandidate;
import org.targetwatch.scoring.Assessment;
import org.targetwatch.scoring.Scorer;
import org.targetwatch.signals.SenderTraits;
import org.targetwatch.signals.WindowFigures;
import org.targetwatch.topology.DetectorConfig;
import org.targetwatch.topology.WindowSpec;

/**
 * A co-targeting group's evidence is the group's (docs/detection.md, "Campaigns"): the union of the
 * minors its members contacted, with each minor's degree rank and whether it was a stranger, scored
 * as if one sender had contacted them all, with the members' typical traits and the overlap that
 * chance cannot explain. A ring that spreads one target list thin, each member borderline, adds up.
 */
final class GroupEvidence {
  private final Scorer scorer;
  private final WindowSpec window;
  private final CampaignConfig config;

  GroupEvidence(DetectorConfig detector) {
    this.scorer = new Scorer(detector.thresholds(), detector.evidenceModel());
    this.config = detector.campaigns();
    Duration size = config.window();
    this.window = new WindowSpec(CampaignProcessor.CAMPAIGN_WINDOW, size, 1);
  }

  Assessment assess(List<CampaignCandidate> members, double chance, long at) {
    int confirmed = (int) members.stream().filter(m -> m.getConfirmedAlertId() != null).count();
    return scorer.assessGroup(window, figuresOf(members), traitsOf(members), contextOf(members), chance,
        config.maxChance(), config.minGroupMinors(), confirmed);
  }

  /**
   * A member's score in the group: its own evidence plus the group's coordination, at most the
   * group's; a member a reviewer confirmed takes the group's score (its own part is not in doubt).
   */
  double memberScore(CampaignCandidate member, Assessment group) {
    return member.getConfirmedAlertId() != null ? group.score()
        : scorer.memberScore(member.getScore(), member.getContextEvidence(), group);
  }

  Optional<Severity> severityOf(double score) {
    return scorer.severityOf(score);
  }

  /** The members' median context evidence: what explains a typical member's contact explains the group's. */
  static double contextOf(List<CampaignCandidate> members) {
    double[] context = members.stream().mapToDouble(CampaignCandidate::getContextEvidence).sorted().toArray();
    return context[context.length / 2];
  }

  /** The group's minors, each counted once with its figures from the member that contacted it first in the list. */
  static WindowFigures figuresOf(List<CampaignCandidate> members) {
    Map<String, double[]> minors = new LinkedHashMap<>(); // minor -> {degree mid-rank, stranger ? 1 : 0}
    for (CampaignCandidate member : members) {
      List<String> ids = member.getMinorTargets();
      for (int i = 0; i < ids.size(); i++) {
        double percentile = i < member.getMinorTargetPercentiles().size() ? member.getMinorTargetPercentiles().get(i) : 0.5;
        boolean stranger = i < member.getMinorTargetStrangers().size() && member.getMinorTargetStrangers().get(i);
        minors.putIfAbsent(ids.get(i), new double[] {percentile, stranger ? 1 : 0});
      }
    }
    ActivityCounts counts = new ActivityCounts();
    counts.setTargets(minors.size());
    counts.setMinors(minors.size());
    double percentileSum = 0;
    int strangers = 0;
    for (double[] figures : minors.values()) {
      percentileSum += figures[0];
      strangers += (int) figures[1];
    }
    counts.setPercentileSum(percentileSum);
    counts.setStrangerMinors(strangers);
    return WindowFigures.sumOf(List.of(counts));
  }

  /** The members' typical traits: their median account age and median friend count. */
  static SenderTraits traitsOf(List<CampaignCandidate> members) {
    double[] ages = members.stream().mapToDouble(CampaignCandidate::getAccountAgeDays).sorted().toArray();
    int[] degrees = members.stream().mapToInt(CampaignCandidate::getSenderDegree).sorted().toArray();
    double age = ages[ages.length / 2];
    return new SenderTraits(age < 0 ? -1 : age, degrees[degrees.length / 2], AgeBand.UNKNOWN, -1);
  }
}
