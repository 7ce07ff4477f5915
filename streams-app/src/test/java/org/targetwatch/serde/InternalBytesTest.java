package org.targetwatch.serde;

import org.targetwatch.topology.AccountMessages;
import static org.assertj.core.api.Assertions.assertThat;

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
        AccountMessages.of(new ContactCandidate(attempt, List.of("f1", "f2", "f3"), true, List.of("t1", "t2"), 123_456L)),
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

    assertThat(serde.format()).isEqualTo((byte) 2);
    assertThat(read.getMessage().getSequence()).isEqualTo(4L);
    assertThat(((EnrichedContact) read.getMessage().getPayload()).getRecentTargetsKnown()).isEqualTo(1);
    assertThat(((EnrichedContact) read.getMessage().getPayload()).getSenderTaskDegreeSum()).isZero();
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
