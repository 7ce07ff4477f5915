package org.targetwatch.safety;

import org.targetwatch.schema.Severity;
import org.targetwatch.schema.internal.VerdictState;

/**
 * Whether a CLEARED account may be alerted again (docs/detection.md, "Verdicts"): only when its
 * evidence grew materially beyond what the reviewer saw — at least {@code growth} times the distinct
 * minors reviewed (default twice), or a severity above the reviewed one (when it is known) reached
 * with at least half as many distinct minors again. Distinct minors are those of the long window. An
 * alert emitted on grown evidence becomes the evidence to grow beyond. The alert the verdict
 * names, raised only after it, is held back and its figures become the evidence reviewed; while the
 * reviewed evidence is unknown (the verdict named an alert not raised yet, before the account had any
 * evidence), every other alert is emitted.
 */
public final class ClearedRule {
  /** A higher severity counts as new evidence only with this many times the minors reviewed. */
  public static final double ESCALATION_GROWTH = 1.5;

  private final double growth;

  public ClearedRule(double growth) {
    this.growth = growth;
  }

  /** What to do with an alert of a cleared account. */
  public enum Decision {
    /** Emit it: the evidence grew beyond what was reviewed. */
    ALERT,
    /** Hold it back (counted): the evidence is the one reviewed. */
    HOLD_BACK,
    /** Hold it back: it is the very alert reviewed, raised only now; its figures are the evidence reviewed. */
    HOLD_BACK_AND_RESOLVE
  }

  /**
   * A cleared account's alert as a campaign member: held back unless its own distinct minors (of the
   * campaign window) reached {@code growth} times those reviewed. A group is not what was reviewed,
   * but the member's part in it is its own contact, which was.
   */
  public boolean holdsBackCampaignMember(int reviewedMinors, int ownMinors) {
    return reviewedMinors >= 0 && ownMinors < growth * reviewedMinors;
  }

  public Decision decide(VerdictState cleared, String alertId, Severity severity, int minors) {
    int reviewed = cleared.getReviewedMinors();
    if (alertId.equals(cleared.getAlertId())) {
      // the very alert reviewed, raised only now
      return Decision.HOLD_BACK_AND_RESOLVE;
    }
    if (reviewed < 0) {
      return Decision.ALERT;
    }
    if (minors >= growth * reviewed) {
      return Decision.ALERT;
    }
    // a severity the reviewer saw but the account's windows never raised (a campaign alert on an account
    // with no alert of its own) is unknown, not the lowest: only the doubling counts as growth then
    Severity reviewedSeverity = cleared.getReviewedSeverity();
    boolean higher = reviewedSeverity != null && severity.ordinal() > reviewedSeverity.ordinal();
    return higher && minors >= ESCALATION_GROWTH * reviewed ? Decision.ALERT : Decision.HOLD_BACK;
  }
}
