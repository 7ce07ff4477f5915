package org.targetwatch.topology;

import java.time.Duration;
import java.util.List;
import org.targetwatch.campaigns.CampaignConfig;
import org.targetwatch.safety.SafetyLoopConfig;
import org.targetwatch.scoring.EvidenceModel;
import org.targetwatch.scoring.Thresholds;
import org.targetwatch.schema.Severity;

/**
 * Everything the detection topology is built from. Defaults and their reasons are in
 * docs/detection.md; the runtime configuration maps its keys onto this record.
 *
 * @param profilesTopic compacted profile topic, key accountId
 * @param friendRequestsTopic friend-request events, key senderId
 * @param messagesTopic message events, key senderId
 * @param alertsTopic the output, key accountId
 * @param burstWindow the short window (a burst of contacts)
 * @param longWindow the slow-and-low window; all state expires with it
 * @param grace how late an event may arrive and still count in its window
 * @param futureTolerance events further ahead of the wall clock are rejected; zero turns the check off (replay)
 * @param maxTargetsPerWindow cap on the distinct targets kept per sender in the long window
 * @param maxFriendsStored cap on the friend ids kept per account (degree stays exact)
 * @param maxSenderFriendsCarried cap on the sender's friend ids carried to the recipient for mutual friends
 * @param sampleTargets number of targeted minors' ids an alert carries
 * @param cooldown no second alert at the same or lower severity for an account within this time
 * @param minSeverity alerts below this severity are not emitted
 * @param thresholds the scoring thresholds
 * @param evidenceModel the weights of the evidence score
 * @param campaigns the campaign stage's bounds and thresholds
 * @param safety the safety loop's topics (reports, verdicts), bounds and rules
 * @param resequenceMaxWait how long, in stream time, an account's windows wait for a message that is
 *     still on its way before applying the ones that came back after it (docs/detection.md, "Order")
 */
public record DetectorConfig(
    String profilesTopic,
    String friendRequestsTopic,
    String messagesTopic,
    String alertsTopic,
    WindowSpec burstWindow,
    WindowSpec longWindow,
    Duration grace,
    Duration futureTolerance,
    int maxTargetsPerWindow,
    int maxFriendsStored,
    int maxSenderFriendsCarried,
    int sampleTargets,
    Duration cooldown,
    Severity minSeverity,
    Thresholds thresholds,
    EvidenceModel evidenceModel,
    CampaignConfig campaigns,
    SafetyLoopConfig safety,
    Duration resequenceMaxWait) {

  public static DetectorConfig defaults() {
    return new DetectorConfig(
        "profiles",
        "friend-requests",
        "messages",
        "alerts",
        new WindowSpec("burst", Duration.ofHours(24), 24),
        new WindowSpec("long", Duration.ofDays(28), 28),
        Duration.ofHours(2),
        Duration.ofHours(1),
        1000,
        5000,
        2000,
        10,
        Duration.ofHours(24),
        Severity.LOW,
        Thresholds.defaults(),
        EvidenceModel.defaults(),
        CampaignConfig.defaults(),
        SafetyLoopConfig.defaults(),
        Duration.ofMinutes(10));
  }

  public DetectorConfig {
    if (longWindow.sizeMs() < burstWindow.sizeMs()) {
      throw new IllegalArgumentException("the long window must not be shorter than the burst window");
    }
    if (burstWindow.name().equals(longWindow.name())) {
      throw new IllegalArgumentException("the two windows need different names");
    }
    if (grace.isNegative()) {
      throw new IllegalArgumentException("grace must not be negative");
    }
    if (resequenceMaxWait.isNegative()) {
      throw new IllegalArgumentException("the resequencing wait must not be negative");
    }
    if (maxTargetsPerWindow < 1 || maxFriendsStored < 1 || maxSenderFriendsCarried < 0 || sampleTargets < 0) {
      throw new IllegalArgumentException("caps must be positive");
    }
  }

  public List<WindowSpec> windows() {
    return List.of(burstWindow, longWindow);
  }

  /** How long windowed state is kept: the longest window plus the grace period. */
  public long retentionMs() {
    return longWindow.sizeMs() + grace.toMillis();
  }

  public DetectorConfig withTopics(String profiles, String friendRequests, String messages, String alerts) {
    return new DetectorConfig(profiles, friendRequests, messages, alerts, burstWindow, longWindow, grace, futureTolerance,
        maxTargetsPerWindow, maxFriendsStored, maxSenderFriendsCarried, sampleTargets, cooldown, minSeverity, thresholds, evidenceModel, campaigns, safety, resequenceMaxWait);
  }

  public DetectorConfig withWindows(WindowSpec burst, WindowSpec longer, Duration graceperiod) {
    return new DetectorConfig(profilesTopic, friendRequestsTopic, messagesTopic, alertsTopic, burst, longer, graceperiod, futureTolerance,
        maxTargetsPerWindow, maxFriendsStored, maxSenderFriendsCarried, sampleTargets, cooldown, minSeverity, thresholds, evidenceModel, campaigns, safety, resequenceMaxWait);
  }

  public DetectorConfig withFutureTolerance(Duration tolerance) {
    return new DetectorConfig(profilesTopic, friendRequestsTopic, messagesTopic, alertsTopic, burstWindow, longWindow, grace, tolerance,
        maxTargetsPerWindow, maxFriendsStored, maxSenderFriendsCarried, sampleTargets, cooldown, minSeverity, thresholds, evidenceModel, campaigns, safety, resequenceMaxWait);
  }

  public DetectorConfig withCooldown(Duration newCooldown, Severity newMinSeverity) {
    return new DetectorConfig(profilesTopic, friendRequestsTopic, messagesTopic, alertsTopic, burstWindow, longWindow, grace, futureTolerance,
        maxTargetsPerWindow, maxFriendsStored, maxSenderFriendsCarried, sampleTargets, newCooldown, newMinSeverity, thresholds, evidenceModel, campaigns, safety, resequenceMaxWait);
  }

  public DetectorConfig withCaps(int targetsPerWindow, int friendsStored, int senderFriendsCarried, int sample) {
    return new DetectorConfig(profilesTopic, friendRequestsTopic, messagesTopic, alertsTopic, burstWindow, longWindow, grace, futureTolerance,
        targetsPerWindow, friendsStored, senderFriendsCarried, sample, cooldown, minSeverity, thresholds, evidenceModel, campaigns, safety, resequenceMaxWait);
  }

  public DetectorConfig withThresholds(Thresholds newThresholds) {
    return new DetectorConfig(profilesTopic, friendRequestsTopic, messagesTopic, alertsTopic, burstWindow, longWindow, grace, futureTolerance,
        maxTargetsPerWindow, maxFriendsStored, maxSenderFriendsCarried, sampleTargets, cooldown, minSeverity, newThresholds, evidenceModel, campaigns, safety, resequenceMaxWait);
  }

  public DetectorConfig withCampaigns(CampaignConfig newCampaigns) {
    return new DetectorConfig(profilesTopic, friendRequestsTopic, messagesTopic, alertsTopic, burstWindow, longWindow, grace, futureTolerance,
        maxTargetsPerWindow, maxFriendsStored, maxSenderFriendsCarried, sampleTargets, cooldown, minSeverity, thresholds, evidenceModel, newCampaigns, safety, resequenceMaxWait);
  }

  public DetectorConfig withSafety(SafetyLoopConfig newSafety) {
    return new DetectorConfig(profilesTopic, friendRequestsTopic, messagesTopic, alertsTopic, burstWindow, longWindow, grace, futureTolerance,
        maxTargetsPerWindow, maxFriendsStored, maxSenderFriendsCarried, sampleTargets, cooldown, minSeverity, thresholds, evidenceModel, campaigns, newSafety, resequenceMaxWait);
  }

  /**
   * The five input topics, in this order: profiles, friend requests, messages, safety reports,
   * review verdicts. They must have one partition count (all state is partitioned by account id).
   */
  public List<String> inputTopics() {
    return List.of(profilesTopic, friendRequestsTopic, messagesTopic, safety.reportsTopic(), safety.verdictsTopic());
  }

  public DetectorConfig withEvidenceModel(EvidenceModel newModel) {
    return new DetectorConfig(profilesTopic, friendRequestsTopic, messagesTopic, alertsTopic, burstWindow, longWindow, grace, futureTolerance,
        maxTargetsPerWindow, maxFriendsStored, maxSenderFriendsCarried, sampleTargets, cooldown, minSeverity, thresholds, newModel, campaigns, safety, resequenceMaxWait);
  }

  public DetectorConfig withResequenceMaxWait(Duration maxWait) {
    return new DetectorConfig(profilesTopic, friendRequestsTopic, messagesTopic, alertsTopic, burstWindow, longWindow, grace, futureTolerance,
        maxTargetsPerWindow, maxFriendsStored, maxSenderFriendsCarried, sampleTargets, cooldown, minSeverity, thresholds, evidenceModel, campaigns, safety, maxWait);
  }
}
