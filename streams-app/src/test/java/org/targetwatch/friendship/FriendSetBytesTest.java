package org.targetwatch.friendship;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;
import org.targetwatch.schema.AgeBand;
import org.targetwatch.schema.internal.Friend;
import org.targetwatch.schema.internal.FriendSet;
import org.targetwatch.serde.InternalAvroSerde;

class FriendSetBytesTest {
  // ASCII, Latin-1, CJK: their UTF-8 bytes sort like the strings; fullwidth forms (U+FF21) and emoji
  // (a surrogate pair) do not, and must take the decoding path
  private static final String[] ID_SHAPES = {"acct-%d", "ü-%d-ß", "用户%d", "%d", "\uFF21-%d", "\uD83D\uDE00%d"};

  @Test
  void findingAFriendInTheBytesGivesTheSameEntryAsDecodingTheSet() {
    SplittableRandom random = new SplittableRandom(7);
    for (int round = 0; round < 200; round++) {
      FriendSet set = randomSet(random, random.nextInt(0, 300));
      byte[] bytes = FriendSetBytes.encode(set);

      assertThat(FriendSetBytes.degree(bytes)).isEqualTo(set.getDegree());
      for (Friend friend : set.getFriends()) {
        assertThat(FriendSetBytes.find(bytes, friend.getId())).isEqualTo(FriendSets.find(set, friend.getId()));
      }
      String stranger = randomId(random) + "-stranger";
      assertThat(FriendSetBytes.find(bytes, stranger)).isNull();
    }
  }

  @Test
  void aStrangerIsNotFoundWhereverItsIdSortsAmongTheFriends() {
    SplittableRandom random = new SplittableRandom(17);
    for (int round = 0; round < 200; round++) {
      FriendSet set = randomSet(random, random.nextInt(0, 100));
      byte[] bytes = FriendSetBytes.encode(set);
      List<String> strangers = new ArrayList<>(List.of("", "\u0000", "\uFFFF", "\uD83D\uDE00"));
      for (Friend friend : set.getFriends()) { // just before, just after, and around each friend's id
        String id = friend.getId();
        strangers.add(id + "\u0000");
        strangers.add(id.substring(0, id.length() - 1));
        strangers.add(id.substring(0, id.length() - 1) + (char) (id.charAt(id.length() - 1) + 1));
        strangers.add(randomId(random));
      }
      for (String stranger : strangers) {
        assertThat(FriendSetBytes.find(bytes, stranger)).isEqualTo(FriendSets.find(set, stranger));
      }
    }
  }

  @Test
  void changingAFriendsAgeBandInTheBytesGivesTheBytesOfTheChangedSet() {
    SplittableRandom random = new SplittableRandom(11);
    AgeBand[] bands = AgeBand.values();
    for (int round = 0; round < 100; round++) {
      FriendSet set = randomSet(random, random.nextInt(1, 200));
      byte[] bytes = FriendSetBytes.encode(set);
      Friend friend = set.getFriends().get(random.nextInt(set.getFriends().size()));
      AgeBand band = bands[random.nextInt(bands.length)];
      boolean unchanged = friend.getAgeBand() == band;

      byte[] changed = FriendSetBytes.withAgeBand(bytes, friend.getId(), band);

      friend.setAgeBand(band);
      assertThat(changed).isEqualTo(FriendSetBytes.encode(set));
      assertThat(changed == bytes).isEqualTo(unchanged); // a new array only for a change
      assertThat(FriendSetBytes.withAgeBand(bytes, "nobody", band)).isNull();
    }
  }

  @Test
  void addingAndRemovingFriendsInTheBytesGivesTheBytesOfTheChangedSet() {
    SplittableRandom random = new SplittableRandom(13);
    AgeBand[] bands = AgeBand.values();
    for (int round = 0; round < 300; round++) {
      int cap = random.nextInt(1, 60);
      FriendSet set = randomSet(random, random.nextInt(0, 3) == 0 ? 0 : random.nextInt(0, cap));
      byte[] bytes = FriendSetBytes.encode(set);
      for (int change = 0; change < 40; change++) {
        FriendSet expected = FriendSetBytes.decode(bytes);
        byte[] changed;
        boolean removeAFriend = random.nextBoolean() && !expected.getFriends().isEmpty();
        if (removeAFriend) {
          String id = expected.getFriends().get(random.nextInt(expected.getFriends().size())).getId();
          changed = FriendSetBytes.withoutFriend(bytes, id);
          assertThat(FriendSets.remove(expected, id)).isTrue();
        } else {
          String id = random.nextInt(5) == 0 && !expected.getFriends().isEmpty()
              ? expected.getFriends().get(0).getId() // already a friend: nothing changes
              : randomId(random);
          Friend friend = new Friend(id, random.nextLong(), random.nextBoolean(), bands[random.nextInt(bands.length)]);
          boolean added = FriendSets.add(expected, friend, cap);
          changed = FriendSetBytes.withFriend(bytes, friend, cap);
          if (!added) {
            assertThat(changed).isNull();
            continue;
          }
        }
        assertThat(changed).isEqualTo(FriendSetBytes.encode(expected));
        bytes = changed;
      }
    }
  }

  @Test
  void removingAStrangerOrAFriendBeyondTheCapChangesNothing() {
    FriendSet set = new FriendSet(5, new ArrayList<>(List.of(new Friend("alice", 1L, true, AgeBand.ADULT))));
    assertThat(FriendSetBytes.withoutFriend(FriendSetBytes.encode(set), "bob")).isNull();
  }

  @Test
  void removingTheLastStoredFriendLeavesAnEmptySetWithItsDegree() {
    FriendSet set = new FriendSet(3, new ArrayList<>(List.of(new Friend("alice", 1L, true, AgeBand.ADULT))));

    byte[] changed = FriendSetBytes.withoutFriend(FriendSetBytes.encode(set), "alice");

    assertThat(changed).isEqualTo(FriendSetBytes.encode(new FriendSet(2, new ArrayList<>())));
  }

  @Test
  void anIdThatIsOnlyThePrefixOfAFriendsIdIsNotAFriend() {
    FriendSet set = new FriendSet(2, new ArrayList<>(List.of(
        new Friend("alice", 1L, true, AgeBand.AGE_13_15), new Friend("bob-2", 2L, false, AgeBand.ADULT))));
    byte[] bytes = FriendSetBytes.encode(set);

    assertThat(FriendSetBytes.find(bytes, "bob")).isNull();
    assertThat(FriendSetBytes.find(bytes, "alicex")).isNull();
    assertThat(FriendSetBytes.find(bytes, "bob-2")).isEqualTo(new Friend("bob-2", 2L, false, AgeBand.ADULT));
  }

  @Test
  void anArrayWrittenInSizedBlocksIsReadToo() throws IOException {
    FriendSet set = randomSet(new SplittableRandom(3), 40);
    byte[] blocked = writtenInBlocksOf(set, 64);

    assertThat(blocked).isNotEqualTo(FriendSetBytes.encode(set));
    assertThat(FriendSetBytes.decode(blocked)).isEqualTo(set); // Avro itself reads it as the same set
    for (Friend friend : set.getFriends()) {
      assertThat(FriendSetBytes.find(blocked, friend.getId())).isEqualTo(friend);
    }
    assertThat(FriendSetBytes.find(blocked, "nobody")).isNull();
  }

  @Test
  void truncatedBytesAreReportedAsACorruptRecordNotAnIndexError() {
    byte[] bytes = FriendSetBytes.encode(randomSet(new SplittableRandom(5), 20));
    byte[] truncated = Arrays.copyOf(bytes, bytes.length / 2);

    String afterEveryId = "\uFFFF"; // the search reads on into the missing half
    assertThatThrownBy(() -> FriendSetBytes.find(truncated, afterEveryId))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("internal FriendSet record of " + truncated.length + " bytes is corrupt");
  }

  @Test
  void anUnknownFormatVersionIsRefusedWithTheSerdesMessage() {
    byte[] bytes = FriendSetBytes.encode(randomSet(new SplittableRandom(5), 3));
    bytes[0] = 9;

    assertThatThrownBy(() -> FriendSetBytes.degree(bytes))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("unknown format version 9");
  }

  static FriendSet randomSet(SplittableRandom random, int size) {
    FriendSet set = FriendSets.empty();
    AgeBand[] bands = AgeBand.values();
    for (int i = 0; i < size; i++) {
      long since = random.nextBoolean() ? random.nextLong() : random.nextLong(0, 2_000_000_000_000L);
      FriendSets.add(set, new Friend(randomId(random), since, random.nextBoolean(), bands[random.nextInt(bands.length)]),
          Integer.MAX_VALUE);
    }
    set.setDegree(set.getDegree() + random.nextInt(0, 3)); // friends beyond the stored cap count in the degree
    return set;
  }

  static String randomId(SplittableRandom random) {
    return String.format(ID_SHAPES[random.nextInt(ID_SHAPES.length)], random.nextInt(1_000_000));
  }

  /** The set as Avro's blocking encoder lays it out: arrays in blocks of about {@code blockBytes}, each with its size. */
  static byte[] writtenInBlocksOf(FriendSet set, int blockBytes) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(InternalAvroSerde.FORMAT_V1);
    BinaryEncoder encoder = new EncoderFactory().configureBlockSize(blockBytes).blockingBinaryEncoder(out, null);
    new SpecificDatumWriter<>(FriendSet.class).write(set, encoder);
    encoder.flush();
    return out.toByteArray();
  }
}
