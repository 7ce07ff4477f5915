package org.targetwatch.simulator;

/**
 * A new fake profile making itself look lived-in before it starts: on its first day it sends
 * friend requests to a few adults who accept strangers readily (randomized worlds only).
 */
final class FakeProfileSetup implements Behaviour {
  /** A new profile makes a handful of friends, never a full circle. */
  static final int MOST_FRIENDS = 20;
  private static final Response ADULT_ACCEPTS_STRANGER = new Response(0.7, 0.1, 0.0, 240);
  private final int account;
  private final int friends;
  private boolean done;

  FakeProfileSetup(int account, int friends) {
    this.account = account;
    this.friends = friends;
  }

  @Override
  public void planDay(int day, World w) {
    long created = w.population.createdAt[account];
    if (done || created >= w.dayStart(day + 1)) {
      return;
    }
    done = true;
    long t = Math.max(created, w.dayStart(day)) + w.delay(20, 0.8);
    Targets asked = new Targets();
    for (int k = 0; k < friends; k++) {
      long at = t + k * w.delay(4, 0.8);
      for (int attempt = 0; attempt < 20; attempt++) {
        int adult = w.rng.nextInt(w.population.size);
        if (!w.population.isMinor(adult) && asked.fresh(w, account, adult, at)) {
          asked.add(adult);
          w.request(at, account, adult, ADULT_ACCEPTS_STRANGER);
          break;
        }
      }
    }
  }
}
