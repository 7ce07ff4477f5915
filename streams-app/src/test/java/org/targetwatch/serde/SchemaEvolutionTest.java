package org.targetwatch.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.targetwatch.registry.EmbeddedSchemaRegistry;
import org.targetwatch.registry.HttpSchemaRegistryClient;
import org.targetwatch.registry.RegistryClientConfig;
import org.targetwatch.registry.SchemaRegistryClient;
import org.targetwatch.schema.MessageEvent;

/** Producers may evolve their schemas compatibly: the id in the header selects the writer schema, Avro resolves it. */
class SchemaEvolutionTest {

  private EmbeddedSchemaRegistry registry;
  private SchemaRegistryClient client;

  @BeforeEach
  void startRegistry() {
    registry = EmbeddedSchemaRegistry.start();
    client = new HttpSchemaRegistryClient(RegistryClientConfig.forUrl(registry.url()));
  }

  @AfterEach
  void stopRegistry() {
    registry.close();
  }

  /** The MessageEvent schema plus one optional field with a default, as a producer might roll out. */
  private static Schema evolvedMessageSchema() {
    String current = MessageEvent.getClassSchema().toString();
    String withClientField = current.substring(0, current.lastIndexOf(']'))
        + ",{\"name\":\"clientPlatform\",\"type\":[\"null\",\"string\"],\"default\":null}]}";
    return new Schema.Parser().parse(withClientField);
  }

  @Test
  void aRecordWrittenWithAnEvolvedWriterSchemaIsReadByTheCurrentClass() throws IOException {
    Schema evolved = evolvedMessageSchema();
    client.register("messages-value", MessageEvent.getClassSchema());
    int evolvedId = client.register("messages-value", evolved);
    GenericRecord record = new GenericData.Record(evolved);
    record.put("eventId", "msg-7");
    record.put("occurredAt", ContractRecords.NOW.toEpochMilli());
    record.put("senderId", "acc-sender");
    record.put("recipientId", "acc-minor-1");
    record.put("conversationId", null);
    record.put("hasMedia", false);
    record.put("clientPlatform", "android");
    byte[] wire = ConfluentWireFormat.frame(evolvedId, genericBinary(evolved, record));

    MessageEvent read = AvroSerde.of(MessageEvent.class, client).deserializer().deserialize("messages", wire);

    assertThat(registry.store().versions("messages-value")).containsExactly(1, 2);
    assertThat(read.getEventId()).isEqualTo("msg-7");
    assertThat(read.getOccurredAt()).isEqualTo(ContractRecords.NOW);
    assertThat(read.getRecipientId()).isEqualTo("acc-minor-1");
    assertThat(read.getConversationId()).isNull();
    assertThat(read.getHasMedia()).isFalse();
  }

  @Test
  void aRecordWrittenByTheCurrentClassIsReadByAnEvolvedReaderWithTheNewFieldDefaulted() throws IOException {
    byte[] wire = AvroSerde.of(MessageEvent.class, client).serializer().serialize("messages", ContractRecords.coldMessage());
    Schema writer = client.schemaById(ConfluentWireFormat.schemaIdOf(wire, "messages"));
    GenericDatumReader<GenericRecord> evolvedReader = new GenericDatumReader<>(writer, evolvedMessageSchema());

    GenericRecord read = evolvedReader.read(null, DecoderFactory.get().binaryDecoder(
        wire, ConfluentWireFormat.HEADER_SIZE, wire.length - ConfluentWireFormat.HEADER_SIZE, null));

    assertThat(read.get("eventId").toString()).isEqualTo("msg-1");
    assertThat(read.get("conversationId").toString()).isEqualTo("conv-9");
    assertThat(read.get("hasMedia")).isEqualTo(true);
    assertThat(read.get("clientPlatform")).isNull();
  }

  @Test
  void aWriterSchemaTheReaderCannotResolveIsRejectedNamingBothSchemasAndTheField() throws IOException {
    String current = MessageEvent.getClassSchema().toString();
    Schema hasMediaAsCount = new Schema.Parser().parse(current
        .replace("\"type\":\"boolean\"", "\"type\":\"int\"")
        .replace("\"default\":false", "\"default\":0"));
    // under another subject, so the registry's own compatibility check does not stop the producer
    int id = client.register("messages-rogue-value", hasMediaAsCount);
    GenericRecord record = new GenericData.Record(hasMediaAsCount);
    record.put("eventId", "msg-8");
    record.put("occurredAt", 1L);
    record.put("senderId", "s");
    record.put("recipientId", "r");
    record.put("conversationId", null);
    record.put("hasMedia", 2);
    byte[] wire = ConfluentWireFormat.frame(id, genericBinary(hasMediaAsCount, record));

    assertThatThrownBy(() -> AvroSerde.of(MessageEvent.class, client).deserializer().deserialize("messages", wire))
        .isInstanceOf(WireFormatException.class)
        .hasMessageStartingWith("Record on topic 'messages' was written with schema id " + id
            + " (org.targetwatch.schema.MessageEvent) which the reader org.targetwatch.schema.MessageEvent cannot read: TYPE_MISMATCH")
        .hasMessageContaining("/fields/5/type")
        .hasMessageNotContaining("\n")
        .extracting(e -> ((WireFormatException) e).problem())
        .isEqualTo(WireFormatProblem.INCOMPATIBLE_WRITER_SCHEMA);
  }

  private static byte[] genericBinary(Schema schema, GenericRecord record) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
    new GenericDatumWriter<GenericRecord>(schema).write(record, encoder);
    encoder.flush();
    return out.toByteArray();
  }
}
