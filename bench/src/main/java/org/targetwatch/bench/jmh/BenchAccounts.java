package org.targetwatch.bench.jmh;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.targetwatch.schema.AgeBand;
import org.targetwatch.schema.internal.Friend;
import org.targetwatch.schema.internal.FriendSet;

/** Account ids and friend sets shaped like the simulator's: sortable opaque ids, a few hundred friends. */
final class BenchAccounts {
  /** Friends of an ordinary account in a 5,000-account simulation are in the low hundreds. */
  static final int TYPICAL_FRIENDS = 200;
  static final long DAY_MS = 86_400_000L;
  static final long START_MS = 1_767_225_600_000L; // 2026-01-01

  private BenchAccounts() {}

  static String accountId(int n) {
    return String.format("acct-%07d", n);
  }

  /** A friend set of {@code size} distinct accounts out of {@code population}, sorted by id as FriendSets keeps it. */
  static FriendSet friendSet(SplittableRandom random, int size, int population) {
    List<Friend> friends = new ArrayList<>(size);
    for (int n : distinct(random, size, population)) {
      AgeBand band = AgeBand.values()[random.nextInt(4)];
      friends.add(new Friend(accountId(n), START_MS - random.nextLong(365 * DAY_MS), random.nextBoolean(), band));
    }
    friends.sort((a, b) -> a.getId().compareTo(b.getId()));
    return new FriendSet(size, friends);
  }

  /** {@code size} distinct numbers below {@code population}, ascending (so their ids are sorted too). */
  static int[] distinct(SplittableRandom random, int size, int population) {
    return random.ints(0, population).distinct().limit(size).sorted().toArray();
  }

  static List<String> idsOf(FriendSet set) {
    return set.getFriends().stream().map(Friend::getId).toList();
  }
}
