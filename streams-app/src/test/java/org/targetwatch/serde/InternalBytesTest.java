package org.targetwatch.serde;

import org.targetwatch.topology.AccountMessages;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.targetwatch.schema.AgeBand;
import org.targetwatch.schema.Profile;
import org.targetwatch.schema.internal.AccountMessage;
import org.targetwatch.schema.internal.ActivityCounts;
import org.targetwatch.schema.internal.ContactAttempt;
import org.targetwatch.schema.internal.ContactCandidate;
import org.targetwatch.schema.internal.ContactKind;
import org.targetwatch.schema.internal.EnrichedContact;
import org.targetwatch.schema.internal.Friend;
import org.targetwatch.schema.internal.FriendSet;
import org.targetwatch.schema.internal.TargetEntry;
import org.targetwatch.schema.internal.WaitingMessage;

/**
 * The internal serde's bytes are the version byte followed by exactly Avro's own binary encoding,
 * whichever way the serde encodes them: stored state and internal topics written by an earlier
 * version stay readable, and what this version writes reads back the same.
 */
class InternalBytesTest {

  static Stream<SpecificRecord> internalValues() {
    ContactAttempt attempt = new ContactAttempt("e1", "sender", "target", ContactKind.MESSAGE, 1_700_000_000_000L);
    List<Friend> friends = new ArrayList<>(List.of(new Friend("a", 1L, true, AgeBand.AGE_13_15),
        new Friend("b", 2L, false, AgeBand.UNKNOWN)));
    Instant t = Instant.ofEpochMilli(1_700_000_000_123L);
    return Stream.of(
        new FriendSet(7, friends),
        new FriendSet(0, new ArrayList<>()),
        new ActivityCounts(3, 2, 1, 1.75, 1, 0, 2, 1, 0, 1, 0, 0, 0.0, 2, 240L, 3, 0.375),
        TargetEntry.newBuilder().setTargetId("t").setFirstContactAt(5L).setRequested(true).setMessaged(false)
            .setMinor(true).setAgeBand(AgeBand.AGE_16_17).setDegree(120).setDegreePercentile(0.8125)
            .setAboveUpperQuartile(true).setMutualFriends(0).build(),
        new Profile("p", t, t.minusSeconds(86_400), AgeBand.AGE_13_15, false),
        AccountMessages.of(new Profile("p", t, null, AgeBand.ADULT, true)),
        AccountMessages.of(attempt),
        AccountMessages.of(new ContactCandidate(attempt, List.of("f1", "f2", "f3"), true, List.of("t1", "t2"), 123_456L, 2.5)),
        AccountMessages.of(new EnrichedContact(attempt, true, AgeBand.UNDER_13, 42, 0.6, 95.0, 0.3, 2, 2, 1, 123_456L, 2.5)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("internalValues")
  @SuppressWarnings({"unchecked", "rawtypes"})
  void theBytesAreTheVersionByteThenAvrosOwnEncodingAndReadBackEqual(SpecificRecord value) throws IOException {
    InternalAvroSerde serde = InternalAvroSerde.of(value.getClass());

    byte[] bytes = serde.toBytes(value);

    byte[] avro = plainAvro(value);
    assertThat(bytes[0]).isEqualTo(serde.format()); // 1, or the next after a type's earlier formats
    assertThat(java.util.Arrays.copyOfRange(bytes, 1, bytes.length)).isEqualTo(avro);
    assertThat(serde.fromBytes(bytes)).isEqualTo(value);
  }

  @org.junit.jupiter.api.Test
  void activityCountsWrittenByThePreviousVersionAreReadWithTheNewFieldsAtTheirDefaults() throws IOException {
    org.apache.avro.Schema previous;
    try (java.io.InputStream in = getClass().getResourceAsStream("/internal-history/ActivityCounts-1.avsc")) {
      previous = new org.apache.avro.Schema.Parser().parse(in);
    }
    org.apache.avro.generic.GenericRecord old = new org.apache.avro.generic.GenericData.Record(previous);
    Object[] values = {3, 2, 1, 1.75, 1, 0, 2, 1, 0, 1, 0, 1, 0.375, 2};
    for (int i = 0; i < values.length; i++) {
      old.put(i, values[i]);
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(1); // format 1
    BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
    new org.apache.avro.generic.GenericDatumWriter<org.apache.avro.generic.GenericRecord>(previous).write(old, encoder);
    encoder.flush();
    InternalAvroSerde<ActivityCounts> serde = InternalAvroSerde.of(ActivityCounts.class);

    ActivityCounts read = serde.fromBytes(out.toByteArray());

    assertThat(serde.format()).isEqualTo((byte) 2);
    assertThat(read.getTargets()).isEqualTo(3);
    assertThat(read.getEscalations()).isEqualTo(1);
    assertThat(read.getProtectiveActions()).isEqualTo(2);
    assertThat(read.getTargetDegreeSum()).isZero();
    assertThat(read.getLinksKnown()).isZero();
    assertThat(read.getLinksExpected()).isZero();
  }

  @org.junit.jupiter.api.Test
  void aWaitingContactWrittenByThePreviousVersionIsReadWithoutTheSumOfDegrees() throws IOException {
    org.apache.avro.Schema previous;
    try (java.io.InputStream in = getClass().getResourceAsStream("/internal-history/WaitingMessage-1.avsc")) {
      previous = new org.apache.avro.Schema.Parser().parse(in);
    }
    ContactAttempt attempt = new ContactAttempt("e", "s", "r", ContactKind.MESSAGE, 9L);
    WaitingMessage waiting = new WaitingMessage(AccountMessages.sequenced(
        new EnrichedContact(attempt, true, AgeBand.AGE_13_15, 42, 0.6, 95.0, 0.3, 0, 2, 1, 0L, 0.0), 4L), 9L);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(1); // format 1
    BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
    new SpecificDatumWriter<WaitingMessage>(previous).write(waiting, encoder);
    encoder.flush();
    InternalAvroSerde<WaitingMessage> serde = InternalAvroSerde.of(WaitingMessage.class);

    WaitingMessage read = serde.fromBytes(out.toByteArray());

    assertThat(serde.format()).isEqualTo((byte) 3);
    assertThat(read.getMessage().getSequence()).isEqualTo(4L);
    assertThat(((EnrichedContact) read.getMessage().getPayload()).getRecentTargetsKnown()).isEqualTo(1);
    assertThat(((EnrichedContact) read.getMessage().getPayload()).getSenderTaskDegreeSum()).isZero();
  }

  /**
   * Waiting answers of format 2 were written with and without the recipient's homophily (versions
   * before and from 16b0289, one format byte): each is read with its own schema, whatever its sequence
   * number, timestamp and factor.
   */
  @ParameterizedTest(name = "sequence {0}, homophily {1}")
  @org.junit.jupiter.params.provider.CsvSource({"0, 0.0", "4, 1.0", "1000000, 2.7", "1099511627776, 20.0", "3, 1.0E-300"})
  void aWaitingAnswerOfFormatTwoIsReadWithOrWithoutTheHomophilyItCarried(long sequence, double homophily)
      throws IOException {
    ContactAttempt attempt = new ContactAttempt("e", "s", "r", ContactKind.MESSAGE, 9L);
    long timestamp = 1_780_000_000_000L;
    WaitingMessage waiting = new WaitingMessage(AccountMessages.sequenced(
        new EnrichedContact(attempt, true, AgeBand.AGE_13_15, 42, 0.6, 95.0, 0.3, 0, 2, 1, 777L, homophily), sequence),
        timestamp);
    InternalAvroSerde<WaitingMessage> serde = InternalAvroSerde.of(WaitingMessage.class);

    WaitingMessage without = serde.fromBytes(writtenAs(2, "/internal-history/WaitingMessage-2.avsc", waiting));
    WaitingMessage with = serde.fromBytes(writtenAs(2, "/internal-history/WaitingMessage-2-with-homophily.avsc", waiting));

    for (WaitingMessage read : List.of(without, with)) {
      assertThat(read.getTimestamp()).isEqualTo(timestamp);
      assertThat(read.getMessage().getSequence()).isEqualTo(sequence);
      assertThat(((EnrichedContact) read.getMessage().getPayload()).getSenderTaskDegreeSum()).isEqualTo(777L);
    }
    assertThat(((EnrichedContact) without.getMessage().getPayload()).getMinorHomophily()).isZero();
    assertThat(((EnrichedContact) with.getMessage().getPayload()).getMinorHomophily()).isEqualTo(homophily);
  }

  @ParameterizedTest(name = "sequence {0}")
  @org.junit.jupiter.params.provider.ValueSource(longs = {-1L, 0L, 5L, 70_000L, 1L << 50})
  void anAnswerOfFormatThreeIsReadWithOrWithoutTheHomophilyItCarried(long sequence) throws IOException {
    ContactAttempt attempt = new ContactAttempt("e", "s", "r", ContactKind.FRIEND_REQUEST, 9L);
    AccountMessage message = AccountMessages.sequenced(
        new EnrichedContact(attempt, true, AgeBand.AGE_16_17, 7, 0.4, 20.0, 0.2, 1, 3, 2, 99L, 4.25), sequence);
    InternalAvroSerde<AccountMessage> serde = InternalAvroSerde.of(AccountMessage.class);

    AccountMessage without = serde.fromBytes(writtenAs(3, "/internal-history/AccountMessage-3.avsc", message));
    AccountMessage with = serde.fromBytes(writtenAs(3, "/internal-history/AccountMessage-3-with-homophily.avsc", message));

    assertThat(serde.format()).isEqualTo((byte) 4);
    assertThat(without.getSequence()).isEqualTo(sequence);
    assertThat(with.getSequence()).isEqualTo(sequence);
    assertThat(((EnrichedContact) without.getPayload()).getMinorHomophily()).isZero();
    assertThat(((EnrichedContact) with.getPayload()).getMinorHomophily()).isEqualTo(4.25);
    assertThat(((EnrichedContact) with.getPayload()).getRecentTargetsKnown()).isEqualTo(2);
  }

  @org.junit.jupiter.api.Test
  void bytesThatNoSchemaOfTheirFormatReadsToTheEndAreCorrupt() throws IOException {
    ContactAttempt attempt = new ContactAttempt("e", "s", "r", ContactKind.FRIEND_REQUEST, 9L);
    AccountMessage message = AccountMessages.sequenced(
        new EnrichedContact(attempt, true, AgeBand.AGE_16_17, 7, 0.4, 20.0, 0.2, 1, 3, 2, 99L, 4.25), 5L);
    byte[] written = writtenAs(3, "/internal-history/AccountMessage-3-with-homophily.avsc", message);
    byte[] trailing = java.util.Arrays.copyOf(written, written.length + 1);

    assertThatThrownBy(() -> InternalAvroSerde.of(AccountMessage.class).fromBytes(trailing))
        .isInstanceOf(org.apache.kafka.common.errors.SerializationException.class)
        .hasMessageContaining("AccountMessage").hasMessageContaining("corrupt");
  }

  /** The bytes an earlier version wrote: its format byte, then Avro with that version's schema. */
  private static <T extends SpecificRecord> byte[] writtenAs(int format, String schemaResource, T value)
      throws IOException {
    org.apache.avro.Schema schema;
    try (java.io.InputStream in = InternalBytesTest.class.getResourceAsStream(schemaResource)) {
      schema = new org.apache.avro.Schema.Parser().parse(in);
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(format);
    BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
    new SpecificDatumWriter<T>(schema).write(value, encoder);
    encoder.flush();
    return out.toByteArray();
  }

  @org.junit.jupiter.api.Test
  void aRecordThatFailsToEncodeLeavesNothingBehindForTheNext() {
    InternalAvroSerde<FriendSet> serde = InternalAvroSerde.of(FriendSet.class);
    List<Friend> withAHole = new ArrayList<>(List.of(new Friend("a", 1L, true, AgeBand.ADULT)));
    withAHole.add(new Friend(null, 2L, false, AgeBand.ADULT));
    FriendSet good = new FriendSet(1, new ArrayList<>(List.of(new Friend("b", 3L, false, AgeBand.UNKNOWN))));

    org.assertj.core.api.Assertions.assertThatThrownBy(() -> serde.toBytes(new FriendSet(2, withAHole)));

    assertThat(serde.fromBytes(serde.toBytes(good))).isEqualTo(good);
  }

  /** Avro's reflective field-by-field writer, the reference encoding. */
  @SuppressWarnings({"unchecked", "rawtypes"})
  private static byte[] plainAvro(SpecificRecord value) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
    new SpecificDatumWriter(value.getSchema()).write(value, encoder);
    encoder.flush();
    return out.toByteArray();
  }
}
