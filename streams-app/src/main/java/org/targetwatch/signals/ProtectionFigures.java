package org.targetwatch.signals;

/**
 * What the accounts a sender dealt with did to protect themselves from it (docs/detection.md,
 * "Reports and blocks"): distinct reporters, never report counts, and never who they are.
 *
 * @param protectingMinors distinct minors the sender contacted whose block stands or who reported it
 *     (a SPAM report alone does not count here: it says broadcast, not this pattern)
 * @param blockingMinors of those, the ones whose block stands
 * @param reportingMinors of those, the ones who reported it (other than SPAM)
 * @param sexualHarmReports of those, the ones who reported GROOMING or SEXUAL_CONTENT
 * @param otherReporters distinct accounts the sender never contacted (or not minors): they count
 *     little; reports only as SPAM count nowhere (a broadcast, not this pattern)
 * @param strength the protecting minors weighed by what they did: a GROOMING or SEXUAL_CONTENT report
 *     1, a block or another report 0.6 (each minor counts once, by its strongest action)
 */
public record ProtectionFigures(int protectingMinors, int blockingMinors, int reportingMinors, int sexualHarmReports,
    int otherReporters, double strength) {

  /** An account nobody blocked or reported. */
  public static final ProtectionFigures NONE = new ProtectionFigures(0, 0, 0, 0, 0, 0.0);

  public boolean any() {
    return protectingMinors > 0 || otherReporters > 0;
  }
}
