package org.targetwatch.serde;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.targetwatch.registry.EmbeddedSchemaRegistry;
import org.targetwatch.registry.HttpSchemaRegistryClient;
import org.targetwatch.registry.RegistryClientConfig;
import org.targetwatch.registry.SchemaRegistryClient;
import org.targetwatch.schema.Alert;
import org.targetwatch.schema.MessageEvent;
import org.targetwatch.schema.Profile;

/** Every contract record survives the trip through the HTTP registry client and a real registry server on loopback. */
class AvroSerdeOverHttpTest {

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

  static Stream<SpecificRecord> everyContractRecord() {
    return WireBytesTest.everyContractRecord();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("everyContractRecord")
  @SuppressWarnings({"unchecked", "rawtypes"})
  void eachRecordTypeComesBackEqualAfterARoundTripOverHttp(SpecificRecord record) {
    AvroSerde serde = AvroSerde.of(record.getClass(), client);

    byte[] wire = serde.serializer().serialize("contract", record);
    Object back = serde.deserializer().deserialize("contract", wire);

    assertThat(back).isEqualTo(record);
    assertThat(registry.store().subjects()).containsExactly("contract-value");
  }

  @Test
  void theSameSchemaRegisteredTwiceGetsTheSameId() {
    SchemaRegistryClient otherClient = new HttpSchemaRegistryClient(RegistryClientConfig.forUrl(registry.url()));

    int first = client.register("profiles-value", Profile.getClassSchema());
    int again = otherClient.register("profiles-value", Profile.getClassSchema());
    int underAnotherSubject = otherClient.register("profiles-archive-value", Profile.getClassSchema());

    assertThat(again).isEqualTo(first);
    assertThat(underAnotherSubject).isEqualTo(first);
    assertThat(registry.store().versions("profiles-value")).containsExactly(1);
  }

  @Test
  void aSecondClientReadsWhatTheFirstWroteByFetchingTheSchemaById() {
    byte[] wire = AvroSerde.of(Alert.class, client).serializer().serialize("alerts", ContractRecords.highAlert());
    SchemaRegistryClient reader = new HttpSchemaRegistryClient(RegistryClientConfig.forUrl(registry.url()));

    Alert back = AvroSerde.of(Alert.class, reader).deserializer().deserialize("alerts", wire);

    assertThat(back).isEqualTo(ContractRecords.highAlert());
    assertThat(reader.schemaById(ConfluentWireFormat.schemaIdOf(wire, "alerts"))).isEqualTo(Alert.getClassSchema());
  }

  @Test
  void afterTheFirstRecordNeitherSerializingNorDeserializingCallsTheRegistryAgain() {
    AvroSerde<MessageEvent> serde = AvroSerde.of(MessageEvent.class, client);
    byte[] wire = serde.serializer().serialize("messages", ContractRecords.coldMessage());
    serde.deserializer().deserialize("messages", wire);
    long requestsAfterFirstUse = registry.requestCount();

    serde.serializer().serialize("messages", ContractRecords.coldMessage());
    serde.deserializer().deserialize("messages", wire);
    // a fresh serde on the same client relies on the client's cache
    AvroSerde<MessageEvent> freshSerde = AvroSerde.of(MessageEvent.class, client);
    freshSerde.deserializer().deserialize("messages", freshSerde.serializer().serialize("messages", ContractRecords.coldMessage()));

    assertThat(requestsAfterFirstUse).isEqualTo(1); // register answers the id; the schema by id is cached from it
    assertThat(registry.requestCount()).isEqualTo(requestsAfterFirstUse);
  }

  @Test
  void aKeySerdeRegistersUnderTheKeySubject() {
    AvroSerde<Profile> keySerde = new AvroSerde<>(Profile.class, client, true, true);

    keySerde.serializer().serialize("profiles", ContractRecords.minorProfile());

    assertThat(registry.store().subjects()).containsExactly("profiles-key");
  }

  @Test
  void withoutAutoRegistrationTheSerializerUsesTheIdAlreadyRegistered() {
    int id = client.register("profiles-value", Profile.getClassSchema());
    SchemaRegistryClient lookUpOnly = new HttpSchemaRegistryClient(RegistryClientConfig.forUrl(registry.url()));
    AvroSerde<Profile> serde = new AvroSerde<>(Profile.class, lookUpOnly, false, false);

    byte[] wire = serde.serializer().serialize("profiles", ContractRecords.minorProfile());

    assertThat(ConfluentWireFormat.schemaIdOf(wire, "profiles")).isEqualTo(id);
    assertThat(registry.store().versions("profiles-value")).containsExactly(1);
  }

  @Test
  void aSerdeConfiguredWithConfluentKeysTalksToTheRegistryAtTheUrl() {
    AvroSerde<Profile> serde = new AvroSerde<>(Profile.class);
    serde.configure(java.util.Map.of("schema.registry.url", registry.url(), "auto.register.schemas", "true"), false);

    Profile back = serde.deserializer().deserialize("profiles", serde.serializer().serialize("profiles", ContractRecords.minorProfile()));

    assertThat(back).isEqualTo(ContractRecords.minorProfile());
    assertThat(registry.store().subjects()).containsExactly("profiles-value");
  }
}
