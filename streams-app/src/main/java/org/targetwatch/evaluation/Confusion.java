package org.targetwatch.evaluation;

/** Accounts by truth (offender or not) and verdict (alerted at the floor or not). */
public record Confusion(long truePositives, long falsePositives, long falseNegatives, long trueNegatives) {
  public double precision() {
    long flagged = truePositives + falsePositives;
    return flagged == 0 ? 1.0 : (double) truePositives / flagged;
  }

  public double recall() {
    long offenders = truePositives + falseNegatives;
    return offenders == 0 ? 1.0 : (double) truePositives / offenders;
  }

  public double f1() {
    double p = precision();
    double r = recall();
    return p + r == 0 ? 0.0 : 2 * p * r / (p + r);
  }
}
