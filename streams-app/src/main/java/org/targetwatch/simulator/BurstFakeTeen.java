package org.targetwatch.simulator;

import org.targetwatch.schema.AgeBand;

/**
 * offender.burst_fake_teen: a brand-new profile claiming a teen age, few friends, that within
 * hours of its creation fires bursts of friend requests at many minors — mostly high-degree ones,
 * mostly of its claimed age — and moves the few who accept to private messages.
 */
final class BurstFakeTeen implements Behaviour {
  private final int account;
  /** The account's own parameters in a randomized world; null in the fixed world. */
  private final Tuning tuning;
  private final Targets targets = new Targets();
  private boolean done;

  BurstFakeTeen(int account) {
    this(account, null);
  }

  BurstFakeTeen(int account, Tuning tuning) {
    this.account = account;
    this.tuning = tuning;
  }

  @Override
  public void planDay(int day, World w) {
    long created = w.population.createdAt[account];
    if (done || created >= w.dayStart(day + 1)) {
      return;
    }
    done = true;
    if (tuning != null) {
      planTunedBursts(day, w);
      return;
    }
    AgeBand claimed = w.population.band[account];
    double highDegreeShare = 0.7 + 0.25 * w.rng.nextDouble();
    long t = created + w.delay(90, 0.8);
    int bursts = w.between(2, 4);
    for (int b = 0; b < bursts; b++) {
      int size = w.between(12, 35);
      long span = w.between(45, 180) * World.MINUTE;
      for (int k = 0; k < size; k++) {
        long at = t + span * k / size + w.rng.nextLong(World.MINUTE * 3);
        boolean sameBand = w.chance(0.6);
        int target = w.minors.pick(w.rng, highDegreeShare,
            m -> targets.fresh(w, account, m, at) && (!sameBand || w.population.band[m] == claimed));
        if (target < 0) {
          continue;
        }
        targets.add(target);
        w.behaviourActs(account, at);
        // popular teens accept strangers of their own age more readily
        double accept = w.graph.degree(target) > w.minors.upperQuartile() ? 0.25 : 0.12;
        long acceptedAt = w.request(at, account, target, Response.MINOR_TO_STRANGER.withAccept(accept));
        if (acceptedAt > 0) {
          w.escalate(account, target, acceptedAt);
        }
      }
      t += span + w.delay(12 * 60, 0.5);
    }
  }

  /**
   * Randomized world: the drawn number of minors in the drawn number of bursts, each lasting the
   * drawn minutes, spread over the drawn active days from its creation.
   */
  private void planTunedBursts(int day, World w) {
    int intensity = tuning.count(BehaviourParameter.INTENSITY, 1);
    int bursts = Math.min(intensity, tuning.count(BehaviourParameter.BURSTS, 1));
    long burstLength = tuning.count(BehaviourParameter.BURST_MINUTES, 5) * World.MINUTE;
    long activeSpan = tuning.count(BehaviourParameter.ACTIVE_DAYS, 1) * World.DAY;
    long first = Math.max(w.population.createdAt[account], w.dayStart(day)) + w.delay(90, 0.8);
    for (int b = 0; b < bursts; b++) {
      long t = first + (bursts == 1 ? 0 : (activeSpan - burstLength) * b / bursts
          + w.rng.nextLong(Math.max(1, (activeSpan - burstLength) / bursts / 2)));
      int size = intensity / bursts + (b < intensity % bursts ? 1 : 0);
      for (int k = 0; k < size; k++) {
        long at = t + burstLength * k / size + w.rng.nextLong(World.MINUTE * 3);
        int target = w.pickTarget(account, tuning, m -> targets.fresh(w, account, m, at));
        if (target >= 0) {
          targets.add(target);
          w.requestMinor(at, account, target, tuning, 0.0);
        }
      }
    }
  }
}
