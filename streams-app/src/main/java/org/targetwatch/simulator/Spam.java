package org.targetwatch.simulator;

/**
 * benign.spam (for the detector: at most a LOW alert): contacts everyone regardless of age — adults
 * and minors in their population proportions, popular or not — with friend requests and cold
 * messages, mostly declined or ignored.
 */
final class Spam implements Behaviour {
  private final int account;
  private final int firstDay;
  private final Targets targets = new Targets();
  /** The account's own parameters in a randomized world; null in the fixed world. */
  private final Tuning tuning;

  Spam(int account, int firstDay) {
    this(account, null, firstDay);
  }

  Spam(int account, Tuning tuning, int firstDay) {
    this.account = account;
    this.firstDay = firstDay;
    this.tuning = tuning;
  }

  @Override
  public void planDay(int day, World w) {
    if (day < firstDay) {
      return;
    }
    if (tuning != null) {
      planTunedDay(day, w);
      return;
    }
    int requests = w.between(25, 70);
    for (int k = 0; k < requests; k++) {
      long at = Math.max(w.population.createdAt[account] + World.MINUTE, w.timeOn(day, Rhythm.ADULT));
      int target = anyone(w, at);
      if (target >= 0) {
        w.behaviourActs(account, at);
        w.request(at, account, target, Response.SPAM);
      }
    }
    int messages = w.between(0, 10);
    for (int k = 0; k < messages; k++) {
      long at = Math.max(w.population.createdAt[account] + World.MINUTE, w.timeOn(day, Rhythm.ADULT));
      int target = anyone(w, at);
      if (target >= 0) {
        w.behaviourActs(account, at);
        w.message(at, account, target, w.chance(0.3));
      }
    }
  }

  private int anyone(World w, long at) {
    for (int attempt = 0; attempt < 20; attempt++) {
      int a = w.rng.nextInt(w.population.size);
      if (targets.fresh(w, account, a, at)) {
        targets.add(a);
        return a;
      }
    }
    return -1;
  }

  /**
   * Randomized world: the drawn number of requests a day and a tenth as many cold messages, to
   * anyone, except that the drawn pattern overlap of picks goes to an active, popular minor (by
   * degree): the slight lean of spam to well-connected minors.
   */
  private void planTunedDay(int day, World w) {
    int requests = tuning.count(BehaviourParameter.INTENSITY, 1);
    double lean = tuning.get(BehaviourParameter.PATTERN_OVERLAP);
    int messages = w.between(0, Math.max(1, requests / 7));
    for (int k = 0; k < requests + messages; k++) {
      long at = Math.max(w.population.createdAt[account] + World.MINUTE, w.timeOn(day, Rhythm.ADULT));
      int target = w.chance(lean)
          ? w.minors.pick(w.rng, 1.0, m -> targets.fresh(w, account, m, at))
          : anyone(w, at);
      if (target < 0) {
        continue;
      }
      targets.add(target);
      w.behaviourActs(account, at);
      if (k < requests) {
        w.request(at, account, target, Response.SPAM);
      } else {
        w.message(at, account, target, w.chance(0.3));
      }
    }
  }
}
