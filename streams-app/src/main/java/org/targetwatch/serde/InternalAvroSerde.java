package org.targetwatch.serde;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import org.apache.avro.Schema;
import org.apache.avro.data.TimeConversions;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Serde for the detector's own state and internal topics: one format-version byte, then Avro binary
 * of the generated class's schema. No schema registry: these bytes never leave the application, and
 * the version byte is what an upgrade that changes an internal schema switches on.
 */
public final class InternalAvroSerde<T extends SpecificRecord> implements Serde<T> {
  /** The first byte of every value this serde writes; another value means another (future) format. */
  public static final byte FORMAT_V1 = 1;

  private final Class<T> type;
  private final Schema schema;
  private final ThreadLocal<Codec<T>> codecs;

  /**
   * Avro writing through the generated classes' own encode methods ("custom coders") instead of its
   * reflective field-by-field path: the same bytes, faster on the friend sets and contacts every
   * event writes. (Reading stays with Avro's default fast reader, which is as quick as the generated
   * decode methods.) Our own instance, so the user topics' serdes are unaffected.
   */
  private static final SpecificData WITH_GENERATED_CODERS = withGeneratedCoders();

  private InternalAvroSerde(Class<T> type) {
    this.type = type;
    this.schema = SpecificData.get().getSchema(type);
    this.codecs = ThreadLocal.withInitial(() -> new Codec<>(schema));
  }

  private static SpecificData withGeneratedCoders() {
    SpecificData data = new SpecificData(InternalAvroSerde.class.getClassLoader());
    data.setCustomCoders(true);
    // what the generated classes register in their own models (profiles' timestamps)
    data.addLogicalTypeConversion(new TimeConversions.TimestampMillisConversion());
    return data;
  }

  public static <T extends SpecificRecord> InternalAvroSerde<T> of(Class<T> type) {
    return new InternalAvroSerde<>(type);
  }

  public byte[] toBytes(T value) {
    return value == null ? null : codecs.get().encode(value);
  }

  public T fromBytes(byte[] bytes) {
    return bytes == null ? null : fromBytes(bytes, 0, bytes.length);
  }

  /** The record whose bytes ({@link #toBytes}) are {@code length} bytes of {@code buffer} from {@code offset}. */
  public T fromBytes(byte[] buffer, int offset, int length) {
    if (length == 0 || buffer[offset] != FORMAT_V1) {
      throw new SerializationException(
          "internal " + type.getSimpleName() + " record has unknown format version "
              + (length == 0 ? "(empty)" : String.valueOf(buffer[offset])));
    }
    try {
      return codecs.get().decode(buffer, offset, length);
    } catch (IOException | RuntimeException e) {
      throw new SerializationException(
          "internal " + type.getSimpleName() + " record of " + length + " bytes is corrupt: " + e.getMessage());
    }
  }

  @Override
  public Serializer<T> serializer() {
    return (topic, value) -> toBytes(value);
  }

  @Override
  public Deserializer<T> deserializer() {
    return (topic, bytes) -> fromBytes(bytes);
  }

  /** Reusable encoder/decoder state; one per thread because Avro's are not thread-safe. */
  private static final class Codec<T> {
    private final SpecificDatumWriter<T> writer;
    private final SpecificDatumReader<T> reader;
    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream(256);
    private BinaryEncoder encoder;
    private BinaryDecoder decoder;

    Codec(Schema schema) {
      this.writer = new SpecificDatumWriter<>(schema, WITH_GENERATED_CODERS);
      this.reader = new SpecificDatumReader<>(schema, schema, WITH_GENERATED_CODERS);
    }

    byte[] encode(T value) {
      buffer.reset();
      buffer.write(FORMAT_V1);
      // buffered: a direct encoder makes one synchronized stream write per field
      encoder = EncoderFactory.get().binaryEncoder(buffer, encoder);
      boolean written = false;
      try {
        writer.write(value, encoder);
        encoder.flush();
        written = true;
      } catch (IOException e) {
        throw new SerializationException("cannot encode " + value.getClass().getSimpleName(), e);
      } finally {
        if (!written) {
          encoder = null; // it may hold part of the failed record: the next encode starts clean
        }
      }
      return buffer.toByteArray();
    }

    T decode(byte[] buffer, int offset, int length) throws IOException {
      decoder = DecoderFactory.get().binaryDecoder(buffer, offset + 1, length - 1, decoder);
      return reader.read(null, decoder);
    }
  }
}
