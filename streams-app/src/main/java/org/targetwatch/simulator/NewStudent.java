package org.targetwatch.simulator;

/**
 * benign.new_student: a new teen account adding classmates in its first days — first the few
 * friends it knows best (who accept quickly), then many more of its grade and school, with no
 * regard to how popular they are. Classmates know each other, so most soon share mutual friends.
 */
final class NewStudent implements Behaviour {
  private static final Response BEST_FRIENDS = new Response(0.95, 0.0, 0.0, 30);
  private final int account;
  /** The account's own parameters in a randomized world; null in the fixed world. */
  private final Tuning tuning;
  private boolean done;

  NewStudent(int account) {
    this(account, null);
  }

  NewStudent(int account, Tuning tuning) {
    this.account = account;
    this.tuning = tuning;
  }

  @Override
  public void planDay(int day, World w) {
    long created = w.population.createdAt[account];
    if (done || created >= w.dayStart(day + 1)) {
      return;
    }
    done = true;
    if (tuning != null) {
      planTuned(day, w);
      return;
    }
    int[] grade = w.population.community(w.population.grade[account]).members();
    int[] school = w.population.community(w.population.school[account]).members();
    Targets targets = new Targets();
    long t = Math.max(created, w.dayStart(day)) + w.delay(40, 0.8);
    int best = w.between(3, 5);
    for (int k = 0; k < best; k++) {
      int target = pick(grade, targets, w, t);
      if (target >= 0) {
        long at = t + k * w.delay(3, 0.5);
        w.behaviourActs(account, at);
        w.request(at, account, target, BEST_FRIENDS);
      }
    }
    int more = w.between(20, 55);
    int span = w.between(1, 3);
    for (int k = 0; k < more; k++) {
      int d = day + w.rng.nextInt(span);
      if (d >= w.days) {
        continue;
      }
      long at = Math.max(t + 3 * World.HOUR, w.timeOn(d, Rhythm.TEEN));
      int target = pick(w.chance(0.8) ? grade : school, targets, w, at);
      if (target >= 0) {
        w.behaviourActs(account, at);
        w.request(at, account, target, Response.ACQUAINTANCE);
      }
    }
  }

  private int pick(int[] members, Targets targets, World w, long at) {
    for (int attempt = 0; attempt < 30; attempt++) {
      int m = members[w.rng.nextInt(members.length)];
      if (targets.fresh(w, account, m, at)) {
        targets.add(m);
        return m;
      }
    }
    return -1;
  }

  /**
   * Randomized world: 3-5 best friends of its grade, then the rest of the drawn number over the
   * drawn days from its grade (mostly) and school; with the drawn pattern overlap a pick goes to
   * a popular classmate (by degree) instead of anyone.
   */
  private void planTuned(int day, World w) {
    int[] grade = w.population.community(w.population.grade[account]).members();
    int[] school = w.population.community(w.population.school[account]).members();
    double byDegree = tuning.get(BehaviourParameter.PATTERN_OVERLAP);
    int intensity = tuning.count(BehaviourParameter.INTENSITY, 1);
    Targets targets = new Targets();
    long t = Math.max(w.population.createdAt[account], w.dayStart(day)) + w.delay(40, 0.8);
    int best = Math.min(intensity, w.between(3, 5));
    for (int k = 0; k < best; k++) {
      long at = t + k * w.delay(3, 0.5);
      int target = w.pickAmong(grade, 0.0, m -> targets.fresh(w, account, m, at));
      if (target >= 0) {
        targets.add(target);
        w.behaviourActs(account, at);
        w.request(at, account, target, BEST_FRIENDS);
      }
    }
    int[] perDay = w.spread(intensity - best, day, tuning.count(BehaviourParameter.ACTIVE_DAYS, 1));
    for (int d = day; d < w.days; d++) {
      for (int k = 0; k < perDay[d]; k++) {
        long at = Math.max(t + 3 * World.HOUR, w.timeOn(d, Rhythm.TEEN));
        int target = w.pickAmong(w.chance(0.8) ? grade : school, byDegree,
            m -> targets.fresh(w, account, m, at));
        if (target >= 0) {
          targets.add(target);
          w.behaviourActs(account, at);
          w.request(at, account, target, Response.ACQUAINTANCE);
        }
      }
    }
  }
}
