package org.targetwatch.simulator;

import java.util.Arrays;

/**
 * offender.snowball: befriends one child, then requests that child's friends, then the friends of
 * those who accepted, and so on — so later targets share mutual friends with the offender, who
 * are themselves its recent victims. Mutual friends make children accept more readily.
 */
final class Snowball implements Behaviour {
  private final int account;
  private final int firstDay;
  private final Targets targets = new Targets();
  private final IntList victims = new IntList();

  Snowball(int account, int firstDay) {
    this.account = account;
    this.firstDay = firstDay;
  }

  @Override
  public void planDay(int day, World w) {
    if (day < firstDay) {
      return;
    }
    if (day == firstDay) {
      befriendFirstChild(day, w);
      return;
    }
    IntList candidates = new IntList();
    Targets seen = new Targets();
    for (int v = 0; v < victims.size(); v++) {
      int victim = victims.get(v);
      if (!w.graph.areFriends(account, victim)) {
        continue;
      }
      for (int friend : w.friendsOf(victim)) {
        if (w.population.isMinor(friend) && !seen.contains(friend)) {
          seen.add(friend);
          candidates.add(friend);
        }
      }
    }
    int[] pool = candidates.toArray();
    int contacts = w.between(3, 8);
    for (int k = 0; k < contacts; k++) {
      long at = w.timeOn(day, Rhythm.EVENING);
      int target = w.pickByDegree(pool, m -> targets.fresh(w, account, m, at));
      if (target < 0) {
        return;
      }
      contact(target, at, Response.MINOR_TO_STRANGER.withAccept(0.35), w);
      pool = Arrays.stream(pool).filter(m -> m != target).toArray();
    }
  }

  private void befriendFirstChild(int day, World w) {
    long at = w.timeOn(day, Rhythm.EVENING);
    int child = w.minors.pick(w.rng, 0.6,
        m -> targets.fresh(w, account, m, at) && w.graph.degree(m) >= 5);
    if (child >= 0) {
      contact(child, at, new Response(1.0, 0, 0, 240), w);
    }
  }

  private void contact(int target, long at, Response response, World w) {
    targets.add(target);
    w.behaviourActs(account, at);
    long acceptedAt = w.request(at, account, target, response);
    if (acceptedAt > 0) {
      victims.add(target);
      w.escalate(account, target, acceptedAt);
    }
  }
}
