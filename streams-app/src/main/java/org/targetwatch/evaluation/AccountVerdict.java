package org.targetwatch.evaluation;

import java.time.Instant;
import org.targetwatch.schema.Severity;

/**
 * What the alerts say about one account: its highest severity and score over all its alerts, and
 * the event time of its first alert at or above the evaluation's severity floor (null if none).
 */
public record AccountVerdict(Severity highestSeverity, double highestScore, Instant firstAlertAtFloor) {

  public boolean alertedAtFloor() {
    return firstAlertAtFloor != null;
  }

  /** This verdict with one more alert folded in. */
  AccountVerdict with(Severity severity, double score, Instant detectedAt, Severity floor) {
    Severity highest = severity.compareTo(highestSeverity) > 0 ? severity : highestSeverity;
    Instant first = firstAlertAtFloor;
    if (severity.compareTo(floor) >= 0 && (first == null || detectedAt.isBefore(first))) {
      first = detectedAt;
    }
    return new AccountVerdict(highest, Math.max(score, highestScore), first);
  }
}
