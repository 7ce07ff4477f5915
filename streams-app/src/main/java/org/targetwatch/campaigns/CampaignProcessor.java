package org.targetwatch.campaigns;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.targetwatch.alerts.AlertFactory;
import org.targetwatch.safety.ClearedRule;
import org.targetwatch.topology.DetectorMetrics;
import org.targetwatch.schema.AgeBand;
import org.targetwatch.schema.Alert;
import org.targetwatch.schema.Evidence;
import org.targetwatch.schema.Reason;
import org.targetwatch.schema.Severity;
import org.targetwatch.schema.Verdict;
import org.targetwatch.schema.internal.CampaignCandidate;
import org.targetwatch.schema.internal.CampaignMembership;
import org.targetwatch.scoring.Assessment;
import org.targetwatch.signals.Signal;
import org.targetwatch.signals.WindowFigures;
import org.targetwatch.topology.DetectorConfig;
import org.targetwatch.topology.TopologyNames;

/**
 * Stage 4 as one global task: keeps the candidates of the campaign window ({@link CampaignCandidates},
 * the store with its co-targeting graph in memory), and on each update asks the graph for the updated
 * account's group: the accounts linked by shared minors that chance cannot explain. A group of at
 * least {@code minGroupSize} accounts is judged on its combined evidence ({@link GroupEvidence}): the
 * union of its minors, their preference and strangers, its members' traits and its overlap beyond
 * chance, scored like one sender. At MEDIUM or above each member is alerted once (again only at a
 * higher severity) with the campaign's id, size and shared targets, even when each alone stays below
 * the bar, when its own evidence plus the group's coordination reaches it. Recent accounts take
 * part ({@link #RECENT_ACCOUNT_DAYS}); an established account stands alone unless a reviewer confirmed it.
 */
public final class CampaignProcessor implements Processor<String, CampaignCandidate, String, Alert> {
  static final String CAMPAIGN_WINDOW = "campaign";
  /**
   * Accounts younger than this (days) reach the campaign stage: a ring's accounts are made for it, a
   * month or two before it works its list (docs/detection.md, "Campaigns"). Established accounts
   * stand alone (unless confirmed). A benign recent account linked to a group gets the group's
   * coordination only as far as its own context leaves its contact unexplained ({@link GroupEvidence#memberScore}).
   */
  public static final int RECENT_ACCOUNT_DAYS = 90;
  private static final int SAMPLE = 10;

  private final CampaignConfig config;
  private final GroupEvidence groupEvidence;
  private final ClearedRule clearedRule;
  private final DetectorMetrics metrics;
  private ProcessorContext<String, Alert> context;
  private CampaignCandidates candidates;
  private KeyValueStore<String, CampaignMembership> memberships;

  public CampaignProcessor(DetectorConfig detector) {
    this(detector, DetectorMetrics.NONE);
  }

  public CampaignProcessor(DetectorConfig detector, DetectorMetrics metrics) {
    this.config = detector.campaigns();
    this.groupEvidence = new GroupEvidence(detector);
    this.clearedRule = new ClearedRule(detector.safety().clearedGrowth());
    this.metrics = metrics;
  }

  @Override
  public void init(ProcessorContext<String, Alert> context) {
    this.context = context;
    // a new view per init: a revived task starts again from what its store holds
    this.candidates = CampaignCandidates.restore(context.getStateStore(TopologyNames.CAMPAIGN_CANDIDATES_STORE), config);
    this.memberships = context.getStateStore(TopologyNames.CAMPAIGN_MEMBERSHIP_STORE);
  }

  @Override
  public void process(Record<String, CampaignCandidate> record) {
    CampaignCandidate candidate = record.value();
    if (candidate.getClearanceOnly()) {
      candidates.updateClearance(candidate.getSenderId(), candidate.getClearedReviewedMinors());
      return;
    }
    CampaignCandidate previous = candidates.get(candidate.getSenderId());
    if (candidate.getConfirmedAlertId() == null && previous != null && previous.getConfirmedAlertId() != null) {
      candidate.setConfirmedAlertId(previous.getConfirmedAlertId()); // a confirmed account stays confirmed
    }
    candidates.admit(candidate);
    CoTargetingGraph graph = candidates.graph();
    Set<String> group = groupOf(candidate.getSenderId(), graph);
    if (group.size() < config.minGroupSize()) {
      return;
    }
    List<CampaignCandidate> members = group.stream().map(candidates::get).toList();
    double chance = graph.strongestLinkChance(group, config.minSharedTargets());
    Assessment assessment = groupEvidence.assess(members, chance, candidate.getAt());
    if (assessment.severity().isEmpty() || assessment.severity().get().ordinal() < Severity.MEDIUM.ordinal()) {
      return;
    }
    Set<String> shared = graph.sharedTargets(group);
    String campaignId = campaignIdFor(group);
    for (String member : group) {
      CampaignCandidate own = candidates.get(member);
      double score = groupEvidence.memberScore(own, assessment);
      Optional<Severity> memberSeverity = groupEvidence.severityOf(score);
      if (memberSeverity.isEmpty() || memberSeverity.get().ordinal() < Severity.MEDIUM.ordinal()) {
        continue;
      }
      Severity severity = memberSeverity.get();
      CampaignMembership known = memberships.get(member);
      if (known != null && known.getCampaignId().equals(campaignId)
          && known.getSeverity().ordinal() >= severity.ordinal()) {
        continue;
      }
      if (clearedRule.holdsBackCampaignMember(own.getClearedReviewedMinors(), own.getMinorTargets().size())) {
        metrics.alertHeldBack(severity); // a cleared member whose own contact did not grow: counted, not emitted
        continue;
      }
      memberships.put(member, new CampaignMembership(campaignId, severity, candidate.getAt()));
      Alert alert = alertFor(member, own, candidate, group, assessment, score, severity, shared, campaignId);
      alert.getEvidence().setConfirmedLinks(confirmedLinksOf(members, member));
      if (own.getConfirmedAlertId() != null) {
        alert.getEvidence().setReviewVerdict(Verdict.CONFIRMED.name());
        alert.getEvidence().setReviewedAlertId(own.getConfirmedAlertId());
      }
      context.forward(new Record<>(member, alert, record.timestamp()));
    }
  }

  /**
   * The account's group (docs/detection.md, "Campaigns"): the recent and confirmed accounts linked
   * to it by co-targeting beyond chance. (Before, accounts past the young age of 30 days joined a
   * group only through a confirmed member: a gate that left the rings made one or two months ahead
   * unlinked until a reviewer confirmed one of them.)
   */
  private Set<String> groupOf(String account, CoTargetingGraph graph) {
    return graph.groupOf(account, config.minSharedTargets(), config.maxChance());
  }

  /** The confirmed alerts of the group's other members: the link a reviewer's verdict gives the rest (alert ids, never accounts). */
  private static List<String> confirmedLinksOf(List<CampaignCandidate> members, String member) {
    return members.stream()
        .filter(m -> m.getConfirmedAlertId() != null && !m.getSenderId().equals(member))
        .map(CampaignCandidate::getConfirmedAlertId).distinct().sorted().limit(SAMPLE).toList();
  }

  /**
   * A group keeps the id of the campaign its earliest-known member was alerted in; a new group gets
   * an id derived from its sorted members, so a replay gives the same ids.
   */
  private String campaignIdFor(Set<String> group) {
    String existing = null;
    for (String member : group) {
      CampaignMembership m = memberships.get(member);
      if (m != null && (existing == null || m.getCampaignId().compareTo(existing) < 0)) {
        existing = m.getCampaignId();
      }
    }
    if (existing != null) {
      return existing;
    }
    String name = "campaign|" + String.join(",", group);
    return "c-" + UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8));
  }

  private Alert alertFor(String member, CampaignCandidate own, CampaignCandidate trigger, Set<String> group,
      Assessment groupAssessment, double score, Severity severity, Set<String> shared, String campaignId) {
    long at = trigger.getAt();
    List<Reason> reasons = new ArrayList<>();
    for (Signal s : groupAssessment.signals().byContribution()) {
      reasons.add(new Reason(s.name(), s.value(), s.reference(), round(s.contribution())));
    }
    reasons.add(new Reason("campaign_size", (double) group.size(), (double) config.minGroupSize(), 0.0));
    reasons.add(new Reason("member_score", own.getScore(), 0.0, 0.0));
    WindowFigures f = groupAssessment.figures();
    Evidence evidence = Evidence.newBuilder()
        .setWindow(CAMPAIGN_WINDOW)
        .setDistinctMinors(f.minors())
        .setDistinctTargets(f.targets())
        .setMinorShare(1.0)
        .setMeanDegreePercentile(round(f.meanDegreePercentile()))
        .setStrangerShare(round(f.strangerShare()))
        .setSenderAccountAgeDays(own.getAccountAgeDays() < 0 ? null : round(own.getAccountAgeDays()))
        .setSenderDegree(own.getSenderDegree())
        .setSenderAgeBand(AgeBand.UNKNOWN)
        .setSampleTargetIds(own.getMinorTargets().stream().limit(SAMPLE).toList())
        .setCampaignSize(group.size())
        .setCampaignSharedTargets(shared.stream().limit(SAMPLE).toList())
        .setOwnDistinctMinors(own.getMinorTargets().size()) // what a CLEARED verdict on a member is compared on
        .build();
    return Alert.newBuilder()
        .setAlertId(AlertFactory.alertId(member, severity.name(), CAMPAIGN_WINDOW, campaignId)) // once per member, campaign, severity
        .setAccountId(member)
        .setDetectedAt(Instant.ofEpochMilli(at))
        .setWindowStart(Instant.ofEpochMilli(at - config.window().toMillis()))
        .setWindowEnd(Instant.ofEpochMilli(at))
        .setScore(score)
        .setSeverity(severity)
        .setReasons(reasons)
        .setEvidence(evidence)
        .setCampaignId(campaignId)
        .build();
  }

  /** Figures in an alert carry three decimals, as the sender windows' alerts do. */
  private static double round(double value) {
    return Math.round(value * 1000.0) / 1000.0;
  }
}
