package org.targetwatch.simulator;

/**
 * benign.relative: an adult who has just joined adds the family: first the adults it knows
 * there, then a handful of the family's children, who accept almost always and share the family
 * members as mutual friends.
 */
final class Relative implements Behaviour {
  private final int account;
  private boolean done;

  Relative(int account) {
    this.account = account;
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
}
