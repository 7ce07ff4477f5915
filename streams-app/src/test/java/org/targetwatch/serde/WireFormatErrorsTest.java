package org.targetwatch.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.Arrays;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.targetwatch.registry.EmbeddedSchemaRegistry;
import org.targetwatch.registry.HttpSchemaRegistryClient;
import org.targetwatch.registry.RegistryClientConfig;
import org.targetwatch.schema.Alert;
import org.targetwatch.schema.MessageEvent;

/** Bytes that are not a readable record fail with one precise line, fit for a dead-letter header. */
class WireFormatErrorsTest {

  private EmbeddedSchemaRegistry registry;
  private AvroSerde<Alert> alerts;

  @BeforeEach
  void startRegistry() {
    registry = EmbeddedSchemaRegistry.start();
    alerts = AvroSerde.of(Alert.class, new HttpSchemaRegistryClient(RegistryClientConfig.forUrl(registry.url())));
  }

  @AfterEach
  void stopRegistry() {
    registry.close();
  }

  @Test
  void aWrongMagicByteIsRejectedWithTheByteAndTheTopic() {
    byte[] json = "{\"alertId\":\"x\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8);

    WireFormatException e = catchThrowableOfType(WireFormatException.class, () -> alerts.deserializer().deserialize("alerts", json));

    assertThat(e).isInstanceOf(SerializationException.class)
        .hasMessage("Record on topic 'alerts' is not in the Confluent wire format: magic byte is 0x7B, expected 0x00");
    assertThat(e.problem()).isEqualTo(WireFormatProblem.WRONG_MAGIC_BYTE);
    assertThat(e.problem().recordAtFault()).isTrue();
  }

  @Test
  void fewerThanFiveBytesAreRejectedAsTooShortForAHeader() {
    assertThatThrownBy(() -> alerts.deserializer().deserialize("alerts", new byte[] {0, 0, 1}))
        .isInstanceOf(WireFormatException.class)
        .hasMessage("Record on topic 'alerts' is too short for the Confluent wire format: 3 bytes, the header alone needs 5"
            + " (magic byte 0x00 and a 4-byte schema id)");
    assertThatThrownBy(() -> alerts.deserializer().deserialize("alerts", new byte[0]))
        .hasMessageContaining("0 bytes");
  }

  @Test
  void anUnknownSchemaIdIsRejectedWithTheRegistrysAnswer() {
    byte[] wire = ConfluentWireFormat.frame(999, new byte[] {2, 'x'});

    WireFormatException e = catchThrowableOfType(WireFormatException.class, () -> alerts.deserializer().deserialize("alerts", wire));

    assertThat(e).hasMessage("Record on topic 'alerts' has an unknown schema id 999: Schema registry could not fetch schema id 999: GET "
        + registry.url() + "/schemas/ids/999 answered HTTP 404, error_code 40403: Schema 999 not found");
    assertThat(e.problem()).isEqualTo(WireFormatProblem.UNKNOWN_SCHEMA_ID);
    assertThat(e.schemaId()).isEqualTo(999);
  }

  @Test
  void aTruncatedAvroPayloadIsRejectedWithTheSchemaIdAndByteCount() {
    byte[] wire = alerts.serializer().serialize("alerts", ContractRecords.highAlert());
    byte[] truncated = Arrays.copyOf(wire, wire.length - 10);
    int payloadBytes = truncated.length - 5;

    WireFormatException e = catchThrowableOfType(WireFormatException.class, () -> alerts.deserializer().deserialize("alerts", truncated));

    assertThat(e).hasMessageStartingWith("Record on topic 'alerts' with schema id 1 has a truncated or corrupt Avro payload ("
        + payloadBytes + " bytes after the 5-byte header): EOFException");
    assertThat(e.problem()).isEqualTo(WireFormatProblem.CORRUPT_PAYLOAD);
  }

  @Test
  void bytesLeftOverAfterTheRecordAreRejectedAsCorrupt() {
    byte[] wire = alerts.serializer().serialize("alerts", ContractRecords.highAlert());
    byte[] padded = Arrays.copyOf(wire, wire.length + 3);

    assertThatThrownBy(() -> alerts.deserializer().deserialize("alerts", padded))
        .isInstanceOf(WireFormatException.class)
        .hasMessage("Record on topic 'alerts' with schema id 1 has a corrupt Avro payload: 3 of its " + (padded.length - 5)
            + " bytes after the header are left over after decoding");
  }

  @Test
  void aRegistryThatIsGoneIsReportedAsUnavailableNotAsABadRecord() {
    byte[] wire = alerts.serializer().serialize("alerts", ContractRecords.highAlert());
    AvroSerde<Alert> freshReader = AvroSerde.of(Alert.class, new HttpSchemaRegistryClient(RegistryClientConfig.forUrl(registry.url())));
    registry.close();

    WireFormatException e = catchThrowableOfType(WireFormatException.class, () -> freshReader.deserializer().deserialize("alerts", wire));

    assertThat(e).hasMessage("Record on topic 'alerts' has schema id 1 but its writer schema could not be fetched: Schema registry"
        + " could not fetch schema id 1: connection refused by " + registry.url());
    assertThat(e.problem()).isEqualTo(WireFormatProblem.REGISTRY_UNAVAILABLE);
    assertThat(e.problem().recordAtFault()).isFalse();
  }

  @Test
  void aTombstoneIsReadAsNull() {
    assertThat(alerts.deserializer().deserialize("alerts", null)).isNull();
  }

  @Test
  void aRecordMissingARequiredFieldCannotBeEncodedAndTheMessageNamesTheField() {
    MessageEvent incomplete = new MessageEvent(); // eventId and the rest left null

    assertThatThrownBy(() -> AvroSerde.of(MessageEvent.class, new HttpSchemaRegistryClient(RegistryClientConfig.forUrl(registry.url())))
            .serializer().serialize("messages", incomplete))
        .isInstanceOf(WireFormatException.class)
        .hasMessageStartingWith("Cannot encode a org.targetwatch.schema.MessageEvent for topic 'messages' with schema id 1: ")
        .hasMessageContaining("MessageEvent.eventId");
  }

  @Test
  void withoutAutoRegistrationAnUnregisteredSchemaIsACleanError() {
    AvroSerde<Alert> lookUpOnly = new AvroSerde<>(Alert.class, new HttpSchemaRegistryClient(RegistryClientConfig.forUrl(registry.url())), false, false);

    assertThatThrownBy(() -> lookUpOnly.serializer().serialize("alerts", ContractRecords.highAlert()))
        .isInstanceOf(WireFormatException.class)
        .hasMessage("Cannot serialize a record for topic 'alerts': its schema is not registered under subject 'alerts-value' and"
            + " auto.register.schemas is false: Schema registry could not look up a schema under subject 'alerts-value': POST "
            + registry.url() + "/subjects/alerts-value answered HTTP 404, error_code 40401: Subject 'alerts-value' not found.");
  }
}
