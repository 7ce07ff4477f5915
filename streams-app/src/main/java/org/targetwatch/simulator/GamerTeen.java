package org.targetwatch.simulator;

import org.targetwatch.schema.AgeBand;

/**
 * benign.gamer_teen: a teen adding same-age strangers met in an interest group (a game, a fan
 * community) — many minors without mutual friends, but drawn without regard to their popularity.
 */
final class GamerTeen implements Behaviour {
  private final int account;
  private final int firstDay;
  private final int[] group;
  /** The account's own parameters in a randomized world; null in the fixed world. */
  private final Tuning tuning;

  GamerTeen(int account, int firstDay, int[] group) {
    this(account, null, firstDay, group);
  }

  GamerTeen(int account, Tuning tuning, int firstDay, int[] group) {
    this.account = account;
    this.firstDay = firstDay;
    this.group = group.clone();
    this.tuning = tuning;
  }

  @Override
  public void planDay(int day, World w) {
    if (day != firstDay) {
      return;
    }
    if (tuning != null) {
      planTuned(day, w);
      return;
    }
    AgeBand own = w.population.band[account];
    Targets targets = new Targets();
    int count = w.between(10, 30);
    int span = w.between(2, 6);
    for (int k = 0; k < count; k++) {
      int d = day + w.rng.nextInt(span);
      if (d >= w.days) {
        continue;
      }
      long at = w.timeOn(d, Rhythm.TEEN);
      for (int attempt = 0; attempt < 20; attempt++) {
        int m = group[w.rng.nextInt(group.length)];
        if (w.population.band[m] == own && targets.fresh(w, account, m, at)) {
          targets.add(m);
          w.behaviourActs(account, at);
          w.request(at, account, m, Response.PEER_STRANGER);
          break;
        }
      }
    }
  }

  /**
   * Randomized world: the drawn number of group members over the drawn days, of its own band but
   * for the drawn other-band share; with the drawn pattern overlap a pick goes to a popular member
   * (by degree).
   */
  private void planTuned(int day, World w) {
    AgeBand own = w.population.band[account];
    Targets targets = new Targets();
    double byDegree = tuning.get(BehaviourParameter.PATTERN_OVERLAP);
    double otherBand = tuning.get(BehaviourParameter.OTHER_BAND_SHARE);
    int[] perDay = w.spread(tuning.count(BehaviourParameter.INTENSITY, 1), day,
        tuning.count(BehaviourParameter.ACTIVE_DAYS, 1));
    for (int d = day; d < w.days; d++) {
      for (int k = 0; k < perDay[d]; k++) {
        long at = w.timeOn(d, Rhythm.TEEN);
        boolean anyBand = w.chance(otherBand);
        int m = w.pickAmong(group, byDegree, x -> w.population.isMinor(x)
            && (anyBand || w.population.band[x] == own) && targets.fresh(w, account, x, at));
        if (m >= 0) {
          targets.add(m);
          w.behaviourActs(account, at);
          w.request(at, account, m, Response.PEER_STRANGER);
        }
      }
    }
  }
}
