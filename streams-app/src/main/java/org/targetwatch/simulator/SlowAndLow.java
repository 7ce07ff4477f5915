package org.targetwatch.simulator;

/**
 * offender.slow_and_low: an established adult account with an ordinary circle of friends that,
 * most evenings for weeks, sends a few requests to high-degree minors — never enough in a day to
 * stand out by volume.
 */
final class SlowAndLow implements Behaviour {
  private final int account;
  private final int firstDay;
  private final double highDegreeShare;
  private final Targets targets = new Targets();
  /** The account's own parameters in a randomized world; null in the fixed world. */
  private final Tuning tuning;
  private int[] perDay;

  SlowAndLow(int account, int firstDay, double highDegreeShare) {
    this.account = account;
    this.firstDay = firstDay;
    this.highDegreeShare = highDegreeShare;
    this.tuning = null;
  }

  SlowAndLow(int account, Tuning tuning) {
    this.account = account;
    this.tuning = tuning;
    this.firstDay = -1;
    this.highDegreeShare = tuning.get(BehaviourParameter.DEGREE_PICKED_SHARE);
  }

  @Override
  public void planDay(int day, World w) {
    if (tuning != null) {
      planTunedDay(day, w);
      return;
    }
    if (day < firstDay || !w.chance(0.75)) {
      return;
    }
    int contacts = w.between(1, 4);
    for (int k = 0; k < contacts; k++) {
      long at = w.timeOn(day, Rhythm.EVENING);
      int target = w.minors.pick(w.rng, highDegreeShare, m -> targets.fresh(w, account, m, at));
      if (target < 0) {
        continue;
      }
      targets.add(target);
      w.behaviourActs(account, at);
      long acceptedAt = w.request(at, account, target, Response.MINOR_TO_STRANGER.withAccept(0.13));
      if (acceptedAt > 0) {
        w.escalate(account, target, acceptedAt);
      }
    }
  }

  /** Randomized world: the drawn number of minors spread over the drawn weeks, in the evenings. */
  private void planTunedDay(int day, World w) {
    if (perDay == null) {
      perDay = w.spread(tuning.count(BehaviourParameter.INTENSITY, 1), w.firstDay(tuning),
          tuning.count(BehaviourParameter.ACTIVE_DAYS, 1));
    }
    for (int k = 0; k < perDay[day]; k++) {
      long at = w.timeOn(day, Rhythm.EVENING);
      int target = w.pickTarget(account, tuning, m -> targets.fresh(w, account, m, at));
      if (target >= 0) {
        targets.add(target);
        w.requestMinor(at, account, target, tuning, 0.0);
      }
    }
  }
}
