package org.targetwatch.simulator;

/**
 * The simulator's own view of who is friends with whom, as the emitted ACCEPTED and REMOVED events
 * leave it: adjacency as int lists plus a pair set for constant-time "are they friends".
 */
final class FriendshipGraph {
  private final IntList[] adjacency;
  private final PairSet pairs;

  FriendshipGraph(int accounts, int expectedEdges) {
    adjacency = new IntList[accounts];
    pairs = new PairSet(expectedEdges);
  }

  /** Adds the friendship; false when they were already friends or a == b. */
  boolean add(int a, int b) {
    if (a == b || !pairs.add(PairSet.undirected(a, b))) {
      return false;
    }
    list(a).add(b);
    list(b).add(a);
    return true;
  }

  /** Ends the friendship; false when they were not friends. */
  boolean remove(int a, int b) {
    if (!pairs.remove(PairSet.undirected(a, b))) {
      return false;
    }
    adjacency[a].removeValue(b);
    adjacency[b].removeValue(a);
    return true;
  }

  boolean areFriends(int a, int b) {
    return a != b && pairs.contains(PairSet.undirected(a, b));
  }

  int degree(int account) {
    IntList friends = adjacency[account];
    return friends == null ? 0 : friends.size();
  }

  /** The i-th friend, in the graph's (deterministic) internal order. */
  int friend(int account, int i) {
    return adjacency[account].get(i);
  }

  int edges() {
    return pairs.size();
  }

  int accounts() {
    return adjacency.length;
  }

  /** Friends both accounts have. */
  int mutualFriends(int a, int b) {
    int da = degree(a);
    int db = degree(b);
    if (da == 0 || db == 0) {
      return 0;
    }
    int small = da <= db ? a : b;
    int other = small == a ? b : a;
    int count = 0;
    for (int i = 0; i < degree(small); i++) {
      if (areFriends(other, friend(small, i))) {
        count++;
      }
    }
    return count;
  }

  private IntList list(int account) {
    IntList friends = adjacency[account];
    if (friends == null) {
      friends = new IntList();
      adjacency[account] = friends;
    }
    return friends;
  }
}
