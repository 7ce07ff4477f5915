package org.targetwatch.simulator;

/**
 * benign.ordinary accounts that join during the observed period: on their first day they add a
 * few people they know — family, their grade or workplace.
 */
final class OrdinaryNewcomer implements Behaviour {
  private final int account;
  private boolean done;

  OrdinaryNewcomer(int account) {
    this.account = account;
  }

  @Override
  public void planDay(int day, World w) {
    long created = w.population.createdAt[account];
    if (done || created >= w.dayStart(day + 1)) {
      return;
    }
    done = true;
    Population p = w.population;
    int[] circles = p.isMinor(account)
        ? new int[] {p.family[account], p.grade[account], p.grade[account]}
        : new int[] {p.family[account], p.workplace[account], p.workplace[account]};
    Targets targets = new Targets();
    int count = w.between(3, 12);
    long t = Math.max(created, w.dayStart(day));
    for (int k = 0; k < count; k++) {
      int circle = circles[w.rng.nextInt(circles.length)];
      if (circle < 0) {
        continue;
      }
      int[] members = p.community(circle).members();
      int m = members[w.rng.nextInt(members.length)];
      long at = t + w.delay(90, 1.0);
      boolean suitable = p.isMinor(account) || !p.isMinor(m) || circle == p.family[account];
      if (suitable && targets.fresh(w, account, m, at)) {
        targets.add(m);
        w.request(at, account, m, Response.ACQUAINTANCE);
      }
    }
  }
}
