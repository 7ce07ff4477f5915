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

  /** Where {@code friendId}'s entry starts (its id's length), or -1. */
  private static int entryOf(byte[] bytes, String friendId) {
    byte[] wanted = friendId.getBytes(StandardCharsets.UTF_8);
    Cursor in = payload(bytes);
    in.readLong(); // degree
    for (long count = in.readLong(); count != 0; count = in.readLong()) {
      if (count < 0) { // a block that also gives its size in bytes
        count = -count;
        in.readLong();
      }
      for (long i = 0; i < count; i++) {
        int entry = in.position;
        int length = Math.toIntExact(in.readLong());
        boolean match = length == wanted.length
            && Arrays.equals(bytes, in.position, in.position + length, wanted, 0, length);
        if (match) {
          return entry;
        }
        in.skip(length);
        in.readLong(); // since
        in.readBoolean(); // initiatedBySelf
        in.readLong(); // ageBand
      }
    }
    return -1;
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
