package org.targetwatch.simulator;

/**
 * benign.teacher: a member of a school's staff adding many pupils of that school over a few days
 * — mostly the grades it teaches, some from a club or team across the school: minors, but from its
 * own school community (colleagues and the pupils' classmates are mutual friends) and with no
 * preference for popular pupils.
 */
final class Teacher implements Behaviour {
  private static final Response PUPIL = new Response(0.8, 0.05, 0.0, 240);
  private final int account;
  private final int firstDay;
  private final int[] classes;
  private final int[] pupils;

  Teacher(int account, int firstDay, int[] classes, int[] pupils) {
    this.account = account;
    this.firstDay = firstDay;
    this.classes = classes.clone();
    this.pupils = pupils.clone();
  }

  @Override
  public void planDay(int day, World w) {
    if (day != firstDay || pupils.length == 0) {
      return;
    }
    Targets targets = new Targets();
    int count = w.between(20, 50);
    int span = w.between(2, 5);
    for (int k = 0; k < count; k++) {
      int d = day + w.rng.nextInt(span);
      if (d >= w.days) {
        continue;
      }
      long at = w.timeOn(d, Rhythm.ADULT);
      for (int attempt = 0; attempt < 20; attempt++) {
        int[] from = classes.length > 0 && w.chance(0.85) ? classes : pupils;
        int pupil = from[w.rng.nextInt(from.length)];
        if (targets.fresh(w, account, pupil, at)) {
          targets.add(pupil);
          w.behaviourActs(account, at);
          w.request(at, account, pupil, PUPIL);
          break;
        }
      }
    }
  }
}
