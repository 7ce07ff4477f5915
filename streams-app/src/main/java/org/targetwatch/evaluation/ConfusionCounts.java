package org.targetwatch.evaluation;

/**
 * Accounts by truth (offender label or not) and verdict (alerted at the severity floor or not), and
 * the three figures derived from them. A figure whose denominator is zero is {@link Double#NaN}
 * rather than a flattering 1.0: "no account alerted" says nothing about precision.
 */
public record ConfusionCounts(long truePositives, long falsePositives, long falseNegatives, long trueNegatives) {

  public ConfusionCounts {
    if (truePositives < 0 || falsePositives < 0 || falseNegatives < 0 || trueNegatives < 0) {
      throw new IllegalArgumentException("negative count in " + truePositives + "/" + falsePositives + "/"
          + falseNegatives + "/" + trueNegatives);
    }
  }

  /** Adds one account. */
  public ConfusionCounts plus(boolean offender, boolean alerted) {
    return new ConfusionCounts(truePositives + (offender && alerted ? 1 : 0), falsePositives + (!offender && alerted ? 1 : 0),
        falseNegatives + (offender && !alerted ? 1 : 0), trueNegatives + (!offender && !alerted ? 1 : 0));
  }

  public static ConfusionCounts none() {
    return new ConfusionCounts(0, 0, 0, 0);
  }

  public long alerted() {
    return truePositives + falsePositives;
  }

  public long offenders() {
    return truePositives + falseNegatives;
  }

  /** Share of the alerted accounts that are offenders. */
  public double precision() {
    return ratio(truePositives, alerted());
  }

  /** Share of the offenders that were alerted. */
  public double recall() {
    return ratio(truePositives, offenders());
  }

  /** Harmonic mean of precision and recall; 0 when both are 0. */
  public double f1() {
    double p = precision();
    double r = recall();
    if (Double.isNaN(p) || Double.isNaN(r)) {
      return Double.NaN;
    }
    return p + r == 0 ? 0.0 : 2 * p * r / (p + r);
  }

  private static double ratio(long part, long whole) {
    return whole == 0 ? Double.NaN : (double) part / whole;
  }
}
