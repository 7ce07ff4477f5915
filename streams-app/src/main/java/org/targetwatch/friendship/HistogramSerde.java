package org.targetwatch.friendship;

import java.util.Arrays;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * A histogram as a version byte, a count and unsigned varints: mostly small numbers, so about one
 * byte a bucket, and no boxing on the read that every contact makes.
 */
public final class HistogramSerde implements Serde<long[]> {
  private static final byte FORMAT_V1 = 1;
  /** The most bytes an unsigned varint of a long takes. */
  private static final int MAX_VARLONG_BYTES = 10;

  @Override
  public Serializer<long[]> serializer() {
    return (topic, slots) -> encode(slots);
  }

  @Override
  public Deserializer<long[]> deserializer() {
    return (topic, bytes) -> decode(bytes);
  }

  public static byte[] encode(long[] slots) {
    if (slots == null) {
      return null;
    }
    byte[] buffer = new byte[1 + MAX_VARLONG_BYTES * (slots.length + 1)];
    buffer[0] = FORMAT_V1;
    int position = writeVarlong(slots.length, buffer, 1);
    for (long slot : slots) {
      position = writeVarlong(slot, buffer, position);
    }
    return Arrays.copyOf(buffer, position);
  }

  /**
   * The bytes of {@code slots} ({@link #encode}), given {@code before}, those of the same histogram
   * before the slots in {@code changed} changed: a copy of {@code before} with just those slots
   * rewritten, since a count rarely changes its number of bytes; a fresh encoding otherwise. A change
   * then costs a copy of the bytes, not an encoding of every slot.
   */
  public static byte[] reencode(byte[] before, long[] slots, int... changed) {
    if (before == null || before.length < 2 || before[0] != FORMAT_V1) {
      return encode(slots);
    }
    int[] targets = changed.clone();
    Arrays.sort(targets);
    byte[] after = before.clone();
    int position = 1;
    int countEnd = Varints.skip(after, position);
    if (countEnd < 0 || countEnd - position != varlongLength(slots.length)
        || new VarlongReader(after, position).next() != slots.length) {
      return encode(slots);
    }
    position = countEnd;
    int slot = 0;
    for (int target : targets) {
      for (; slot < target && position >= 0; slot++) {
        position = Varints.skip(after, position);
      }
      int end = position < 0 ? -1 : Varints.skip(after, position);
      if (end < 0 || end - position != varlongLength(slots[target])) {
        return encode(slots);
      }
      writeVarlong(slots[target], after, position);
    }
    return after;
  }

  public static long[] decode(byte[] bytes) {
    if (bytes == null) {
      return null;
    }
    if (bytes.length == 0 || bytes[0] != FORMAT_V1) {
      throw new SerializationException("degree histogram has an unknown format version");
    }
    VarlongReader reader = new VarlongReader(bytes, 1);
    int length = (int) reader.next();
    long[] slots = new long[length];
    for (int i = 0; i < length; i++) {
      slots[i] = reader.next();
    }
    return slots;
  }

  /** Writes {@code value} at {@code position}; returns the position after it. */
  private static int writeVarlong(long value, byte[] buffer, int position) {
    while ((value & ~0x7FL) != 0) {
      buffer[position++] = (byte) ((value & 0x7F) | 0x80);
      value >>>= 7;
    }
    buffer[position++] = (byte) value;
    return position;
  }

  private static int varlongLength(long value) {
    int length = 1;
    while ((value & ~0x7FL) != 0) {
      value >>>= 7;
      length++;
    }
    return length;
  }

  private static final class VarlongReader {
    private final byte[] bytes;
    private int position;

    VarlongReader(byte[] bytes, int position) {
      this.bytes = bytes;
      this.position = position;
    }

    long next() {
      long value = 0;
      for (int shift = 0; shift < 64; shift += 7) {
        if (position >= bytes.length) {
          throw new SerializationException("degree histogram ends inside a varint");
        }
        byte b = bytes[position++];
        value |= (long) (b & 0x7F) << shift;
        if ((b & 0x80) == 0) {
          return value;
        }
      }
      throw new SerializationException("degree histogram has a malformed varint");
    }
  }
}
