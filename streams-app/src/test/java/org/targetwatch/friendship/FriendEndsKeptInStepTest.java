package org.targetwatch.friendship;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Random;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.Test;
import org.targetwatch.friendship.MinorFriendEnds.Counts;
import org.targetwatch.friendship.MinorFriendEnds.Tally;
import org.targetwatch.schema.AgeBand;
import org.targetwatch.schema.Profile;
import org.targetwatch.schema.internal.FriendshipChanged;
import org.targetwatch.serde.InternalAvroSerde;

/**
 * The minors' friend entries are kept by the one entry each change touches (added under the cap or
 * beyond it, removed, its band learned) and by the owner's status; after any mix of changes they
 * equal a count over every stored friend set.
 */
class FriendEndsKeptInStepTest {
  private static final int CAP = 6;
  private static final AgeBand[] BANDS = {AgeBand.UNDER_13, AgeBand.AGE_13_15, AgeBand.AGE_16_17, AgeBand.ADULT,
      AgeBand.UNKNOWN};

  private final KeyValueStore<String, Profile> profiles = MinorDegreeDistributionTest.store("profiles",
      Serdes.serdeFrom(InternalAvroSerde.of(Profile.class).serializer(), InternalAvroSerde.of(Profile.class).deserializer()));
  private final KeyValueStore<String, byte[]> friendships = MinorDegreeDistributionTest.store("friendships", Serdes.ByteArray());
  private final KeyValueStore<String, byte[]> minorDegrees = MinorDegreeDistributionTest.store();
  private final FriendshipGraph graph = new FriendshipGraph(profiles, friendships, minorDegrees, CAP);

  @Test
  void everyMixOfChangesLeavesTheCountsOfAFullCount() {
    Random random = new Random(16);
    int accounts = 12;
    for (int step = 0; step < 3_000; step++) {
      String account = "a" + random.nextInt(accounts);
      String friend = "a" + random.nextInt(accounts);
      long at = step;
      switch (random.nextInt(6)) {
        case 0 -> graph.applyProfile(new Profile(account, Instant.ofEpochMilli(at), null,
            BANDS[random.nextInt(BANDS.length)], random.nextInt(10) == 0));
        case 1 -> graph.applyFriendAgeBand(account, friend, BANDS[random.nextInt(BANDS.length)]);
        case 2 -> graph.applyFriendshipChange(new FriendshipChanged(account, friend, false, false, at), AgeBand.UNKNOWN);
        default -> graph.applyFriendshipChange(new FriendshipChanged(account, friend, true, random.nextBoolean(), at),
            BANDS[random.nextInt(BANDS.length)]);
      }
      if (step % 100 == 0) {
        assertThat(kept()).as("after step %d", step).isEqualTo(countedFromTheFriendSets());
      }
    }
    assertThat(kept()).isEqualTo(countedFromTheFriendSets());
    assertThat(kept().ofAll().known()).as("sets beyond the cap were reached").isGreaterThan(accounts * (CAP - 2));
    assertThat(storedBeyondTheCap()).as("some degree beyond the stored entries").isTrue();
  }

  private Counts kept() {
    graph.minorHomophily(); // counts them once, on a store that has none yet
    return new MinorFriendEnds(minorDegrees, () -> {
      throw new AssertionError("the counts are kept in the store");
    }).counts();
  }

  private Counts countedFromTheFriendSets() {
    Tally ofAll = Tally.NONE;
    Tally ofMinors = Tally.NONE;
    try (KeyValueIterator<String, byte[]> all = friendships.all()) {
      while (all.hasNext()) {
        var entry = all.next();
        Tally tally = Tally.of(entry.value);
        ofAll = ofAll.plus(tally);
        Profile owner = profiles.get(entry.key);
        if (owner != null && !owner.getDeleted() && AgeBands.isMinor(owner.getAgeBand())) {
          ofMinors = ofMinors.plus(tally);
        }
      }
    }
    return new Counts(ofAll, ofMinors);
  }

  private boolean storedBeyondTheCap() {
    try (KeyValueIterator<String, byte[]> all = friendships.all()) {
      while (all.hasNext()) {
        byte[] set = all.next().value;
        if (FriendSetBytes.degree(set) > StoredFriends.of(set).storedCount()) {
          return true;
        }
      }
    }
    return false;
  }
}
