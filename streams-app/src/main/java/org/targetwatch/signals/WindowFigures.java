package org.targetwatch.signals;

import org.targetwatch.schema.internal.ActivityCounts;

/**
 * A sender's figures over one window: the sum of the window's activity buckets. Mutable only while
 * it is being summed.
 */
public final class WindowFigures {
  private int targets;
  private int minors;
  private int highDegreeMinors;
  private double percentileSum;
  private int strangerMinors;
  private int sameBandMinors;
  private int requests;
  private int messages;
  private int accepted;
  private int declined;
  private int removed;
  private int escalations;
  private long targetDegreeSum;
  private int linksKnown;
  private double linksExpected;
  private int protectiveActions;
  private int busiestBucketTargets;

  public static WindowFigures sumOf(Iterable<ActivityCounts> buckets) {
    WindowFigures figures = new WindowFigures();
    for (ActivityCounts bucket : buckets) {
      figures.add(bucket);
    }
    return figures;
  }

  /** A copy to go on adding to, leaving this one as it is. */
  public WindowFigures copy() {
    WindowFigures copy = new WindowFigures();
    copy.targets = targets;
    copy.minors = minors;
    copy.highDegreeMinors = highDegreeMinors;
    copy.percentileSum = percentileSum;
    copy.strangerMinors = strangerMinors;
    copy.sameBandMinors = sameBandMinors;
    copy.requests = requests;
    copy.messages = messages;
    copy.accepted = accepted;
    copy.declined = declined;
    copy.removed = removed;
    copy.escalations = escalations;
    copy.targetDegreeSum = targetDegreeSum;
    copy.linksKnown = linksKnown;
    copy.linksExpected = linksExpected;
    copy.protectiveActions = protectiveActions;
    copy.busiestBucketTargets = busiestBucketTargets;
    return copy;
  }

  public void add(ActivityCounts c) {
    targets += c.getTargets();
    minors += c.getMinors();
    highDegreeMinors += c.getHighDegreeMinors();
    percentileSum += c.getPercentileSum();
    strangerMinors += c.getStrangerMinors();
    sameBandMinors += c.getSameBandMinors();
    requests += c.getRequests();
    messages += c.getMessages();
    accepted += c.getAccepted();
    declined += c.getDeclined();
    removed += c.getRemoved();
    escalations += c.getEscalations();
    targetDegreeSum += c.getTargetDegreeSum();
    linksKnown += c.getLinksKnown();
    linksExpected += c.getLinksExpected();
    protectiveActions += c.getProtectiveActions();
    busiestBucketTargets = Math.max(busiestBucketTargets, c.getTargets());
  }

  public int targets() { return targets; }
  public int minors() { return minors; }
  public int highDegreeMinors() { return highDegreeMinors; }
  public int strangerMinors() { return strangerMinors; }
  public int sameBandMinors() { return sameBandMinors; }
  public int requests() { return requests; }
  public int messages() { return messages; }
  public int accepted() { return accepted; }
  public int declined() { return declined; }
  public int removed() { return removed; }
  public int escalations() { return escalations; }
  /** Blocks, unblocks and reports the sender received in the window: 0 means there is nothing to look up. */
  public int protectiveActions() { return protectiveActions; }
  /** The most targets first contacted in one of the window's buckets (an hour of the burst window): its busiest sitting. */
  public int busiestBucketTargets() { return busiestBucketTargets; }

  public double minorShare() {
    return share(minors, targets);
  }

  public double highDegreeShare() {
    return share(highDegreeMinors, minors);
  }

  /** Mean degree mid-rank of the minors contacted; 0.5 is what a choice blind to degree gives. */
  public double meanDegreePercentile() {
    return minors == 0 ? 0.5 : percentileSum / minors;
  }

  /** The targets' degrees at contact time added up (all ages). */
  public long targetDegreeSum() { return targetDegreeSum; }

  /** Friendships between the minors contacted and the sender's other recent targets, at contact time. */
  public int linksKnown() { return linksKnown; }

  /** How many such friendships chance would give, for targets of these degrees picked anywhere on the platform. */
  public double linksExpected() { return linksExpected; }

  /**
   * How many times more the minors contacted know the sender's other recent targets than chance
   * would have them do: (known + 1) / (expected + 1), the one added to both so that a handful of
   * links never counts as much as dozens. About 1 for minors picked across the platform, popular or
   * not; far above for one class, one club, one family.
   */
  public double targetLinksOverChance() {
    return (linksKnown + 1.0) / (linksExpected + 1.0);
  }

  public double strangerShare() {
    return share(strangerMinors, minors);
  }

  public double sameBandShare() {
    return share(sameBandMinors, minors);
  }

  public double acceptanceRate() {
    return share(accepted, requests);
  }

  public double declineRate() {
    return share(declined, requests);
  }

  private static double share(int part, int whole) {
    return whole == 0 ? 0.0 : (double) part / whole;
  }
}
