package org.targetwatch.serde;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serializer;
import org.targetwatch.registry.RegistryClientConfig;
import org.targetwatch.registry.SchemaRegistryClient;
import org.targetwatch.registry.SchemaRegistryClients;
import org.targetwatch.registry.SchemaRegistryException;

/**
 * Writes a generated Avro record in the Confluent wire format with its class's schema. The schema
 * id is registered (or, with {@code auto.register.schemas=false}, looked up) once per subject
 * ({@link TopicNameStrategy}); after that serializing makes no registry call. Thread-safe: Kafka
 * Streams shares one instance between stream threads, so the buffer and encoder are per thread.
 */
public final class AvroSerializer<T extends SpecificRecord> implements Serializer<T> {

  private final Class<T> type;
  private final Schema schema;
  private final SpecificDatumWriter<T> writer;
  private final Map<String, Integer> idsBySubject = new ConcurrentHashMap<>();
  private final ThreadLocal<Output> outputs = ThreadLocal.withInitial(Output::new);
  private SchemaRegistryClient registry;
  private boolean isKey;
  private boolean autoRegister;

  /** A serializer to be {@link #configure configured} with the registry keys. */
  public AvroSerializer(Class<T> type) {
    this(type, null, false, true);
  }

  /** A ready serializer: {@code isKey} picks the {@code -key} subject, {@code autoRegister} registers the schema. */
  public AvroSerializer(Class<T> type, SchemaRegistryClient registry, boolean isKey, boolean autoRegister) {
    this.type = type;
    SpecificData model = SpecificData.getForClass(type);
    this.schema = model.getSchema(type);
    this.writer = new SpecificDatumWriter<>(schema, model);
    this.registry = registry;
    this.isKey = isKey;
    this.autoRegister = autoRegister;
  }

  @Override
  public void configure(Map<String, ?> configs, boolean isKey) {
    this.isKey = isKey;
    this.autoRegister = RegistryClientConfig.autoRegisterSchemas(configs);
    if (registry == null) {
      registry = SchemaRegistryClients.create(RegistryClientConfig.from(configs));
    }
    idsBySubject.clear();
  }

  @Override
  public byte[] serialize(String topic, T record) {
    if (record == null) {
      return null;
    }
    int schemaId = schemaIdFor(topic);
    Output output = outputs.get();
    output.bytes.reset();
    ConfluentWireFormat.writeHeader(output.bytes, schemaId);
    try {
      output.encoder = EncoderFactory.get().binaryEncoder(output.bytes, output.encoder);
      writer.write(record, output.encoder);
      output.encoder.flush();
    } catch (IOException | RuntimeException e) {
      output.encoder = null; // its buffer may hold half a record
      throw WireFormatException.encodingFailed(topic, schemaId, type.getName(), e);
    }
    return output.bytes.toByteArray();
  }

  /** Registers (or looks up) the schema under {@code topic}'s subject now; returns its id. */
  public int register(String topic) {
    return schemaIdFor(topic);
  }

  /** The schema the records are written with: the generated class's. */
  public Schema schema() {
    return schema;
  }

  private int schemaIdFor(String topic) {
    if (registry == null) {
      throw new IllegalStateException("AvroSerializer for " + type.getName() + " has no schema registry: call configure() first");
    }
    String subject = TopicNameStrategy.subjectOf(topic, isKey);
    Integer cached = idsBySubject.get(subject);
    if (cached != null) {
      return cached;
    }
    try {
      int id = autoRegister ? registry.register(subject, schema) : registry.idOf(subject, schema);
      idsBySubject.put(subject, id);
      return id;
    } catch (SchemaRegistryException e) {
      throw WireFormatException.registryRefused(topic, subject, e);
    }
  }

  /** One thread's reusable output buffer and encoder. */
  private static final class Output {
    final ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
    BinaryEncoder encoder;
  }
}
