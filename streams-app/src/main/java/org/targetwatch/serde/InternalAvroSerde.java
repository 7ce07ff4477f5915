package org.targetwatch.serde;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
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
import org.targetwatch.schema.internal.AccountMessage;
import org.targetwatch.schema.internal.ActivityCounts;
import org.targetwatch.schema.internal.WaitingMessage;

/**
 * Serde for the detector's own state and internal topics: one format-version byte, then Avro binary
 * of the generated class's schema. No schema registry: these bytes never leave the application, and
 * the version byte is what an upgrade that changes an internal schema switches on: a type whose
 * schema changed writes the next format byte, and bytes of its earlier formats are read with the
 * schema they were written with ({@link #EARLIER_FORMATS}, kept under {@code internal-history/} in
 * the schemas module) resolved to the current one, new fields taking their defaults.
 */
public final class InternalAvroSerde<T extends SpecificRecord> implements Serde<T> {
  /** The first byte of every value of a type whose schema has not changed since formats began. */
  public static final byte FORMAT_V1 = 1;

  /**
   * The writer schemas of each type's earlier formats, by format byte (1, 2, ...); a type listed
   * here writes the byte after its last earlier format. {@code AccountMessage} format 1 has no
   * sequence number, format 2 no sum of degrees carried with a contact (nor has {@code WaitingMessage}
   * format 1, which holds one), format 3 no age homophily carried with a contact; {@code
   * ActivityCounts} format 1 has no links among targets or degree sum (docs/operations.md, upgrade
   * notes).
   *
   * <p>A format byte may have been written with more than one schema: versions from {@code 16b0289}
   * added the recipient's age homophily to an answer without a new byte, so {@code AccountMessage}
   * format 3 and {@code WaitingMessage} format 2 come with or without it. Such bytes are read with
   * each of their schemas in turn, the first that reads them to their exact end winning, the schema
   * without the factor first: bytes without it it reads exactly; bytes with it it cannot, because the
   * factor is a non-negative double whose last byte has no continuation bit, so the varints it
   * misreads there end within those eight bytes and leave the sequence number unread.
   */
  static final Map<Class<?>, List<List<String>>> EARLIER_FORMATS = Map.of(
      AccountMessage.class, List.of(
          List.of("/internal-history/AccountMessage-1.avsc"),
          List.of("/internal-history/AccountMessage-2.avsc"),
          List.of("/internal-history/AccountMessage-3.avsc", "/internal-history/AccountMessage-3-with-homophily.avsc")),
      WaitingMessage.class, List.of(
          List.of("/internal-history/WaitingMessage-1.avsc"),
          List.of("/internal-history/WaitingMessage-2.avsc", "/internal-history/WaitingMessage-2-with-homophily.avsc")),
      ActivityCounts.class, List.of(List.of("/internal-history/ActivityCounts-1.avsc")));

  private final Class<T> type;
  private final Schema schema;
  private final byte format;
  /** {@code earlier[b - 1]}: the writer schemas of format byte {@code b}, for every {@code b < format}. */
  private final Schema[][] earlier;
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
    this.earlier = EARLIER_FORMATS.getOrDefault(type, List.of()).stream()
        .map(schemas -> schemas.stream().map(InternalAvroSerde::historySchema).toArray(Schema[]::new))
        .toArray(Schema[][]::new);
    this.format = (byte) (earlier.length + 1);
    this.codecs = ThreadLocal.withInitial(() -> new Codec<>(schema, format, earlier));
  }

  private static Schema historySchema(String resource) {
    try (InputStream in = InternalAvroSerde.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("the schema of an earlier internal format is missing: " + resource);
      }
      return new Schema.Parser().parse(in);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + resource, e);
    }
  }

  /** The format byte this serde writes. */
  public byte format() {
    return format;
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
    if (length == 0 || buffer[offset] < FORMAT_V1 || buffer[offset] > format) {
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
    private final byte format;
    /** Readers of the earlier formats' schemas, made on first use: they resolve the old schema to the current one. */
    private final SpecificDatumReader<T>[][] earlierReaders;
    private final Schema[][] earlierSchemas;
    private final Schema schema;
    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream(256);
    private BinaryEncoder encoder;
    private BinaryDecoder decoder;

    @SuppressWarnings("unchecked")
    Codec(Schema schema, byte format, Schema[][] earlierSchemas) {
      this.schema = schema;
      this.format = format;
      this.earlierSchemas = earlierSchemas;
      this.earlierReaders = new SpecificDatumReader[earlierSchemas.length][];
      for (int i = 0; i < earlierSchemas.length; i++) {
        earlierReaders[i] = new SpecificDatumReader[earlierSchemas[i].length];
      }
      this.writer = new SpecificDatumWriter<>(schema, WITH_GENERATED_CODERS);
      this.reader = new SpecificDatumReader<>(schema, schema, WITH_GENERATED_CODERS);
    }

    byte[] encode(T value) {
      buffer.reset();
      buffer.write(format);
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
      byte written = buffer[offset];
      if (written == format) {
        return reader.read(null, decoderOf(buffer, offset, length));
      }
      SpecificDatumReader<T>[] readers = earlierReaders[written - 1];
      if (readers.length == 1) {
        return earlierReader(written, 0).read(null, decoderOf(buffer, offset, length));
      }
      for (int i = 0; i < readers.length; i++) { // one format byte, several schemas: the one that reads to the end
        T value = readToTheEnd(earlierReader(written, i), buffer, offset, length);
        if (value != null) {
          return value;
        }
      }
      throw new IOException("no schema of format " + written + " reads its " + (length - 1) + " bytes to their end");
    }

    /** The value {@code reader} reads from the bytes when it reads them to their exact end; null otherwise. */
    private T readToTheEnd(SpecificDatumReader<T> reader, byte[] buffer, int offset, int length) {
      try {
        T value = reader.read(null, decoderOf(buffer, offset, length));
        return decoder.isEnd() ? value : null;
      } catch (IOException | RuntimeException e) {
        return null; // another of the format's schemas, or none
      }
    }

    private BinaryDecoder decoderOf(byte[] buffer, int offset, int length) {
      decoder = DecoderFactory.get().binaryDecoder(buffer, offset + 1, length - 1, decoder);
      return decoder;
    }

    private SpecificDatumReader<T> earlierReader(byte written, int alternative) {
      int index = written - 1;
      if (earlierReaders[index][alternative] == null) {
        earlierReaders[index][alternative] = new SpecificDatumReader<>(earlierSchemas[index][alternative], schema,
            WITH_GENERATED_CODERS);
      }
      return earlierReaders[index][alternative];
    }
  }
}
