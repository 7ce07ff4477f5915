package org.targetwatch.campaigns;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.targetwatch.alerts.AlertFactory;
import org.targetwatch.schema.AgeBand;
import org.targetwatch.schema.Alert;
import org.targetwatch.schema.Evidence;
import org.targetwatch.schema.Reason;
import org.targetwatch.schema.Severity;
import org.targetwatch.schema.internal.CampaignCandidate;
import org.targetwatch.schema.internal.CampaignMembership;
import org.targetwatch.topology.TopologyNames;

/**
 * Stage 4 as one global task: keeps the candidates of the campaign window ({@link CampaignCandidates},
 * the store with its co-targeting graph in memory), and on each update asks the graph for the updated
 * account's group. A group of at least {@code minGroupSize} accounts, linked by shared minors and
 * together contacting at least {@code minGroupMinors} minors, is a campaign: each member is alerted
 * once (again only at a higher severity) with the campaign's id, size and shared targets. Only young
 * accounts take part. HIGH, or CRITICAL when the group contacted twice the minors it needs.
 */
public final class CampaignProcessor implements Processor<String, CampaignCandidate, String, Alert> {
  static final String CAMPAIGN_WINDOW = "campaign";
  private static final int SAMPLE = 10;

  private final CampaignConfig config;
  private ProcessorContext<String, Alert> context;
  private CampaignCandidates candidates;
  private KeyValueStore<String, CampaignMembership> memberships;

  public CampaignProcessor(CampaignConfig config) {
    this.config = config;
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
    if (!candidate.getYoung()) {
      return; // a campaign is a group of young accounts (sock puppets); established accounts stand alone
    }
    candidates.admit(candidate);
    CoTargetingGraph graph = candidates.graph();
    Set<String> group = graph.groupOf(candidate.getSenderId(), config.minSharedTargets(), config.minOverlap());
    if (group.size() < config.minGroupSize()) {
      return;
    }
    Set<String> minors = graph.minorsOf(group);
    if (minors.size() < config.minGroupMinors()) {
      return;
    }
    Set<String> shared = graph.sharedTargets(group);
    Severity severity = minors.size() >= 2 * config.minGroupMinors() ? Severity.CRITICAL : Severity.HIGH;
    String campaignId = campaignIdFor(group);
    for (String member : group) {
      CampaignMembership known = memberships.get(member);
      if (known != null && known.getCampaignId().equals(campaignId)
          && known.getSeverity().ordinal() >= severity.ordinal()) {
        continue;
      }
      memberships.put(member, new CampaignMembership(campaignId, severity, candidate.getAt()));
      Alert alert = alertFor(member, candidates.get(member), candidate, group, minors, shared, severity, campaignId);
      context.forward(new Record<>(member, alert, record.timestamp()));
    }
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
      Set<String> minors, Set<String> shared, Severity severity, String campaignId) {
    long at = trigger.getAt();
    List<Reason> reasons = List.of(
        new Reason("campaign_size", (double) group.size(), (double) config.minGroupSize()),
        new Reason("campaign_minors", (double) minors.size(), (double) config.minGroupMinors()),
        new Reason("campaign_shared_targets", (double) shared.size(), (double) config.minSharedTargets()),
        new Reason("member_score", own.getScore(), 0.0));
    Evidence evidence = Evidence.newBuilder()
        .setWindow(CAMPAIGN_WINDOW)
        .setDistinctMinors(own.getMinorTargets().size())
        .setDistinctTargets(own.getMinorTargets().size())
        .setSenderAgeBand(AgeBand.UNKNOWN)
        .setSampleTargetIds(own.getMinorTargets().stream().limit(SAMPLE).toList())
        .setCampaignSize(group.size())
        .setCampaignSharedTargets(shared.stream().limit(SAMPLE).toList())
        .build();
    double score = severity == Severity.CRITICAL ? 0.9 : 0.7;
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
}
