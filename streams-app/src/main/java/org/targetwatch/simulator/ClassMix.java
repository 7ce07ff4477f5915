package org.targetwatch.simulator;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * How many accounts of each planted class a simulation contains: a share of all accounts, with a
 * floor so that even a tiny platform contains every class a few times. {@link
 * BehaviourClass#ORDINARY} is everyone else and has no share.
 *
 * @param sharePerClass share of all accounts per planted class (0..1)
 * @param minimumPerClass the least number of accounts of each planted class
 */
public record ClassMix(Map<BehaviourClass, Double> sharePerClass, int minimumPerClass) {

  /** Sock puppets come in rings of 4 to 6, so a platform has at least one full ring. */
  static final int SMALLEST_RING = 4;

  public ClassMix {
    EnumMap<BehaviourClass, Double> copy = new EnumMap<>(BehaviourClass.class);
    copy.putAll(sharePerClass);
    if (copy.containsKey(BehaviourClass.ORDINARY)) {
      throw new IllegalArgumentException("benign.ordinary is everyone else and takes no share");
    }
    copy.forEach(
        (c, share) -> {
          if (share == null || share < 0 || share > 0.05) {
            throw new IllegalArgumentException(
                "share of " + c.label() + " must be within 0..0.05, was " + share);
          }
        });
    if (minimumPerClass < 0) {
      throw new IllegalArgumentException("minimumPerClass must be >= 0, was " + minimumPerClass);
    }
    sharePerClass = Collections.unmodifiableMap(copy);
  }

  /**
   * Defaults: 30 accounts of each offender tactic per 20,000 accounts, the benign look-alikes
   * somewhat more common than offenders (as they are on real platforms), and at least 3 of each.
   */
  public static ClassMix defaults() {
    EnumMap<BehaviourClass, Double> shares = new EnumMap<>(BehaviourClass.class);
    shares.put(BehaviourClass.BURST_FAKE_TEEN, 0.0015);
    shares.put(BehaviourClass.SLOW_AND_LOW, 0.0015);
    shares.put(BehaviourClass.SNOWBALL, 0.0015);
    shares.put(BehaviourClass.SOCK_PUPPET_RING, 0.0015);
    shares.put(BehaviourClass.DILUTION, 0.0015);
    shares.put(BehaviourClass.MESSAGE_FIRST, 0.0015);
    shares.put(BehaviourClass.NEW_STUDENT, 0.0025);
    shares.put(BehaviourClass.TEACHER, 0.002);
    shares.put(BehaviourClass.POPULAR_TEEN, 0.0025);
    shares.put(BehaviourClass.CREATOR, 0.0015);
    shares.put(BehaviourClass.RELATIVE, 0.0025);
    shares.put(BehaviourClass.GAMER_TEEN, 0.0025);
    shares.put(BehaviourClass.SPAM, 0.0015);
    return new ClassMix(shares, 3);
  }

  /** The same mix with another share for one class. */
  public ClassMix withShare(BehaviourClass behaviourClass, double share) {
    EnumMap<BehaviourClass, Double> shares = new EnumMap<>(BehaviourClass.class);
    shares.putAll(sharePerClass);
    shares.put(behaviourClass, share);
    return new ClassMix(shares, minimumPerClass);
  }

  /** Accounts of a planted class on a platform of {@code accounts} accounts. */
  public int countFor(BehaviourClass behaviourClass, int accounts) {
    if (behaviourClass == BehaviourClass.ORDINARY) {
      throw new IllegalArgumentException("benign.ordinary is everyone else");
    }
    double share = sharePerClass.getOrDefault(behaviourClass, 0.0);
    if (share == 0.0) {
      return 0;
    }
    int floor = behaviourClass == BehaviourClass.SOCK_PUPPET_RING
        ? Math.max(minimumPerClass, SMALLEST_RING)
        : minimumPerClass;
    return Math.max(floor, (int) Math.round(share * accounts));
  }

  /** Accounts of all planted classes together. */
  public int plantedAccounts(int accounts) {
    int total = 0;
    for (BehaviourClass c : sharePerClass.keySet()) {
      total += countFor(c, accounts);
    }
    return total;
  }
}
