package org.targetwatch.simulator;

import java.util.HashSet;
import java.util.Set;

/**
 * offender.sock_puppet_ring: 4-6 young accounts operated together from one list of high-degree
 * minors. Each account contacts 8-12 minors of the list over a few days — below what one account
 * would need to stand out — so the list is covered several times over by the ring. In a
 * randomized world rings have 3-8 members sharing more or less of their targets (see
 * {@link #planTunedDay}).
 */
final class SockPuppetRing implements Behaviour {
  private final int[] members;
  private final int firstDay;
  /** Each member's own parameters in a randomized world; null in the fixed world. */
  private final Tuning[] tunings;
  /** Randomized world: each member's planned targets and contacts per day, once the list is drawn. */
  private int[][] planned;
  private int[][] perDay;

  SockPuppetRing(int[] members, int firstDay) {
    this.members = members.clone();
    this.firstDay = firstDay;
    this.tunings = null;
  }

  SockPuppetRing(int[] members, Tuning[] tunings) {
    this.members = members.clone();
    this.tunings = tunings.clone();
    this.firstDay = -1;
  }

  int[] members() {
    return members.clone();
  }

  @Override
  public void planDay(int day, World w) {
    if (tunings != null) {
      planTunedDay(day, w);
      return;
    }
    if (day != firstDay) {
      return;
    }
    long listDrawnAt = w.dayStart(day);
    Targets onList = new Targets();
    IntList list = new IntList();
    int wanted = w.between(25, 40);
    for (int k = 0; k < wanted; k++) {
      int m = w.minors.pick(w.rng, 0.9, x -> !onList.contains(x) && w.reachable(x, listDrawnAt));
      if (m >= 0) {
        onList.add(m);
        list.add(m);
      }
    }
    int[] shared = list.toArray();
    for (int member : members) {
      int[] mine = shared.clone();
      int count = Math.min(mine.length, w.between(8, 12));
      shuffleHead(mine, count, w);
      int from = day + w.between(0, 1);
      int span = w.between(2, 5);
      Targets targets = new Targets();
      for (int k = 0; k < count; k++) {
        int target = mine[k];
        int d = from + w.rng.nextInt(span);
        if (d >= w.days) {
          continue;
        }
        long at = w.timeOn(d, Rhythm.EVENING);
        if (!targets.fresh(w, member, target, at)) {
          continue;
        }
        targets.add(target);
        w.behaviourActs(member, at);
        long acceptedAt = w.request(at, member, target, Response.MINOR_TO_STRANGER.withAccept(0.15));
        if (acceptedAt > 0) {
          w.escalate(member, target, acceptedAt);
        }
      }
    }
  }

  private static void shuffleHead(int[] values, int count, World w) {
    for (int i = 0; i < count; i++) {
      int j = i + w.rng.nextInt(values.length - i);
      int t = values[i];
      values[i] = values[j];
      values[j] = t;
    }
  }

  /**
   * Randomized world: on the ring's first day the operator draws a shared list (by degree with the
   * ring's share) of the drawn factor times a member's mean intensity; each member takes the
   * ring's list share of its targets from the list and picks the rest itself, and contacts them
   * over its own active days. The mean pairwise Jaccard of the planned target sets is recorded.
   */
  private void planTunedDay(int day, World w) {
    Tuning ring = tunings[0];
    int first = w.firstDay(ring);
    if (planned == null && day == first) {
      planTargets(day, w);
    }
    if (planned == null) {
      return;
    }
    for (int k = 0; k < members.length; k++) {
      int member = members[k];
      Targets done = new Targets();
      int[] mine = planned[k];
      int todayFrom = 0;
      for (int d = 0; d < day; d++) {
        todayFrom += perDay[k][d];
      }
      for (int c = todayFrom; c < todayFrom + perDay[k][day] && c < mine.length; c++) {
        long at = w.timeOn(day, Rhythm.EVENING);
        if (done.contains(mine[c]) || !w.reachable(mine[c], at)
            || w.graph.areFriends(member, mine[c])) {
          continue;
        }
        done.add(mine[c]);
        w.requestMinor(at, member, mine[c], tunings[k], 0.0);
      }
    }
  }

  private void planTargets(int day, World w) {
    long drawnAt = w.dayStart(day);
    double byDegree = tunings[0].get(BehaviourParameter.DEGREE_PICKED_SHARE);
    double listShare = tunings[0].get(BehaviourParameter.RING_LIST_SHARE);
    double meanIntensity = 0;
    for (Tuning t : tunings) {
      meanIntensity += t.count(BehaviourParameter.INTENSITY, 1) / (double) tunings.length;
    }
    int wanted = Math.max(1,
        (int) Math.round(tunings[0].get(BehaviourParameter.RING_LIST_FACTOR) * meanIntensity));
    Targets onList = new Targets();
    IntList list = new IntList();
    for (int k = 0; k < wanted; k++) {
      int m = w.minors.pick(w.rng, byDegree, x -> !onList.contains(x) && w.reachable(x, drawnAt));
      if (m >= 0) {
        onList.add(m);
        list.add(m);
      }
    }
    int[] shared = list.toArray();
    planned = new int[members.length][];
    perDay = new int[members.length][];
    for (int k = 0; k < members.length; k++) {
      int intensity = tunings[k].count(BehaviourParameter.INTENSITY, 1);
      int fromList = Math.min(shared.length, (int) Math.round(listShare * intensity));
      int[] pool = shared.clone();
      shuffleHead(pool, fromList, w);
      Targets mine = new Targets();
      IntList targets = new IntList();
      for (int c = 0; c < fromList; c++) {
        mine.add(pool[c]);
        targets.add(pool[c]);
      }
      while (targets.size() < intensity) {
        int m = w.pickTarget(members[k], tunings[k], x -> !mine.contains(x) && w.reachable(x, drawnAt));
        if (m < 0) {
          break;
        }
        mine.add(m);
        targets.add(m);
      }
      int[] ordered = targets.toArray();
      shuffleHead(ordered, ordered.length, w);
      planned[k] = ordered;
      int start = day + w.between(0, 1);
      perDay[k] = w.spread(ordered.length, start, tunings[k].count(BehaviourParameter.ACTIVE_DAYS, 1));
    }
    double overlap = meanPairwiseJaccard(planned);
    for (int member : members) {
      w.parameters.put(member, "ringOverlap", overlap);
    }
  }

  /** The mean over all pairs of members of |A and B| / |A or B| of their planned targets. */
  static double meanPairwiseJaccard(int[][] sets) {
    double sum = 0;
    int pairs = 0;
    for (int a = 0; a < sets.length; a++) {
      Set<Integer> first = new HashSet<>();
      for (int x : sets[a]) {
        first.add(x);
      }
      for (int b = a + 1; b < sets.length; b++) {
        int both = 0;
        Set<Integer> second = new HashSet<>();
        for (int x : sets[b]) {
          if (second.add(x) && first.contains(x)) {
            both++;
          }
        }
        int either = first.size() + second.size() - both;
        sum += either == 0 ? 0 : both / (double) either;
        pairs++;
      }
    }
    return pairs == 0 ? 0 : sum / pairs;
  }
}
