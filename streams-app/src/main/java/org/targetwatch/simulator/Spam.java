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

  Spam(int account, int firstDay) {
    this.account = account;
    this.firstDay = firstDay;
  }

  @Override
  public void planDay(int day, World w) {
    if (day < firstDay) {
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
}
