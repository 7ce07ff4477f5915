package org.targetwatch.simulator;

import java.util.function.IntPredicate;
import org.targetwatch.schema.AgeBand;

/**
 * benign.popular_teen: a high-degree teen befriending other high-degree teens of about its age —
 * the same targets an offender would pick, but from an established teen account inside the same
 * social circles.
 */
final class PopularTeen implements Behaviour {
  private static final Response PEER = new Response(0.7, 0.08, 0.02, 120);
  private final int account;
  private final int firstDay;
  private final Targets targets = new Targets();
  /** The account's own parameters in a randomized world; null in the fixed world. */
  private final Tuning tuning;

  PopularTeen(int account, int firstDay) {
    this(account, null, firstDay);
  }

  PopularTeen(int account, Tuning tuning, int firstDay) {
    this.account = account;
    this.firstDay = firstDay;
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
    int count = w.between(6, 15);
    int span = w.between(1, 4);
    for (int k = 0; k < count; k++) {
      int d = day + w.rng.nextInt(span);
      if (d >= w.days) {
        continue;
      }
      long at = w.timeOn(d, Rhythm.TEEN);
      int target = w.minors.pickAmongTop(w.rng, 0.05,
          m -> targets.fresh(w, account, m, at) && w.population.band[m] != AgeBand.UNDER_13
              && (w.population.band[m] == own || w.chance(0.3)));
      if (target >= 0) {
        targets.add(target);
        w.behaviourActs(account, at);
        w.request(at, account, target, PEER);
      }
    }
  }

  /**
   * Randomized world: the drawn number of peers over the drawn days; with the drawn pattern
   * overlap a peer among the most-befriended 5% of minors, otherwise any teen of about its age.
   */
  private void planTuned(int day, World w) {
    AgeBand own = w.population.band[account];
    double popular = tuning.get(BehaviourParameter.PATTERN_OVERLAP);
    int[] perDay = w.spread(tuning.count(BehaviourParameter.INTENSITY, 1), day,
        tuning.count(BehaviourParameter.ACTIVE_DAYS, 1));
    for (int d = day; d < w.days; d++) {
      for (int k = 0; k < perDay[d]; k++) {
        long at = w.timeOn(d, Rhythm.TEEN);
        boolean sameBand = w.chance(0.7);
        IntPredicate peer = m -> targets.fresh(w, account, m, at)
            && w.population.band[m] != AgeBand.UNDER_13 && (!sameBand || w.population.band[m] == own);
        int target = w.chance(popular)
            ? w.minors.pickAmongTop(w.rng, 0.05, peer)
            : w.minors.pick(w.rng, 0.0, peer);
        if (target >= 0) {
          targets.add(target);
          w.behaviourActs(account, at);
          w.request(at, account, target, PEER);
        }
      }
    }
  }
}
