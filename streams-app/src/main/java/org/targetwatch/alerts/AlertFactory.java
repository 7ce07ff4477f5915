package org.targetwatch.alerts;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.targetwatch.schema.Alert;
import org.targetwatch.schema.Evidence;
import org.targetwatch.schema.Reason;
import org.targetwatch.schema.internal.TargetEntry;
import org.targetwatch.scoring.Assessment;
import org.targetwatch.signals.SenderTraits;
import org.targetwatch.signals.Signal;
import org.targetwatch.signals.WindowFigures;

/** Builds the alert a safety team reads: the signals as reasons, the figures as evidence. */
public final class AlertFactory {
  private final int sampleSize;
  private final int targetCap;
  private final long cooldownMs;

  public AlertFactory(int sampleSize, int targetCap, long cooldownMs) {
    this.sampleSize = sampleSize;
    this.targetCap = targetCap;
    this.cooldownMs = cooldownMs;
  }

  /**
   * The alert id is a name-based UUID of the account, the severity, the window and the cool-down
   * period the alert falls in ({@code detectedAt / cooldown}). Two alerts of an account at one
   * severity are at least a cool-down apart, so they never share a period: the id is unique. And it
   * does not name the event that raised the alert: after a fail-over, contacts that travelled
   * through different partitions may reach the sender in another order and raise the same alert
   * with another event — it keeps its id, so consumers see it once.
   */
  public static String alertId(String account, String severity, String window, long detectedAt, long cooldownMs) {
    return alertId(account, severity, window, Long.toString(Math.floorDiv(detectedAt, Math.max(1, cooldownMs))));
  }

  /** A name-based UUID of the account, the severity, the window and a discriminator. */
  public static String alertId(String account, String severity, String window, String discriminator) {
    String name = account + '|' + severity + '|' + window + '|' + discriminator;
    return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
  }

  public Alert create(String account, long detectedAt, Assessment assessment,
      SenderTraits sender, double populationUpperQuartile, double populationMinorShare,
      List<TargetEntry> targetsInWindow) {
    String severity = assessment.severity().orElseThrow().name();
    String window = assessment.window().name();
    return Alert.newBuilder()
        .setAlertId(alertId(account, severity, window, detectedAt, cooldownMs))
        .setAccountId(account)
        .setDetectedAt(Instant.ofEpochMilli(detectedAt))
        .setWindowStart(Instant.ofEpochMilli(assessment.window().windowStart(detectedAt)))
        .setWindowEnd(Instant.ofEpochMilli(detectedAt))
        .setScore(assessment.score())
        .setSeverity(assessment.severity().orElseThrow())
        .setReasons(reasons(assessment))
        .setEvidence(evidence(assessment, sender, populationUpperQuartile, populationMinorShare, targetsInWindow))
        .setCampaignId(null)
        .build();
  }

  /** Every signal that moved the score, largest contribution first, so a reviewer reads why. */
  private static List<Reason> reasons(Assessment assessment) {
    List<Reason> reasons = new ArrayList<>();
    for (Signal s : assessment.signals().byContribution()) {
      reasons.add(new Reason(s.name(), s.value(), s.reference(), round(s.contribution())));
    }
    return reasons;
  }

  private Evidence evidence(Assessment a, SenderTraits sender, double upperQuartile, double minorShare,
      List<TargetEntry> targets) {
    WindowFigures f = a.figures();
    List<TargetEntry> minors = targets.stream().filter(TargetEntry::getMinor)
        .sorted(Comparator.comparingLong(TargetEntry::getFirstContactAt).thenComparing(TargetEntry::getTargetId))
        .toList();
    List<String> sample = minors.stream().limit(sampleSize).map(TargetEntry::getTargetId).toList();
    return Evidence.newBuilder()
        .setWindow(a.window().name())
        .setDistinctTargets(f.targets())
        .setDistinctMinors(f.minors())
        .setMinorShare(round(f.minorShare()))
        .setPopulationMinorShare(round(minorShare))
        .setFriendsMinorShare(round(Math.max(0, sender.friendsMinorShare())))
        .setMedianMinorTargetDegree(median(minors))
        .setPopulationMinorDegreeP75(upperQuartile)
        .setHighDegreeShare(round(f.highDegreeShare()))
        .setMeanDegreePercentile(round(f.meanDegreePercentile()))
        .setStrangerShare(round(f.strangerShare()))
        .setRequestsSent(f.requests())
        .setMessagesSent(f.messages())
        .setAccepted(f.accepted())
        .setDeclined(f.declined())
        .setRemoved(f.removed())
        .setEscalations(f.escalations())
        .setSenderAccountAgeDays(sender.accountAgeKnown() ? round(sender.accountAgeDays()) : null)
        .setSenderDegree(sender.degree())
        .setSenderAgeBand(sender.ageBand())
        .setSampleTargetIds(sample)
        .setTargetsCapped(targets.size() >= targetCap)
        .setTargetCap(targetCap)
        .setCampaignSize(0)
        .setCampaignSharedTargets(List.of())
        .build();
  }

  private static double median(List<TargetEntry> minors) {
    if (minors.isEmpty()) {
      return 0;
    }
    int[] degrees = minors.stream().mapToInt(TargetEntry::getDegree).sorted().toArray();
    int mid = degrees.length / 2;
    return degrees.length % 2 == 1 ? degrees[mid] : (degrees[mid - 1] + degrees[mid]) / 2.0;
  }

  private static double round(double v) {
    return Math.round(v * 1000.0) / 1000.0;
  }
}
