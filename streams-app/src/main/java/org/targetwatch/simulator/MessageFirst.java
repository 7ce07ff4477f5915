package org.targetwatch.simulator;

/**
 * offender.message_first: no friend requests at all — cold direct messages to minors who are not
 * friends and never wrote first, mostly high-degree ones, with follow-ups to those who do not
 * answer. A few minors answer and a conversation starts.
 */
final class MessageFirst implements Behaviour {
  private final int account;
  private final int firstDay;
  private final Targets targets = new Targets();
  private final IntList unanswered = new IntList();
  /** The account's own parameters in a randomized world; null in the fixed world. */
  private final Tuning tuning;
  private int[] perDay;

  MessageFirst(int account, int firstDay) {
    this.account = account;
    this.firstDay = firstDay;
    this.tuning = null;
  }

  MessageFirst(int account, Tuning tuning) {
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
    if (day < firstDay || !w.chance(0.8)) {
      return;
    }
    int followUps = unanswered.size();
    for (int k = 0; k < followUps; k++) {
      if (w.chance(0.2)) {
        int target = unanswered.get(k);
        w.message(w.timeOn(day, Rhythm.EVENING), account, target, false);
      }
    }
    int fresh = w.between(2, 6);
    for (int k = 0; k < fresh; k++) {
      long at = w.timeOn(day, Rhythm.EVENING);
      int target = w.minors.pick(w.rng, 0.75, m -> targets.fresh(w, account, m, at));
      if (target < 0) {
        continue;
      }
      targets.add(target);
      w.behaviourActs(account, at);
      w.message(at, account, target, w.chance(0.05));
      if (w.chance(0.5)) {
        w.message(at + w.delay(3, 1.0), account, target, false);
      }
      if (w.chance(0.15)) {
        w.conversation(at + w.delay(60, 1.2), target, account, w.between(2, 8), 0.7, false);
      } else {
        unanswered.add(target);
      }
    }
  }

  /**
   * Randomized world: the drawn number of minors spread over the drawn days; a minor answers with
   * the account's acceptance chance for it (popular minors answer strangers more readily).
   */
  private void planTunedDay(int day, World w) {
    if (perDay == null) {
      perDay = w.spread(tuning.count(BehaviourParameter.INTENSITY, 1), w.firstDay(tuning),
          tuning.count(BehaviourParameter.ACTIVE_DAYS, 1));
    }
    int followUps = unanswered.size();
    for (int k = 0; k < followUps && perDay[day] > 0; k++) {
      if (w.chance(0.2)) {
        w.message(w.timeOn(day, Rhythm.EVENING), account, unanswered.get(k), false);
      }
    }
    for (int k = 0; k < perDay[day]; k++) {
      long at = w.timeOn(day, Rhythm.EVENING);
      int target = w.pickTarget(account, tuning, m -> targets.fresh(w, account, m, at));
      if (target < 0) {
        continue;
      }
      targets.add(target);
      w.behaviourActs(account, at);
      double answers = w.acceptChance(tuning, target);
      w.parameters.contacted(account, answers);
      w.parameters.reached(account, w.minors.popularity(target));
      w.message(at, account, target, w.chance(0.05));
      if (w.chance(0.5)) {
        w.message(at + w.delay(3, 1.0), account, target, false);
      }
      if (w.chance(answers)) {
        w.conversation(at + w.delay(60, 1.2), target, account, w.between(2, 8), 0.7, false);
      } else {
        unanswered.add(target);
      }
    }
  }
}
