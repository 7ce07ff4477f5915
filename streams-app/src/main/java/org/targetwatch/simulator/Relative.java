package org.targetwatch.simulator;

/**
 * benign.relative: an adult who has just joined adds the family: first the adults it knows
 * there, then a handful of the family's children, who accept almost always and share the family
 * members as mutual friends.
 */
final class Relative implements Behaviour {
  private final int account;
  /** The account's own parameters in a randomized world; null in the fixed world. */
  private final Tuning tuning;
  private boolean done;

  Relative(int account) {
    this(account, null);
  }

  Relative(int account, Tuning tuning) {
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
    int[] family = w.population.community(w.population.family[account]).members();
    long t = Math.max(created, w.dayStart(day)) + w.delay(60, 0.8);
    int adults = w.between(1, 3);
    if (tuning != null) {
      planTuned(day, w, family, t, adults);
      return;
    }
    int children = w.between(2, 6);
    for (int m : family) {
      if (m != account && !w.population.isMinor(m) && adults > 0 && w.reachable(m, t)) {
        adults--;
        w.request(t + w.delay(5, 1.0), account, m, Response.FAMILY);
      }
    }
    long later = t + w.delay(8 * 60, 0.7);
    for (int m : family) {
      if (w.population.isMinor(m) && children > 0 && w.reachable(m, later)) {
        children--;
        long at = later + w.delay(5, 1.0);
        w.behaviourActs(account, at);
        w.request(at, account, m, Response.FAMILY);
      }
    }
  }

  /**
   * Randomized world: the family's adults, then the drawn number of children over the drawn days —
   * the family's own first, and with the drawn pattern overlap (or when the family has no more
   * children) a friend of the family's children, picked by degree (cousins' friends, the
   * neighbours' kids), who shares them as mutual friends.
   */
  private void planTuned(int day, World w, int[] family, long t, int adults) {
    for (int m : family) {
      if (m != account && !w.population.isMinor(m) && adults > 0 && w.reachable(m, t)) {
        adults--;
        w.request(t + w.delay(5, 1.0), account, m, Response.FAMILY);
      }
    }
    IntList kids = new IntList();
    IntList kidsFriends = new IntList();
    Targets seen = new Targets();
    for (int m : family) {
      if (w.population.isMinor(m)) {
        kids.add(m);
        seen.add(m);
      }
    }
    for (int k = 0; k < kids.size(); k++) {
      for (int f : w.friendsOf(kids.get(k))) {
        if (w.population.isMinor(f) && !seen.contains(f)) {
          seen.add(f);
          kidsFriends.add(f);
        }
      }
    }
    int[] friendsOfKids = kidsFriends.toArray();
    double overlap = tuning.get(BehaviourParameter.PATTERN_OVERLAP);
    Targets asked = new Targets();
    int nextKid = 0;
    int[] perDay = w.spread(tuning.count(BehaviourParameter.INTENSITY, 1), day,
        tuning.count(BehaviourParameter.ACTIVE_DAYS, 1));
    long later = t + w.delay(8 * 60, 0.7);
    for (int d = day; d < w.days; d++) {
      for (int k = 0; k < perDay[d]; k++) {
        long at = Math.max(later, w.timeOn(d, Rhythm.ADULT)) + w.delay(5, 1.0);
        int target = -1;
        while (nextKid < kids.size() && !w.chance(overlap) && target < 0) {
          int kid = kids.get(nextKid++);
          target = asked.fresh(w, account, kid, at) ? kid : -1;
        }
        if (target < 0) {
          target = w.pickAmong(friendsOfKids, 1.0, m -> asked.fresh(w, account, m, at));
        }
        if (target >= 0) {
          asked.add(target);
          w.behaviourActs(account, at);
          boolean ofFamily = w.population.family[target] == w.population.family[account];
          w.request(at, account, target, ofFamily ? Response.FAMILY : Response.ACQUAINTANCE);
        }
      }
    }
  }
}
