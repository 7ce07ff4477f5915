package org.targetwatch.serde;

import java.io.ByteArrayOutputStream;

/**
 * The Confluent wire format's header: byte 0 is the magic byte {@code 0x00}, bytes 1-4 the schema
 * id as a big-endian int32; the Avro binary body, written with that schema, follows.
 */
public final class ConfluentWireFormat {

  public static final byte MAGIC_BYTE = 0x0;
  public static final int HEADER_SIZE = 5;

  private ConfluentWireFormat() {}

  /** Writes the 5 header bytes for {@code schemaId}. */
  public static void writeHeader(ByteArrayOutputStream out, int schemaId) {
    out.write(MAGIC_BYTE);
    out.write(schemaId >>> 24);
    out.write(schemaId >>> 16);
    out.write(schemaId >>> 8);
    out.write(schemaId);
  }

  /** The 5 header bytes for {@code schemaId}. */
  public static byte[] header(int schemaId) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(HEADER_SIZE);
    writeHeader(out, schemaId);
    return out.toByteArray();
  }

  /** Header and Avro body as one record value. */
  public static byte[] frame(int schemaId, byte[] avroBody) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(HEADER_SIZE + avroBody.length);
    writeHeader(out, schemaId);
    out.writeBytes(avroBody);
    return out.toByteArray();
  }

  /**
   * The schema id in the header of {@code record}, read from {@code topic}.
   *
   * @throws WireFormatException when the record is too short for a header or its magic byte is wrong
   */
  public static int schemaIdOf(byte[] record, String topic) {
    if (record.length < HEADER_SIZE) {
      throw WireFormatException.tooShort(topic, record.length);
    }
    if (record[0] != MAGIC_BYTE) {
      throw WireFormatException.wrongMagicByte(topic, record[0]);
    }
    return (record[1] & 0xFF) << 24 | (record[2] & 0xFF) << 16 | (record[3] & 0xFF) << 8 | (record[4] & 0xFF);
  }
}
