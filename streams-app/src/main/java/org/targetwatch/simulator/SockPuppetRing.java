package org.targetwatch.simulator;

/**
 * offender.sock_puppet_ring: 4-6 young accounts operated together from one list of high-degree
 * minors. Each account contacts 8-12 minors of the list over a few days — below what one account
 * would need to stand out — so the list is covered several times over by the ring.
 */
final class SockPuppetRing implements Behaviour {
  private final int[] members;
  private final int firstDay;

  SockPuppetRing(int[] members, int firstDay) {
    this.members = members.clone();
    this.firstDay = firstDay;
  }

  int[] members() {
    return members.clone();
  }

  @Override
  public void planDay(int day, World w) {
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
}
