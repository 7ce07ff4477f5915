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
  /** Randomized world: pupils of the other schools it works with (a coach, a visiting teacher). */
  private final int[] otherSchools;
  /** The account's own parameters in a randomized world; null in the fixed world. */
  private final Tuning tuning;

  Teacher(int account, int firstDay, int[] classes, int[] pupils) {
    this.account = account;
    this.firstDay = firstDay;
    this.classes = classes.clone();
    this.pupils = pupils.clone();
    this.otherSchools = new int[0];
    this.tuning = null;
  }

  Teacher(int account, Tuning tuning, int firstDay, int[] classes, int[] pupils, int[] otherSchools) {
    this.account = account;
    this.firstDay = firstDay;
    this.classes = classes.clone();
    this.pupils = pupils.clone();
    this.otherSchools = otherSchools.clone();
    this.tuning = tuning;
  }

  @Override
  public void planDay(int day, World w) {
    if (day != firstDay || pupils.length == 0) {
      return;
    }
    if (tuning != null) {
      planTuned(day, w);
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

  /**
   * Randomized world: the drawn number of pupils over the drawn days, from its classes, its school
   * and, for staff of several schools, the other schools in proportion to their size; with the
   * drawn pattern overlap a pick goes to a popular pupil (by degree).
   */
  private void planTuned(int day, World w) {
    Targets targets = new Targets();
    double byDegree = tuning.get(BehaviourParameter.PATTERN_OVERLAP);
    int[] perDay = w.spread(tuning.count(BehaviourParameter.INTENSITY, 1), day,
        tuning.count(BehaviourParameter.ACTIVE_DAYS, 1));
    double elsewhere = otherSchools.length / (double) (otherSchools.length + pupils.length);
    for (int d = day; d < w.days; d++) {
      for (int k = 0; k < perDay[d]; k++) {
        long at = w.timeOn(d, Rhythm.ADULT);
        int[] from = w.chance(elsewhere) ? otherSchools
            : classes.length > 0 && w.chance(0.7) ? classes : pupils;
        int pupil = w.pickAmong(from, byDegree, m -> targets.fresh(w, account, m, at));
        if (pupil >= 0) {
          targets.add(pupil);
          w.behaviourActs(account, at);
          w.request(at, account, pupil, PUPIL);
        }
      }
    }
  }
}
