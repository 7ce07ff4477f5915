package org.targetwatch.serde;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;
import org.apache.avro.SchemaCompatibility.SchemaPairCompatibility;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.DatumReader;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Deserializer;
import org.targetwatch.registry.RegistryClientConfig;
import org.targetwatch.registry.SchemaRegistryClient;
import org.targetwatch.registry.SchemaRegistryClients;
import org.targetwatch.registry.SchemaRegistryException;

/**
 * Reads a generated Avro record from the Confluent wire format: fetches the writer's schema by the
 * id in the header (once per id), resolves it against the class's schema, and keeps one reader per
 * writer id. {@code null} bytes (tombstones) give {@code null}. Thread-safe: the decoder is per thread.
 */
public final class AvroDeserializer<T extends SpecificRecord> implements Deserializer<T> {

  private final Class<T> type;
  private final SpecificData model;
  private final Schema readerSchema;
  private final Map<Integer, DatumReader<T>> readersByWriterId = new ConcurrentHashMap<>();
  private final ThreadLocal<BinaryDecoder> decoders = new ThreadLocal<>();
  private SchemaRegistryClient registry;

  /** A deserializer to be {@link #configure configured} with the registry keys. */
  public AvroDeserializer(Class<T> type) {
    this(type, null);
  }

  public AvroDeserializer(Class<T> type, SchemaRegistryClient registry) {
    this.type = type;
    this.model = SpecificData.getForClass(type);
    this.readerSchema = model.getSchema(type);
    this.registry = registry;
  }

  @Override
  public void configure(Map<String, ?> configs, boolean isKey) {
    if (registry == null) {
      registry = SchemaRegistryClients.create(RegistryClientConfig.from(configs));
    }
  }

  @Override
  public T deserialize(String topic, byte[] data) {
    if (data == null) {
      return null;
    }
    int schemaId = ConfluentWireFormat.schemaIdOf(data, topic);
    DatumReader<T> reader = readerFor(topic, schemaId);
    int payloadBytes = data.length - ConfluentWireFormat.HEADER_SIZE;
    BinaryDecoder decoder = DecoderFactory.get().binaryDecoder(data, ConfluentWireFormat.HEADER_SIZE, payloadBytes, decoders.get());
    decoders.set(decoder);
    T record;
    try {
      record = reader.read(null, decoder);
    } catch (Exception e) {
      // EOFException when truncated, AvroRuntimeException / IndexOutOfBounds / SystemLimitException when corrupt
      throw WireFormatException.corruptPayload(topic, schemaId, payloadBytes, e);
    }
    int unread = unread(decoder);
    if (unread > 0) {
      throw WireFormatException.trailingBytes(topic, schemaId, payloadBytes, unread);
    }
    return record;
  }

  private DatumReader<T> readerFor(String topic, int schemaId) {
    DatumReader<T> reader = readersByWriterId.get(schemaId);
    if (reader != null) {
      return reader;
    }
    if (registry == null) {
      throw new IllegalStateException("AvroDeserializer for " + type.getName() + " has no schema registry: call configure() first");
    }
    Schema writerSchema;
    try {
      writerSchema = registry.schemaById(schemaId);
    } catch (SchemaRegistryException e) {
      throw WireFormatException.writerSchemaUnavailable(topic, schemaId, e);
    }
    SchemaPairCompatibility compatibility = SchemaCompatibility.checkReaderWriterCompatibility(readerSchema, writerSchema);
    if (compatibility.getType() != SchemaCompatibilityType.COMPATIBLE) {
      String details = compatibility.getResult().getIncompatibilities().stream()
          .map(i -> i.getType() + " at " + i.getLocation() + " (" + i.getMessage() + ")")
          .reduce((a, b) -> a + "; " + b)
          .orElse(compatibility.getDescription());
      throw WireFormatException.incompatibleWriterSchema(topic, schemaId, writerSchema.getFullName(), readerSchema.getFullName(), details);
    }
    reader = new SpecificDatumReader<>(writerSchema, readerSchema, model);
    readersByWriterId.put(schemaId, reader);
    return reader;
  }

  private static int unread(BinaryDecoder decoder) {
    try {
      return decoder.isEnd() ? 0 : decoder.inputStream().available();
    } catch (java.io.IOException e) {
      return 1;
    }
  }
}
