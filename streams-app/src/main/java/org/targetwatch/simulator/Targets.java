package org.targetwatch.simulator;

import java.util.HashSet;
import java.util.Set;

/** The accounts a planted account has contacted so far, so it does not contact one twice. Membership only: never iterated. */
final class Targets {
  private final Set<Integer> contacted = new HashSet<>();

  boolean contains(int account) {
    return contacted.contains(account);
  }

  void add(int account) {
    contacted.add(account);
  }

  /** A fresh target for {@code sender}: real, existing, not a friend, not contacted before. */
  boolean fresh(World world, int sender, int target, long at) {
    return target != sender && !contains(target) && world.reachable(target, at)
        && !world.graph.areFriends(sender, target);
  }
}
