package org.targetwatch.simulator;

/**
 * offender.dilution: an adult account that hides a steady stream of requests to high-degree
 * minors among many requests to adults, so the share of minors among its contacts looks ordinary.
 */
final class Dilution implements Behaviour {
  private static final Response ADULT_STRANGER = new Response(0.35, 0.2, 0.02, 300);
  private final int account;
  private final int firstDay;
  private final Targets targets = new Targets();
  /** The account's own parameters in a randomized world; null in the fixed world. */
  private final Tuning tuning;
  private int[] perDay;

  Dilution(int account, int firstDay) {
    this.account = account;
    this.firstDay = firstDay;
    this.tuning = null;
  }

  Dilution(int account, Tuning tuning) {
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
    if (day < firstDay || !w.chance(0.85)) {
      return;
    }
    int adults = w.between(6, 15);
    for (int k = 0; k < adults; k++) {
      long at = w.timeOn(day, Rhythm.ADULT);
      int target = someAdult(w, at);
      if (target >= 0) {
        targets.add(target);
        w.request(at, account, target, ADULT_STRANGER);
      }
    }
    int minors = w.between(1, 4);
    for (int k = 0; k < minors; k++) {
      long at = w.timeOn(day, Rhythm.EVENING);
      int target = w.minors.pick(w.rng, 0.85, m -> targets.fresh(w, account, m, at));
      if (target < 0) {
        continue;
      }
      targets.add(target);
      w.behaviourActs(account, at);
      long acceptedAt = w.request(at, account, target, Response.MINOR_TO_STRANGER.withAccept(0.12));
      if (acceptedAt > 0) {
        w.escalate(account, target, acceptedAt);
      }
    }
  }

  /**
   * Randomized world: the drawn number of minors spread over the drawn days, each day with as many
   * adults as make up the drawn dilution share of its contacts.
   */
  private void planTunedDay(int day, World w) {
    if (perDay == null) {
      perDay = w.spread(tuning.count(BehaviourParameter.INTENSITY, 1), w.firstDay(tuning),
          tuning.count(BehaviourParameter.ACTIVE_DAYS, 1));
    }
    if (perDay[day] == 0) {
      return;
    }
    double share = tuning.get(BehaviourParameter.DILUTION_SHARE);
    double adultsExpected = perDay[day] * share / (1 - share);
    int adults = (int) adultsExpected + (w.chance(adultsExpected - (int) adultsExpected) ? 1 : 0);
    for (int k = 0; k < adults; k++) {
      long at = w.timeOn(day, Rhythm.ADULT);
      int target = someAdult(w, at);
      if (target >= 0) {
        targets.add(target);
        w.request(at, account, target, ADULT_STRANGER);
      }
    }
    for (int k = 0; k < perDay[day]; k++) {
      long at = w.timeOn(day, Rhythm.EVENING);
      int target = w.pickTarget(account, tuning, m -> targets.fresh(w, account, m, at));
      if (target >= 0) {
        targets.add(target);
        w.requestMinor(at, account, target, tuning, 0.0);
      }
    }
  }

  /** Half friends of friends, half anyone adult on the platform. */
  private int someAdult(World w, long at) {
    for (int attempt = 0; attempt < 40; attempt++) {
      int candidate;
      int degree = w.graph.degree(account);
      if (degree > 0 && w.chance(0.5)) {
        int friend = w.graph.friend(account, w.rng.nextInt(degree));
        int fd = w.graph.degree(friend);
        candidate = fd == 0 ? -1 : w.graph.friend(friend, w.rng.nextInt(fd));
      } else {
        candidate = w.rng.nextInt(w.population.size);
      }
      if (candidate >= 0 && !w.population.isMinor(candidate)
          && targets.fresh(w, account, candidate, at)) {
        return candidate;
      }
    }
    return -1;
  }
}
