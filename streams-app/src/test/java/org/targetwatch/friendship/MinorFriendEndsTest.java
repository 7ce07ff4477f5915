package org.targetwatch.friendship;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.Test;
import org.targetwatch.friendship.MinorFriendEnds.Counts;
import org.targetwatch.friendship.MinorFriendEnds.Tally;
import org.targetwatch.schema.AgeBand;
import org.targetwatch.schema.internal.Friend;

/** The platform's age homophily: kept in step with friend sets and owners, said only when enough is known, counted once after an upgrade. */
class MinorFriendEndsTest {
  private final KeyValueStore<String, byte[]> store = MinorDegreeDistributionTest.store();

  @Test
  void minorsWhoseFriendsAreMinorsTwiceAsOftenAsAnyonesGiveTwo() {
    MinorFriendEnds ends = new MinorFriendEnds(store, () -> Counts.NONE);
    // minors: 600 known friends, 480 of them minors (0.8); adults: 1,000 known friends, 120 minors
    ends.entriesChanged(true, new Tally(600, 480));
    ends.entriesChanged(false, new Tally(1_000, 120));

    // all friends: 600 minors of 1,600 (0.375); minors' friends 0.8: 2.13 times
    assertThat(ends.homophily()).isCloseTo(0.8 / 0.375, within(1e-9));
  }

  @Test
  void minorsWhoBefriendMinorsLessThanAnyoneDoAreReckonedAtTheDegreesOwnFigure() {
    MinorFriendEnds ends = new MinorFriendEnds(store, () -> Counts.NONE);
    ends.entriesChanged(true, new Tally(1_000, 100));
    ends.entriesChanged(false, new Tally(1_000, 900));

    assertThat(ends.homophily()).isEqualTo(1.0);
  }

  @Test
  void tooFewKnownFriendsOfMinorsSayNothing() {
    MinorFriendEnds ends = new MinorFriendEnds(store, () -> Counts.NONE);
    ends.entriesChanged(true, new Tally(MinorFriendEnds.MIN_KNOWN_ENDS - 1, MinorFriendEnds.MIN_KNOWN_ENDS - 1));
    ends.entriesChanged(false, new Tally(5_000, 10));

    assertThat(ends.homophily()).isEqualTo(1.0);
  }

  @Test
  void aFriendSetChangedOrAnOwnerWhoStopsBeingAMinorMovesTheCounts() {
    MinorFriendEnds ends = new MinorFriendEnds(store, () -> Counts.NONE);
    ends.entriesChanged(true, new Tally(10, 8));
    ends.entriesChanged(true, new Tally(12, 9).minus(new Tally(10, 8))); // two friends more, one a minor
    ends.ownerChanged(false, true, new Tally(4, 4)); // a minor's profile arrives after its friends
    ends.ownerChanged(true, false, new Tally(12, 9)); // the first one's 18th birthday

    assertThat(ends.counts()).isEqualTo(new Counts(new Tally(12, 9), new Tally(4, 4)));
    assertThat(new MinorFriendEnds(store, () -> Counts.NONE).counts()).as("read back by another processor of the task")
        .isEqualTo(ends.counts());
  }

  @Test
  void aStoreWrittenBeforeTheCountsHasThemCountedOnceFromTheFriendSets() {
    store.put(PlatformDegreeSum.KEY, new byte[8]); // a previous version's store, without the counts
    AtomicInteger countings = new AtomicInteger();
    MinorFriendEnds ends = new MinorFriendEnds(store, () -> {
      countings.incrementAndGet();
      return new Counts(new Tally(100, 30), new Tally(40, 20));
    });

    ends.entriesChanged(false, new Tally(1, 0));
    ends.entriesChanged(true, new Tally(1, 1));

    assertThat(ends.counts()).isEqualTo(new Counts(new Tally(102, 31), new Tally(41, 21)));
    assertThat(countings).as("friend sets counted once").hasValue(1);
  }

  @Test
  void aTallyCountsStoredFriendsOfKnownAgeBand() {
    byte[] set = FriendSetBytes.NO_FRIENDS;
    set = FriendSetBytes.withFriend(set, new Friend("a", 1L, false, AgeBand.AGE_13_15), 10);
    set = FriendSetBytes.withFriend(set, new Friend("b", 1L, false, AgeBand.ADULT), 10);
    set = FriendSetBytes.withFriend(set, new Friend("c", 1L, false, AgeBand.UNKNOWN), 10);
    set = FriendSetBytes.withFriend(set, new Friend("d", 1L, true, AgeBand.UNDER_13), 10);

    assertThat(Tally.of(set)).isEqualTo(new Tally(3, 2));
    assertThat(Tally.of(null)).isEqualTo(new Tally(0, 0));
  }
}
