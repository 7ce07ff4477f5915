package org.targetwatch.serde;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.stream.Stream;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;
import org.targetwatch.registry.InMemorySchemaRegistry;
import org.targetwatch.schema.Profile;

/** The bytes on the wire are exactly Confluent's framing around exactly Avro's binary encoding. */
class WireBytesTest {

  /** Four distinct bytes, so a wrong byte order shows. */
  private static final int SCHEMA_ID = 0x01020304;

  static Stream<SpecificRecord> everyContractRecord() {
    return Stream.of(ContractRecords.minorProfile(), ContractRecords.friendRequestSent(),
        ContractRecords.coldMessage(), ContractRecords.highAlert());
  }

  @Test
  void theHeaderIsMagicZeroThenTheSchemaIdBigEndian() {
    assertThat(ConfluentWireFormat.header(SCHEMA_ID)).containsExactly(0x00, 0x01, 0x02, 0x03, 0x04);
    assertThat(ConfluentWireFormat.header(0xCAFEBABE)).containsExactly(0x00, 0xCA, 0xFE, 0xBA, 0xBE);
  }

  @Test
  void theSchemaIdIsReadBackFromTheHeaderIncludingHighBytes() {
    byte[] record = ConfluentWireFormat.frame(0xCAFEBABE, new byte[] {42});
    assertThat(ConfluentWireFormat.schemaIdOf(record, "t")).isEqualTo(0xCAFEBABE);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("everyContractRecord")
  @SuppressWarnings({"unchecked", "rawtypes"})
  void eachRecordTypeIsFramedAroundExactlyAvrosOwnBinaryEncoding(SpecificRecord record) throws IOException {
    AvroSerializer serializer = new AvroSerializer(record.getClass(), new InMemorySchemaRegistry(SCHEMA_ID), false, true);

    byte[] wire = serializer.serialize("topic", record);

    byte[] avro = avroBinary(record);
    assertThat(wire).hasSize(5 + avro.length);
    assertThat(wire).startsWith(0x00, 0x01, 0x02, 0x03, 0x04);
    assertThat(java.util.Arrays.copyOfRange(wire, 5, wire.length)).isEqualTo(avro);
  }

  @Test
  void aProfileIsEncodedFieldByFieldAsTheAvroSpecificationSays() {
    Profile profile = Profile.newBuilder()
        .setAccountId("a1")
        .setUpdatedAt(java.time.Instant.ofEpochMilli(1))
        .setCreatedAt(null)
        .setAgeBand(org.targetwatch.schema.AgeBand.ADULT)
        .setDeleted(true)
        .build();
    AvroSerializer<Profile> serializer = new AvroSerializer<>(Profile.class, new InMemorySchemaRegistry(SCHEMA_ID), false, true);

    byte[] wire = serializer.serialize("profiles", profile);

    assertThat(wire).containsExactly(
        0x00, 0x01, 0x02, 0x03, 0x04, // magic, schema id
        0x04, 'a', '1',               // accountId: zig-zag length 2, UTF-8
        0x02,                         // updatedAt: zig-zag long 1
        0x00,                         // createdAt: union branch 0 (null)
        0x06,                         // ageBand: enum index 3 (ADULT), zig-zag
        0x01);                        // deleted: true
  }

  @Test
  void aNullRecordIsATombstone() {
    AvroSerializer<Profile> serializer = new AvroSerializer<>(Profile.class, new InMemorySchemaRegistry(), false, true);
    assertThat(serializer.serialize("profiles", null)).isNull();
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static byte[] avroBinary(SpecificRecord record) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
    new SpecificDatumWriter(record.getSchema(), SpecificData.getForClass(record.getClass())).write(record, encoder);
    encoder.flush();
    return out.toByteArray();
  }
}
