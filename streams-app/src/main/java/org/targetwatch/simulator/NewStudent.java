package org.targetwatch.simulator;

/**
 * benign.new_student: a new teen account adding classmates in its first days — first the few
 * friends it knows best (who accept quickly), then many more of its grade and school, with no
 * regard to how popular they are. Classmates know each other, so most soon share mutual friends.
 */
final class NewStudent implements Behaviour {
  private static final Response BEST_FRIENDS = new Response(0.95, 0.0, 0.0, 30);
  private final int account;
  private boolean done;

  NewStudent(int account) {
    this.account = account;
  }

  @Override
  public void planDay(int day, World w) {
    long created = w.population.createdAt[account];
    if (done || created >= w.dayStart(day + 1)) {
      return;
    }
    done = true;
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
}
