package org.targetwatch.friendship;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.kafka.common.errors.SerializationException;
import org.targetwatch.schema.AgeBand;
import org.targetwatch.schema.internal.Friend;
import org.targetwatch.schema.internal.FriendSet;
import org.targetwatch.serde.InternalAvroSerde;

/**
 * An account's friend set as the friendship store holds it (the internal serde's bytes: a format
 * byte, then Avro binary of {@link FriendSet}), and the two questions every message asks of it, the
 * degree and one friend's entry, answered from the bytes without decoding the set. A message asks
 * "are sender and recipient friends?" at both ends; decoding a few hundred friends' ids to answer it
 * was the largest single cost in the account processors (docs/performance.md).
 *
 * <p>The reader follows the schema's field order; the class refuses to load if the schema changes.
 */
public final class FriendSetBytes {
  private static final InternalAvroSerde<FriendSet> SERDE = InternalAvroSerde.of(FriendSet.class);
  private static final AgeBand[] AGE_BANDS = AgeBand.values();

  static {
    if (AGE_BANDS.length > 64) {
      throw new IllegalStateException("withAgeBand writes an age band as one byte: at most 64 bands");
    }
    requireLayout(FriendSet.getClassSchema(), List.of("degree:INT", "friends:ARRAY"));
    requireLayout(Friend.getClassSchema(), List.of("id:STRING", "since:LONG", "initiatedBySelf:BOOLEAN", "ageBand:ENUM"));
  }

  /** The stored form of an account without friends; never written into (changes give new arrays). */
  static final byte[] NO_FRIENDS = encode(FriendSets.empty());

  private FriendSetBytes() {}

  public static byte[] encode(FriendSet set) {
    return SERDE.toBytes(set);
  }

  public static FriendSet decode(byte[] bytes) {
    return SERDE.fromBytes(bytes);
  }

  /** The exact friend count (also beyond the stored cap). */
  public static int degree(byte[] bytes) {
    try {
      return (int) payload(bytes).readLong();
    } catch (RuntimeException e) {
      throw corrupt(bytes, e);
    }
  }

  /** The stored entry of {@code friendId}, or null when it is not among the stored friends. */
  public static Friend find(byte[] bytes, String friendId) {
    try {
      int entry = entryOf(bytes, friendId);
      if (entry < 0) {
        return null;
      }
      Cursor in = new Cursor(bytes, entry);
      in.skip(Math.toIntExact(in.readLong())); // the id: friendId
      long since = in.readLong();
      boolean initiatedBySelf = in.readBoolean();
      return new Friend(friendId, since, initiatedBySelf, AGE_BANDS[Math.toIntExact(in.readLong())]);
    } catch (RuntimeException e) {
      throw corrupt(bytes, e);
    }
  }

  /**
   * The set with {@code friendId}'s age band replaced, as a new array (the band is one byte: an enum
   * index below 64); the same array when the band is already that one; null when the friend is not
   * stored.
   */
  public static byte[] withAgeBand(byte[] bytes, String friendId, AgeBand band) {
    try {
      int entry = entryOf(bytes, friendId);
      if (entry < 0) {
        return null;
      }
      Cursor in = new Cursor(bytes, entry);
      in.skip(Math.toIntExact(in.readLong()));
      in.readLong();
      in.readBoolean();
      int bandAt = in.position;
      byte encoded = (byte) (band.ordinal() << 1); // zig-zag of a small non-negative int
      if (bytes[bandAt] == encoded) {
        return bytes;
      }
      if (bytes[bandAt] < 0) {
        throw new IllegalStateException("age band index of more than one byte at " + bandAt);
      }
      byte[] changed = bytes.clone();
      changed[bandAt] = encoded;
      return changed;
    } catch (RuntimeException e) {
      throw corrupt(bytes, e);
    }
  }

  /**
   * {@link FriendSets#add} on the bytes: the set with {@code friend} inserted in id order (beyond
   * {@code cap} stored friends only the degree grows), or null when the friend is already there. The
   * result is byte for byte what encoding the changed set gives; sets in a layout the serde does not
   * write, and ids whose UTF-8 order could differ from Java's string order, take the decoding path.
   */
  public static byte[] withFriend(byte[] bytes, Friend friend, int cap) {
    try {
      byte[] wanted = friend.getId().getBytes(StandardCharsets.UTF_8);
      Layout layout = Layout.of(bytes, wanted);
      if (layout != null && layout.match >= 0) {
        return null;
      }
      if (layout == null || layout.insertAt < 0) {
        FriendSet set = decode(bytes);
        return FriendSets.add(set, friend, cap) ? encode(set) : null;
      }
      Writer out = new Writer(bytes.length + wanted.length + 24);
      out.header(layout.degree + 1, layout.count < cap ? layout.count + 1 : layout.count);
      if (layout.count < cap) {
        out.copy(bytes, layout.itemsStart, layout.insertAt);
        out.entry(wanted, friend);
        out.copy(bytes, layout.insertAt, layout.itemsEnd);
      } else {
        out.copy(bytes, layout.itemsStart, layout.itemsEnd);
      }
      return out.endOfArray();
    } catch (RuntimeException e) {
      throw corrupt(bytes, e);
    }
  }

  /** {@link FriendSets#remove} on the bytes; null when the friend is not stored. */
  public static byte[] withoutFriend(byte[] bytes, String friendId) {
    try {
      Layout layout = Layout.of(bytes, friendId.getBytes(StandardCharsets.UTF_8));
      if (layout == null) {
        FriendSet set = decode(bytes);
        return FriendSets.remove(set, friendId) ? encode(set) : null;
      }
      if (layout.match < 0) {
        return null;
      }
      int entryEnd = skipEntry(new Cursor(bytes, layout.match));
      Writer out = new Writer(bytes.length);
      out.header(Math.max(0, layout.degree - 1), layout.count - 1);
      out.copy(bytes, layout.itemsStart, layout.match);
      out.copy(bytes, entryEnd, layout.itemsEnd);
      return out.endOfArray();
    } catch (RuntimeException e) {
      throw corrupt(bytes, e);
    }
  }

  /** The end of the entry the cursor is at. */
  private static int skipEntry(Cursor in) {
    in.skip(Math.toIntExact(in.readLong())); // id
    skipRestOfEntry(in);
    return in.position;
  }

  /** Past an entry's fields after its id. */
  private static void skipRestOfEntry(Cursor in) {
    in.skipVarint(); // since
    in.readBoolean(); // initiatedBySelf
    in.skipVarint(); // ageBand
  }

  /**
   * UTF-8 bytes compare like Java strings (UTF-16 code units) as long as no character is at or above
   * U+D000 (UTF-8 lead byte 0xED and up): surrogates and U+E000-U+FFFF are ordered differently.
   */
  private static boolean orderedLikeStrings(byte[] bytes, int from, int to) {
    for (int i = from; i < to; i++) {
      if ((bytes[i] & 0xff) >= 0xED) {
        return false;
      }
    }
    return true;
  }

  /**
   * Where the serde's own layout puts things: degree, then one block of {@code count} friends, then
   * 0; and, found in the same pass, the entry with a wanted id ({@code match}, or -1) or where it
   * belongs ({@code insertAt}; -1 when an id on the way, or the wanted one, does not compare as
   * bytes as it does as a string).
   */
  private record Layout(int degree, int count, int itemsStart, int itemsEnd, int match, int insertAt) {
    /** Null for any other layout (several blocks, sized blocks, trailing bytes). */
    static Layout of(byte[] bytes, byte[] wanted) {
      Cursor in = payload(bytes);
      int degree = Math.toIntExact(in.readLong());
      long count = in.readLong();
      if (count < 0) {
        return null;
      }
      int itemsStart = in.position;
      int match = -1;
      int insertAt = -1;
      boolean ordered = orderedLikeStrings(wanted, 0, wanted.length); // so far
      boolean searching = true;
      for (long i = 0; i < count; i++) {
        int entry = in.position;
        int length = Math.toIntExact(in.readLong());
        if (searching) {
          ordered &= orderedLikeStrings(bytes, in.position, in.position + length);
          int order = Arrays.compareUnsigned(bytes, in.position, in.position + length, wanted, 0, wanted.length);
          if (order == 0) {
            match = entry;
            searching = false;
          } else if (order > 0 && ordered) { // sorted by id: the wanted id is not further on
            insertAt = entry;
            searching = false;
          }
        }
        in.skip(length);
        skipRestOfEntry(in);
      }
      int itemsEnd = in.position;
      if (searching && ordered) {
        insertAt = itemsEnd;
      }
      boolean oneBlock = count == 0 || in.readLong() == 0;
      return oneBlock && in.position == bytes.length
          ? new Layout(degree, Math.toIntExact(count), itemsStart, itemsEnd, match, insertAt) : null;
    }
  }

  /** Avro binary of a friend set, written in the serde's layout. */
  private static final class Writer {
    private byte[] out;
    private int size;
    private int count;

    Writer(int capacity) {
      out = new byte[capacity];
    }

    void header(int degree, int count) {
      this.count = count;
      write(InternalAvroSerde.FORMAT_V1);
      varint(degree);
      varint(count);
    }

    void entry(byte[] id, Friend friend) {
      varint(id.length);
      copy(id, 0, id.length);
      varint(friend.getSince());
      write(friend.getInitiatedBySelf() ? 1 : 0);
      varint(friend.getAgeBand().ordinal());
    }

    void copy(byte[] from, int start, int end) {
      ensure(end - start);
      System.arraycopy(from, start, out, size, end - start);
      size += end - start;
    }

    /** The array's closing 0 (an empty array is its zero count alone), and the bytes. */
    byte[] endOfArray() {
      if (count > 0) {
        write(0);
      }
      return Arrays.copyOf(out, size);
    }

    private void varint(long value) {
      long zigzag = (value << 1) ^ (value >> 63);
      while ((zigzag & ~0x7fL) != 0) {
        write((int) ((zigzag & 0x7f) | 0x80));
        zigzag >>>= 7;
      }
      write((int) zigzag);
    }

    private void write(int b) {
      ensure(1);
      out[size++] = (byte) b;
    }

    private void ensure(int more) {
      if (size + more > out.length) {
        out = Arrays.copyOf(out, Math.max(out.length * 2, size + more));
      }
    }
  }

  /**
   * Where {@code friendId}'s entry starts (its id's length), or -1. Friends are stored sorted by id,
   * so the search ends at the first id beyond it, when both compare as bytes as they do as strings.
   */
  private static int entryOf(byte[] bytes, String friendId) {
    byte[] wanted = friendId.getBytes(StandardCharsets.UTF_8);
    boolean wantedOrdered = orderedLikeStrings(wanted, 0, wanted.length);
    Cursor in = payload(bytes);
    in.skipVarint(); // degree
    for (long count = in.readBlockCount(); count != 0; count = in.readBlockCount()) {
      for (long i = 0; i < count; i++) {
        int entry = in.position;
        int length = Math.toIntExact(in.readLong());
        int order = Arrays.compareUnsigned(bytes, in.position, in.position + length, wanted, 0, wanted.length);
        if (order == 0) {
          return entry;
        }
        if (order > 0 && wantedOrdered && orderedLikeStrings(bytes, in.position, in.position + length)) {
          return -1;
        }
        in.skip(length);
        skipRestOfEntry(in);
      }
    }
    return -1;
  }

  /** The stored friends one at a time, in id order, for {@link StoredFriends}. */
  static Entries entries(byte[] bytes) {
    return new Entries(bytes);
  }

  /**
   * A reader of the stored friends in any layout Avro writes (one block, sized blocks): each entry's
   * numbers are read as it is reached, its id is decoded only when asked for. Bytes that end too
   * soon are reported as a corrupt record.
   */
  static final class Entries {
    private final byte[] bytes;
    private final Cursor in;
    private long leftInBlock;
    private boolean ended;
    private int idStart;
    private int idLength;
    private long since;
    private boolean initiatedBySelf;
    private int ageBand;

    private Entries(byte[] bytes) {
      this.bytes = bytes;
      this.in = payload(bytes);
      try {
        in.skipVarint(); // the degree
      } catch (RuntimeException e) {
        throw corrupt(bytes, e);
      }
    }

    /** Moves to the next stored friend; false after the last. */
    boolean next() {
      try {
        return readNext();
      } catch (RuntimeException e) {
        throw corrupt(bytes, e);
      }
    }

    private boolean readNext() {
      while (!ended && leftInBlock == 0) {
        leftInBlock = in.readBlockCount();
        ended = leftInBlock == 0;
      }
      if (ended) {
        return false;
      }
      leftInBlock--;
      idLength = Math.toIntExact(in.readLong());
      idStart = in.position;
      in.skip(idLength);
      since = in.readLong();
      initiatedBySelf = in.readBoolean();
      ageBand = Math.toIntExact(in.readLong());
      if (ageBand < 0 || ageBand >= AGE_BANDS.length) {
        throw new IllegalStateException("age band index " + ageBand + " of " + AGE_BANDS.length + " bands");
      }
      return true;
    }

    String id() {
      return new String(bytes, idStart, idLength, StandardCharsets.UTF_8);
    }

    long since() {
      return since;
    }

    boolean initiatedBySelf() {
      return initiatedBySelf;
    }

    AgeBand ageBand() {
      return AGE_BANDS[ageBand];
    }
  }

  /** Past the format byte; an unknown format is refused by the serde, with its message. */
  private static Cursor payload(byte[] bytes) {
    if (bytes.length == 0 || bytes[0] != InternalAvroSerde.FORMAT_V1) {
      decode(bytes); // throws the serde's "unknown format version"
    }
    return new Cursor(bytes, 1);
  }

  private static SerializationException corrupt(byte[] bytes, RuntimeException cause) {
    if (cause instanceof SerializationException serde) {
      return serde;
    }
    return new SerializationException("internal FriendSet record of " + bytes.length + " bytes is corrupt: " + cause);
  }

  private static void requireLayout(Schema schema, List<String> expected) {
    List<String> actual = schema.getFields().stream().map(f -> f.name() + ":" + f.schema().getType()).toList();
    if (!actual.equals(expected)) {
      throw new IllegalStateException(schema.getName() + " fields are " + actual + ", FriendSetBytes reads " + expected);
    }
  }

  /** Avro binary primitives over a byte array. */
  private static final class Cursor {
    private final byte[] bytes;
    private int position;

    Cursor(byte[] bytes, int position) {
      this.bytes = bytes;
      this.position = position;
    }

    /** A zig-zag varint, as Avro writes int, long, lengths and counts. */
    long readLong() {
      long raw = 0;
      int shift = 0;
      byte b;
      do {
        if (shift > 63) {
          throw new IllegalStateException("varint longer than 10 bytes at " + position);
        }
        b = bytes[position++];
        raw |= (long) (b & 0x7f) << shift;
        shift += 7;
      } while (b < 0);
      return (raw >>> 1) ^ -(raw & 1);
    }

    /**
     * The item count of the array block the cursor is at, past its header: 0 ends the array; a
     * negative count is a block that also gives its size in bytes, which is skipped.
     */
    long readBlockCount() {
      long count = readLong();
      if (count < 0) {
        count = -count;
        readLong();
      }
      return count;
    }

    /** Past a varint without decoding it. */
    void skipVarint() {
      int next = Varints.skip(bytes, position);
      if (next < 0 || next - position > 10) {
        throw new IllegalStateException("varint runs past the end or beyond 10 bytes at " + position);
      }
      position = next;
    }

    boolean readBoolean() {
      return bytes[position++] != 0;
    }

    void skip(int length) {
      if (length < 0 || position + length > bytes.length) {
        throw new IllegalStateException("string of " + length + " bytes runs past the end at " + position);
      }
      position += length;
    }
  }
}
