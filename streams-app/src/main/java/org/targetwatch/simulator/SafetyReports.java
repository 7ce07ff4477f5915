package org.targetwatch.simulator;

import java.util.SplittableRandom;
import org.targetwatch.schema.ReportCategory;
import org.targetwatch.schema.SafetyAction;

/**
 * Blocks and reports, when a simulation has them switched on ({@code simulate --reports}): what the
 * people contacted do to protect themselves, plus the noise a real report queue has.
 *
 * <ul>
 *   <li>A minor who declines a request, or gets a cold message, blocks the sender now and then; a
 *       minor an account moves to private messages with reports it more often (GROOMING, or
 *       SEXUAL_CONTENT when images are asked for). Popular minors accept strangers and report less:
 *       each chance falls with the minor's popularity among minors (to 40% of it for the most
 *       popular).
 *   <li>Spam is reported as SPAM by a share of everyone it reaches.
 *   <li>Noise: every day a few accounts report accounts they never met (OTHER, HARASSMENT, FAKE_ACCOUNT),
 *       and now and then one account reports the same account many times (a flood).
 * </ul>
 *
 * Its random source is its own, and its events get ids of their own ({@code r...}), so a world with
 * reports holds exactly the events of the same world without them, plus the reports: detection with
 * and without reports is compared on the same platform.
 */
final class SafetyReports {
  static final double BLOCK_AFTER_DECLINE = 0.08;
  static final double BLOCK_AFTER_COLD_MESSAGE = 0.04;
  static final double REPORT_AFTER_PRIVATE_MESSAGES = 0.30;
  static final double SPAM_REPORTED = 0.10;
  /** Reports between strangers per account and day. */
  static final double NOISE_PER_ACCOUNT_DAY = 0.0002;
  static final double FLOOD_PER_DAY = 0.3;
  private static final ReportCategory[] NOISE = {ReportCategory.OTHER, ReportCategory.HARASSMENT, ReportCategory.FAKE_ACCOUNT};

  private final SplittableRandom rng;
  private final Timeline timeline;
  private final Population population;

  SafetyReports(SplittableRandom rng, Timeline timeline, Population population) {
    this.rng = rng;
    this.timeline = timeline;
    this.population = population;
  }

  /** A minor declined {@code sender}'s request. */
  void declined(long at, int sender, int minor, double popularity) {
    if (chance(BLOCK_AFTER_DECLINE * lessWhenPopular(popularity))) {
      timeline.planReport(at + delay(10), minor, sender, SafetyAction.BLOCKED, null);
    }
  }

  /** A minor got a message from {@code sender}, who is not its friend. */
  void coldMessage(long at, int sender, int minor, double popularity) {
    if (chance(BLOCK_AFTER_COLD_MESSAGE * lessWhenPopular(popularity))) {
      timeline.planReport(at + delay(20), minor, sender, SafetyAction.BLOCKED, null);
    }
  }

  /** {@code sender} moved a minor who accepted it to private messages. */
  void privateMessages(long at, int sender, int minor, double popularity) {
    if (chance(REPORT_AFTER_PRIVATE_MESSAGES * lessWhenPopular(popularity))) {
      boolean imagesAsked = chance(0.3);
      long t = at + delay(6 * 60);
      timeline.planReport(t, minor, sender, SafetyAction.REPORTED,
          imagesAsked ? ReportCategory.SEXUAL_CONTENT : ReportCategory.GROOMING);
      if (chance(0.6)) {
        timeline.planReport(t + delay(2), minor, sender, SafetyAction.BLOCKED, null);
      }
    }
  }

  /** A spam account reached {@code recipient}. */
  void spammed(long at, int sender, int recipient) {
    if (chance(SPAM_REPORTED)) {
      timeline.planReport(at + delay(30), recipient, sender, SafetyAction.REPORTED, ReportCategory.SPAM);
    }
  }

  /** The day's noise: reports between accounts that never met, and now and then a flood. */
  void planNoise(long dayStart) {
    int reports = poisson(population.size * NOISE_PER_ACCOUNT_DAY);
    for (int k = 0; k < reports; k++) {
      int reporter = rng.nextInt(population.size);
      int reported = rng.nextInt(population.size);
      timeline.planReport(dayStart + rng.nextLong(World.DAY), reporter, reported, SafetyAction.REPORTED,
          NOISE[rng.nextInt(NOISE.length)]);
    }
    if (chance(FLOOD_PER_DAY)) {
      int reporter = rng.nextInt(population.size);
      int reported = rng.nextInt(population.size);
      long t = dayStart + rng.nextLong(World.DAY);
      for (int k = 0; k < 5 + rng.nextInt(20); k++) {
        timeline.planReport(t + k * World.MINUTE, reporter, reported, SafetyAction.REPORTED, ReportCategory.OTHER);
      }
    }
  }

  private static double lessWhenPopular(double popularity) {
    return 1.0 - 0.6 * Math.max(0.0, Math.min(1.0, popularity));
  }

  private boolean chance(double p) {
    return rng.nextDouble() < p;
  }

  private long delay(double medianMinutes) {
    return Math.max(World.MINUTE, (long) (medianMinutes * Math.exp(rng.nextGaussian()) * World.MINUTE));
  }

  private int poisson(double mean) {
    int k = 0;
    double p = Math.exp(-mean);
    double s = p;
    double u = rng.nextDouble();
    while (u > s && k < 10_000) {
      k++;
      p *= mean / k;
      s += p;
    }
    return k;
  }
}
