package org.targetwatch.safety;

import java.time.Duration;

/**
 * The safety loop's topics, bounds and rules (docs/detection.md, "Reports and blocks", "Verdicts").
 *
 * @param reportsTopic blocks, unblocks and reports, key reportedId
 * @param verdictsTopic reviewers' verdicts, key accountId
 * @param maxReportersPerAccount distinct reporters kept per reported account; more are counted as dropped (a flood)
 * @param clearedFor how long a CLEARED verdict holds back alerts on the evidence reviewed
 * @param verdictRetention how long any verdict is kept (CONFIRMED marks alerts, and a verdict may
 *     arrive before the account's events); never shorter than {@code clearedFor}
 * @param clearedGrowth how many times the reviewed distinct minors a cleared account must reach to be alerted again
 */
public record SafetyLoopConfig(
    String reportsTopic,
    String verdictsTopic,
    int maxReportersPerAccount,
    Duration clearedFor,
    Duration verdictRetention,
    double clearedGrowth) {

  public static SafetyLoopConfig defaults() {
    return new SafetyLoopConfig("safety-reports", "review-verdicts", 100, Duration.ofDays(90), Duration.ofDays(90), 2.0);
  }

  public SafetyLoopConfig {
    if (maxReportersPerAccount < 1) {
      throw new IllegalArgumentException("maxReportersPerAccount must be at least 1");
    }
    if (clearedFor.isNegative() || verdictRetention.compareTo(clearedFor) < 0) {
      throw new IllegalArgumentException("the verdict retention must be at least the time a clearance holds");
    }
    if (!(clearedGrowth > 1)) {
      throw new IllegalArgumentException("clearedGrowth must be above 1");
    }
  }

  public SafetyLoopConfig withTopics(String reports, String verdicts) {
    return new SafetyLoopConfig(reports, verdicts, maxReportersPerAccount, clearedFor, verdictRetention, clearedGrowth);
  }

  public SafetyLoopConfig withRules(int maxReporters, Duration cleared, Duration retention, double growth) {
    return new SafetyLoopConfig(reportsTopic, verdictsTopic, maxReporters, cleared, retention, growth);
  }
}
