package org.targetwatch.simulator;

import java.util.EnumMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * One planted account's own behaviour parameters in a randomized world, each drawn within the
 * world's range for its class, so that accounts of one class differ in strength.
 */
final class Tuning {
  private final Map<BehaviourParameter, Double> values = new EnumMap<>(BehaviourParameter.class);

  /** Draws every parameter the world has a range for, for the class. */
  static Tuning draw(WorldParameters world, BehaviourClass c, SplittableRandom rng) {
    Tuning t = new Tuning();
    world.ranges().getOrDefault(c, Map.of()).forEach((p, range) -> t.values.put(p, range.draw(rng)));
    return t;
  }

  double get(BehaviourParameter p) {
    Double v = values.get(p);
    if (v == null) {
      throw new IllegalStateException("no value drawn for " + p.label());
    }
    return v;
  }

  /** The value rounded to a whole number, at least {@code least}. */
  int count(BehaviourParameter p, int least) {
    return Math.max(least, (int) Math.round(get(p)));
  }

  /** A chance drawn for the account, resolved once: the value becomes 0 or 1. */
  boolean resolve(BehaviourParameter p, SplittableRandom rng) {
    boolean yes = rng.nextDouble() < get(p);
    values.put(p, yes ? 1.0 : 0.0);
    return yes;
  }

  void set(BehaviourParameter p, double value) {
    values.put(p, value);
  }

  Map<BehaviourParameter, Double> values() {
    return values;
  }
}
