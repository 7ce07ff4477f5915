package org.targetwatch.friendship;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.targetwatch.friendship.FriendSetBytesTest.randomId;
import static org.targetwatch.friendship.FriendSetBytesTest.randomSet;
import static org.targetwatch.friendship.FriendSetBytesTest.writtenInBlocksOf;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;
import org.targetwatch.schema.AgeBand;
import org.targetwatch.schema.internal.Friend;
import org.targetwatch.schema.internal.FriendSet;

class StoredFriendsTest {
  private static final long DAY = 86_400_000L;
  private static final long NOW = 100 * DAY;

  @Test
  void aSendersOwnRecentContactsAreNotTrustedFriends() {
    FriendSet set = setOf(
        new Friend("alice", NOW - DAY, true, AgeBand.UNDER_13),    // befriended by the sender yesterday
        new Friend("bob", NOW - 60 * DAY, true, AgeBand.ADULT),    // by the sender, two months ago
        new Friend("carol", NOW - DAY, false, AgeBand.AGE_13_15),  // she asked, yesterday
        new Friend("dave", NOW - 28 * DAY, true, AgeBand.ADULT));  // by the sender, just 28 days ago

    StoredFriends friends = StoredFriends.of(FriendSetBytes.encode(set));

    assertThat(friends.trustedIds(NOW, 28 * DAY, 10)).containsExactly("bob", "carol", "dave");
    assertThat(friends.trustedIds(NOW, 28 * DAY, 1)).containsExactly("bob");
    assertThat(friends.trustedIds(NOW, 0, 10)).containsExactly("alice", "bob", "carol", "dave");
  }

  @Test
  void aFriendshipBegunAfterAContactDoesNotCountForIt() {
    // the recipient's partition handled a friendship of tomorrow before today's contact got there
    FriendSet set = setOf(
        new Friend("bob", NOW - 60 * DAY, false, AgeBand.ADULT),
        new Friend("carol", NOW + DAY, false, AgeBand.AGE_13_15),
        new Friend("dave", NOW - DAY, true, AgeBand.ADULT));

    StoredFriends friends = StoredFriends.of(FriendSetBytes.encode(set));

    assertThat(friends.degreeAt(NOW)).isEqualTo(2);
    assertThat(friends.degreeAt(NOW + DAY)).isEqualTo(3);
    assertThat(friends.countCommonAt(List.of("bob", "carol"), NOW)).isEqualTo(1);
    assertThat(friends.trustedIds(NOW, 0, 10)).containsExactly("bob", "dave");
    assertThat(friends.trustedMinorShare(NOW, 0)).isZero(); // carol, the one minor, is tomorrow's friend
  }

  @Test
  void friendsInCommonAreCountedAgainstASortedList() {
    StoredFriends friends = StoredFriends.of(FriendSetBytes.encode(setOf(
        new Friend("b", 1L, false, AgeBand.ADULT), new Friend("d", 1L, false, AgeBand.ADULT),
        new Friend("f", 1L, false, AgeBand.ADULT))));

    assertThat(friends.countCommon(List.of("a", "b", "c", "d", "e"))).isEqualTo(2);
    assertThat(friends.countCommon(List.of("f", "g"))).isEqualTo(1);
    assertThat(friends.countCommon(List.of("a", "c", "e", "g"))).isZero();
    assertThat(friends.countCommon(List.of())).isZero();
  }

  @Test
  void theMinorShareCountsOnlyFriendsWhoseAgeBandIsKnown() {
    StoredFriends friends = StoredFriends.of(FriendSetBytes.encode(setOf(
        new Friend("a", 1L, false, AgeBand.UNDER_13), new Friend("b", 1L, false, AgeBand.ADULT),
        new Friend("c", 1L, false, AgeBand.UNKNOWN), new Friend("d", 1L, false, AgeBand.AGE_16_17))));
    StoredFriends unknownBands = StoredFriends.of(FriendSetBytes.encode(setOf(
        new Friend("a", 1L, false, AgeBand.UNKNOWN))));

    assertThat(friends.minorShare()).isEqualTo(2.0 / 3);
    assertThat(unknownBands.minorShare()).isEqualTo(-1);
  }

  @Test
  void anAccountTheStoreDoesNotKnowHasNoFriends() {
    StoredFriends none = StoredFriends.of(null);

    assertThat(none.degree()).isZero();
    assertThat(none.storedCount()).isZero();
    assertThat(none.minorShare()).isEqualTo(-1);
    assertThat(none.trustedIds(NOW, DAY, 10)).isEmpty();
    assertThat(none.countCommon(List.of("a"))).isZero();
  }

  @Test
  void everyAnswerFromTheBytesIsTheAnswerFromTheDecodedSet() throws IOException {
    SplittableRandom random = new SplittableRandom(11);
    for (int round = 0; round < 300; round++) {
      FriendSet set = randomSet(random, random.nextInt(0, 250));
      long now = random.nextLong(0, 2_000_000_000_000L);
      long recentMs = random.nextLong(0, 1_000_000_000_000L);
      int cap = random.nextInt(1, 300);
      List<String> others = sortedIdsPartlyShared(random, set);
      byte[] bytes = round % 3 == 0 ? writtenInBlocksOf(set, 64) : FriendSetBytes.encode(set);

      StoredFriends friends = StoredFriends.of(bytes);

      assertThat(friends.degree()).isEqualTo(set.getDegree());
      assertThat(friends.storedCount()).isEqualTo(set.getFriends().size());
      assertThat(friends.minorShare()).isEqualTo(minorShareOf(set));
      assertThat(friends.trustedIds(now, recentMs, cap)).isEqualTo(trustedIdsOf(set, now, recentMs, cap));
      assertThat(friends.countCommon(others)).isEqualTo(commonCount(set, others, Long.MAX_VALUE));
      assertThat(friends.countCommonAt(others, now)).isEqualTo(commonCount(set, others, now));
      assertThat(friends.degreeAt(now)).isEqualTo(set.getDegree()
          - (int) set.getFriends().stream().filter(f -> f.getSince() > now).count());
    }
  }

  @Test
  void truncatedBytesAreReportedAsACorruptRecord() {
    byte[] bytes = FriendSetBytes.encode(randomSet(new SplittableRandom(5), 20));
    StoredFriends truncated = StoredFriends.of(Arrays.copyOf(bytes, bytes.length / 2));

    assertThatThrownBy(truncated::minorShare)
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("internal FriendSet record of " + bytes.length / 2 + " bytes is corrupt");
  }

  @Test
  void anAgeBandBeyondTheKnownBandsIsReportedAsACorruptRecord() {
    byte[] bytes = FriendSetBytes.encode(setOf(new Friend("a", 1L, false, AgeBand.ADULT)));
    bytes[bytes.length - 2] = 2 * 40; // the friend's band (zig-zag), just before the array's closing 0

    assertThatThrownBy(StoredFriends.of(bytes)::minorShare)
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("is corrupt")
        .hasMessageContaining("age band index 40");
  }

  private static FriendSet setOf(Friend... friends) {
    FriendSet set = FriendSets.empty();
    for (Friend friend : friends) {
      FriendSets.add(set, friend, Integer.MAX_VALUE);
    }
    return set;
  }

  // the reference answers, computed on the decoded set as DESIGN.md and docs/detection.md define them

  private static double minorShareOf(FriendSet set) {
    List<Friend> known = set.getFriends().stream().filter(f -> f.getAgeBand() != AgeBand.UNKNOWN).toList();
    long minors = known.stream().filter(f -> AgeBands.isMinor(f.getAgeBand())).count();
    return known.isEmpty() ? -1 : (double) minors / known.size();
  }

  private static List<String> trustedIdsOf(FriendSet set, long now, long recentMs, int cap) {
    return set.getFriends().stream()
        .filter(f -> f.getSince() <= now
            && !(f.getInitiatedBySelf() && f.getSince() > now - recentMs && f.getAgeBand() != AgeBand.ADULT))
        .map(Friend::getId).limit(cap).toList();
  }

  private static int commonCount(FriendSet set, List<String> ids, long at) {
    Set<String> stored = set.getFriends().stream().filter(f -> f.getSince() <= at).map(Friend::getId)
        .collect(Collectors.toSet());
    return (int) ids.stream().filter(stored::contains).count();
  }

  /** Some of the set's ids and some strangers', sorted as strings. */
  private static List<String> sortedIdsPartlyShared(SplittableRandom random, FriendSet set) {
    List<String> ids = new ArrayList<>();
    for (Friend friend : set.getFriends()) {
      if (random.nextInt(3) == 0) {
        ids.add(friend.getId());
      }
    }
    for (int i = random.nextInt(0, 50); i > 0; i--) {
      ids.add(randomId(random) + "-stranger");
    }
    return ids.stream().distinct().sorted().toList();
  }
}
