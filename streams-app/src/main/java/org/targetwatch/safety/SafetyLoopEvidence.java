package org.targetwatch.safety;

import org.targetwatch.schema.Evidence;
import org.targetwatch.schema.Verdict;
import org.targetwatch.schema.internal.VerdictState;
import org.targetwatch.signals.ProtectionFigures;

/**
 * What an alert tells of the safety loop: counts of the accounts that blocked or reported the
 * account (never who they are) and a reviewer's CONFIRMED verdict on it, with the alert it was given on.
 */
public final class SafetyLoopEvidence {
  private SafetyLoopEvidence() {}

  public static void addTo(Evidence evidence, ProtectionFigures protection, VerdictState verdict) {
    evidence.setProtectingMinors(protection.protectingMinors());
    evidence.setBlockingMinors(protection.blockingMinors());
    evidence.setReportingMinors(protection.reportingMinors());
    evidence.setSexualHarmReports(protection.sexualHarmReports());
    evidence.setOtherReporters(protection.otherReporters());
    if (verdict != null && verdict.getVerdict() == Verdict.CONFIRMED) {
      evidence.setReviewVerdict(Verdict.CONFIRMED.name());
      evidence.setReviewedAlertId(verdict.getAlertId());
    }
  }
}
