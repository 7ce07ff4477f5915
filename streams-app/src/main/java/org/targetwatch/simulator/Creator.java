package org.targetwatch.simulator;

/**
 * benign.creator: an account with a following, many of them minors. Fans write to it first and
 * send it friend requests; it replies to some of them, always after they wrote, and never writes
 * to a fan cold.
 */
final class Creator implements Behaviour {
  private static final Response FAN_REQUEST = new Response(0.5, 0.1, 0.0, 600);
  private final int account;
  /** The account's own parameters in a randomized world; null in the fixed world. */
  private final Tuning tuning;
  private int[] fans;

  Creator(int account) {
    this(account, null);
  }

  Creator(int account, Tuning tuning) {
    this.account = account;
    this.tuning = tuning;
  }

  @Override
  public void planDay(int day, World w) {
    if (fans == null) {
      fans = tuning == null ? drawFans(w) : drawTunedFans(w);
    }
    if (fans.length == 0) {
      return;
    }
    if (tuning != null) {
      planTunedDay(day, w);
      return;
    }
    int messages = w.between(15, 50);
    for (int k = 0; k < messages; k++) {
      int fan = fans[w.rng.nextInt(fans.length)];
      long at = w.timeOn(day, Rhythm.TEEN);
      w.message(at, fan, account, w.chance(0.1));
      if (w.chance(0.45)) {
        long replyAt = at + w.delay(120, 1.2);
        w.behaviourActs(account, replyAt);
        w.conversation(replyAt, account, fan, w.between(1, 4), 0.5, false);
      }
    }
    int requests = w.between(1, 5);
    for (int k = 0; k < requests; k++) {
      int fan = fans[w.rng.nextInt(fans.length)];
      w.request(w.timeOn(day, Rhythm.TEEN), fan, account, FAN_REQUEST);
    }
  }

  /** Fans are ordinary people who know the creator from its posts, not personally. */
  private boolean isStranger(World w, int candidate) {
    return candidate != account && !w.isPlanted(candidate)
        && !w.graph.areFriends(account, candidate);
  }

  /** A following of 150-600 accounts, about 60% minors, regardless of their popularity. */
  private int[] drawFans(World w) {
    int size = w.between(150, 600);
    Targets chosen = new Targets();
    IntList fans = new IntList(size);
    long at = w.start;
    for (int k = 0; k < size; k++) {
      int fan = w.chance(0.6)
          ? w.minors.pick(w.rng, 0.0, m -> !chosen.contains(m) && isStranger(w, m))
          : adult(w, chosen, at);
      if (fan >= 0) {
        chosen.add(fan);
        fans.add(fan);
      }
    }
    return fans.toArray();
  }

  private int adult(World w, Targets chosen, long at) {
    for (int attempt = 0; attempt < 40; attempt++) {
      int a = w.rng.nextInt(w.population.size);
      if (!w.population.isMinor(a) && !chosen.contains(a) && w.reachable(a, at)
          && isStranger(w, a)) {
        return a;
      }
    }
    return -1;
  }

  /**
   * Randomized world: each day the drawn number of fans write to it; it replies to about half,
   * always after they wrote, and sends a friend request to the drawn share of those it replied to.
   */
  private void planTunedDay(int day, World w) {
    int messages = tuning.count(BehaviourParameter.INTENSITY, 1);
    double befriends = tuning.get(BehaviourParameter.BEFRIENDS_FANS_SHARE);
    for (int k = 0; k < messages; k++) {
      int fan = fans[w.rng.nextInt(fans.length)];
      long at = w.timeOn(day, Rhythm.TEEN);
      w.message(at, fan, account, w.chance(0.1));
      if (w.chance(0.45)) {
        long replyAt = at + w.delay(120, 1.2);
        w.behaviourActs(account, replyAt);
        long end = w.conversation(replyAt, account, fan, w.between(1, 4), 0.5, false);
        if (w.chance(befriends)) {
          w.request(end + w.delay(30, 1.0), account, fan, FAN_REQUEST);
        }
      }
    }
    int requests = w.between(1, 5);
    for (int k = 0; k < requests; k++) {
      int fan = fans[w.rng.nextInt(fans.length)];
      w.request(w.timeOn(day, Rhythm.TEEN), fan, account, FAN_REQUEST);
    }
  }

  /**
   * Randomized world: 150-600 fans, the drawn share of them minors, picked by degree with the
   * drawn pattern overlap (popular minors follow more creators).
   */
  private int[] drawTunedFans(World w) {
    int size = w.between(150, 600);
    double minorShare = tuning.get(BehaviourParameter.MINOR_FAN_SHARE);
    double byDegree = tuning.get(BehaviourParameter.PATTERN_OVERLAP);
    Targets chosen = new Targets();
    IntList fans = new IntList(size);
    for (int k = 0; k < size; k++) {
      int fan = w.chance(minorShare)
          ? w.minors.pick(w.rng, byDegree, m -> !chosen.contains(m) && isStranger(w, m))
          : adult(w, chosen, w.start);
      if (fan >= 0) {
        chosen.add(fan);
        fans.add(fan);
      }
    }
    return fans.toArray();
  }
}
