package org.targetwatch.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.targetwatch.schema.AgeBand;
import org.targetwatch.schema.internal.Friend;
import org.targetwatch.schema.internal.FriendSet;
import org.targetwatch.serde.InternalAvroSerde;

/**
 * A friend set read from a store behaves, whatever the reader does with it, as the same set decoded
 * from bytes; the stored set never changes; and the set written back is what the reader made.
 */
class FriendSetCopiesTest {
  private static final InternalAvroSerde<FriendSet> SERDE = InternalAvroSerde.of(FriendSet.class);
  private final Random random = new Random(11);

  @Test
  void aSetReadFromAStoreBehavesAsTheSameSetDecodedFromBytesUnderAnyReadsAndChanges() {
    for (int round = 0; round < 300; round++) {
      FriendSet original = set(random.nextInt(60));
      FriendSet stored = FriendSetCopies.copyIn(original);
      FriendSet read = FriendSetCopies.copyOut(stored);
      FriendSet decoded = SERDE.fromBytes(SERDE.toBytes(original));

      int operations = random.nextInt(40);
      for (int op = 0; op < operations; op++) {
        apply(read.getFriends(), decoded.getFriends());
        assertThat(read.getFriends()).isEqualTo(decoded.getFriends());
      }
      assertThat(FriendSetCopies.copyOut(stored)).as("the stored set never changes").isEqualTo(original);

      FriendSet written = FriendSetCopies.copyIn(read);
      FriendSet expected = SERDE.fromBytes(SERDE.toBytes(decoded));
      apply(read.getFriends(), decoded.getFriends()); // a change after the write does not reach the store
      assertThat(FriendSetCopies.copyOut(written)).isEqualTo(expected);
    }
  }

  /** One random read or change, to both lists alike. */
  private void apply(List<Friend> read, List<Friend> decoded) {
    int size = decoded.size();
    switch (size == 0 ? 3 : random.nextInt(6)) {
      case 0, 1 -> {
        int i = random.nextInt(size);
        assertThat(read.get(i)).isEqualTo(decoded.get(i));
        assertThat(read.get(i)).as("the same friend each time").isSameAs(read.get(i));
      }
      case 2 -> {
        int i = random.nextInt(size);
        AgeBand band = AgeBand.values()[random.nextInt(AgeBand.values().length)];
        read.get(i).setAgeBand(band);
        decoded.get(i).setAgeBand(band);
      }
      case 3 -> {
        int i = random.nextInt(size + 1);
        int id = 1000 + random.nextInt(1000);
        read.add(i, friend(id));
        decoded.add(i, friend(id));
      }
      case 4 -> {
        int i = random.nextInt(size);
        assertThat(read.remove(i)).isEqualTo(decoded.remove(i));
      }
      default -> {
        int i = random.nextInt(size);
        int id = 2000 + random.nextInt(1000);
        assertThat(read.set(i, friend(id))).isEqualTo(decoded.set(i, friend(id)));
      }
    }
  }

  @Test
  void aSetWrittenBackSharesNoFriendTheReaderCanStillChange() {
    FriendSet stored = FriendSetCopies.copyIn(set(40));
    FriendSet read = FriendSetCopies.copyOut(stored);
    for (int i = 0; i < 40; i += 3) {
      read.getFriends().get(i); // some read, some not: past the few kept aside
    }
    Friend added = friend(5);
    read.getFriends().add(0, added);
    FriendSet written = FriendSetCopies.copyIn(read);

    added.setAgeBand(AgeBand.UNDER_13);
    read.getFriends().forEach(f -> f.setSince(-1L));

    assertThat(FriendSetCopies.copyOut(written).getFriends()).noneMatch(f -> f.getSince() == -1L)
        .first().satisfies(f -> assertThat(f.getAgeBand()).isEqualTo(AgeBand.ADULT));
  }

  private static FriendSet set(int size) {
    List<Friend> friends = new ArrayList<>();
    for (int i = 0; i < size; i++) {
      friends.add(friend(i));
    }
    return new FriendSet(size, friends);
  }

  private static Friend friend(int i) {
    return new Friend(String.format("a%04d", i), 1_000L * i, i % 2 == 0, AgeBand.ADULT);
  }
}
