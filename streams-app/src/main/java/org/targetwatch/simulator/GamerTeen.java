package org.targetwatch.simulator;

import org.targetwatch.schema.AgeBand;

/**
 * benign.gamer_teen: a teen adding same-age strangers met in an interest group (a game, a fan
 * community) — many minors without mutual friends, but drawn without regard to their popularity.
 */
final class GamerTeen implements Behaviour {
  private final int account;
  private final int firstDay;
  private final int[] group;

  GamerTeen(int account, int firstDay, int[] group) {
    this.account = account;
    this.firstDay = firstDay;
    this.group = group.clone();
  }

  @Override
  public void planDay(int day, World w) {
    if (day != firstDay) {
      return;
    }
    AgeBand own = w.population.band[account];
    Targets targets = new Targets();
    int count = w.between(10, 30);
    int span = w.between(2, 6);
    for (int k = 0; k < count; k++) {
      int d = day + w.rng.nextInt(span);
      if (d >= w.days) {
        continue;
      }
      long at = w.timeOn(d, Rhythm.TEEN);
      for (int attempt = 0; attempt < 20; attempt++) {
        int m = group[w.rng.nextInt(group.length)];
        if (w.population.band[m] == own && targets.fresh(w, account, m, at)) {
          targets.add(m);
          w.behaviourActs(account, at);
          w.request(at, account, m, Response.PEER_STRANGER);
          break;
        }
      }
    }
  }
}
