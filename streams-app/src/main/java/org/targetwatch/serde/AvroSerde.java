package org.targetwatch.serde;

import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;
import org.targetwatch.registry.SchemaRegistryClient;

/**
 * A Kafka {@link Serde} for one generated Avro record type in the Confluent wire format: {@code
 * AvroSerde.of(Profile.class, registry)} for a ready value serde, or {@code new
 * AvroSerde<>(Profile.class)} then {@link #configure} with the registry keys of
 * {@link org.targetwatch.registry.RegistryConfigKeys}.
 */
public final class AvroSerde<T extends SpecificRecord> implements Serde<T> {

  private final AvroSerializer<T> serializer;
  private final AvroDeserializer<T> deserializer;

  /** A serde to be configured with the registry keys. */
  public AvroSerde(Class<T> type) {
    this.serializer = new AvroSerializer<>(type);
    this.deserializer = new AvroDeserializer<>(type);
  }

  /** A ready serde for record values; the schema is registered on first use. */
  public AvroSerde(Class<T> type, SchemaRegistryClient registry) {
    this(type, registry, false, true);
  }

  /** A ready serde: {@code isKey} picks the {@code {topic}-key} subject; {@code autoRegister} registers or only looks up. */
  public AvroSerde(Class<T> type, SchemaRegistryClient registry, boolean isKey, boolean autoRegister) {
    this.serializer = new AvroSerializer<>(type, registry, isKey, autoRegister);
    this.deserializer = new AvroDeserializer<>(type, registry);
  }

  public static <T extends SpecificRecord> AvroSerde<T> of(Class<T> type) {
    return new AvroSerde<>(type);
  }

  public static <T extends SpecificRecord> AvroSerde<T> of(Class<T> type, SchemaRegistryClient registry) {
    return new AvroSerde<>(type, registry);
  }

  @Override
  public void configure(Map<String, ?> configs, boolean isKey) {
    serializer.configure(configs, isKey);
    deserializer.configure(configs, isKey);
  }

  @Override
  public Serializer<T> serializer() {
    return serializer;
  }

  @Override
  public Deserializer<T> deserializer() {
    return deserializer;
  }
}
