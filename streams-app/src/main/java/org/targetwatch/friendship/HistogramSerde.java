package org.targetwatch.friendship;

import java.nio.ByteBuffer;
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

  @Override
  public Serializer<long[]> serializer() {
    return (topic, slots) -> {
      if (slots == null) {
        return null;
      }
      ByteBuffer buffer = ByteBuffer.allocate(1 + 5 + slots.length * 10);
      buffer.put(FORMAT_V1);
      writeVarlong(slots.length, buffer);
      for (long slot : slots) {
        writeVarlong(slot, buffer);
      }
      byte[] bytes = new byte[buffer.position()];
      buffer.flip();
      buffer.get(bytes);
      return bytes;
    };
  }

  @Override
  public Deserializer<long[]> deserializer() {
    return (topic, bytes) -> {
      if (bytes == null) {
        return null;
      }
      if (bytes.length == 0 || bytes[0] != FORMAT_V1) {
        throw new SerializationException("degree histogram has an unknown format version");
      }
      ByteBuffer buffer = ByteBuffer.wrap(bytes, 1, bytes.length - 1);
      int length = (int) readVarlong(buffer);
      long[] slots = new long[length];
      for (int i = 0; i < length; i++) {
        slots[i] = readVarlong(buffer);
      }
      return slots;
    };
  }

  private static void writeVarlong(long value, ByteBuffer buffer) {
    while ((value & ~0x7FL) != 0) {
      buffer.put((byte) ((value & 0x7F) | 0x80));
      value >>>= 7;
    }
    buffer.put((byte) value);
  }

  private static long readVarlong(ByteBuffer buffer) {
    long value = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      byte b = buffer.get();
      value |= (long) (b & 0x7F) << shift;
      if ((b & 0x80) == 0) {
        return value;
      }
    }
    throw new SerializationException("degree histogram has a malformed varint");
  }
}
