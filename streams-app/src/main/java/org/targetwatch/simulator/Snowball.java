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
  /** The account's own parameters in a randomized world; null in the fixed world. */
  private final Tuning tuning;
  private int[] perDay;
  private int contacted;

  Snowball(int account, int firstDay) {
    this.account = account;
    this.firstDay = firstDay;
    this.tuning = null;
  }

  Snowball(int account, Tuning tuning) {
    this.account = account;
    this.firstDay = -1;
    this.tuning = tuning;
  }

  @Override
  public void planDay(int day, World w) {
    if (tuning != null) {
      planTunedDay(day, w);
      return;
    }
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

  /**
   * Randomized world: a first child (picked by degree with the account's share), then each day
   * the scheduled number of the victims' minor friends, by degree with the account's share, else
   * at random among them; a friend of a victim accepts more readily (the drawn mutual-friend
   * bonus). With no victim to work through it starts again from another child.
   */
  private void planTunedDay(int day, World w) {
    int intensity = tuning.count(BehaviourParameter.INTENSITY, 1);
    if (perDay == null) {
      int start = w.firstDay(tuning);
      perDay = w.spread(intensity - 1, start + 1, tuning.count(BehaviourParameter.ACTIVE_DAYS, 1) - 1);
      perDay[start]++;
    }
    double byDegree = tuning.get(BehaviourParameter.DEGREE_PICKED_SHARE);
    for (int k = 0; k < perDay[day] && contacted < intensity; k++) {
      long at = w.timeOn(day, Rhythm.EVENING);
      int[] pool = friendsOfVictims(w);
      int target = w.pickAmong(pool, byDegree, m -> targets.fresh(w, account, m, at));
      double bonus = tuning.get(BehaviourParameter.MUTUAL_FRIEND_ACCEPTANCE_BONUS);
      if (target < 0) {
        target = w.pickTarget(account, tuning,
            m -> targets.fresh(w, account, m, at) && w.graph.degree(m) >= 5);
        bonus = 0.0;
      }
      if (target < 0) {
        continue;
      }
      targets.add(target);
      contacted++;
      if (w.requestMinor(at, account, target, tuning, bonus) > 0) {
        victims.add(target);
      }
    }
  }

  private int[] friendsOfVictims(World w) {
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
    return candidates.toArray();
  }
}
