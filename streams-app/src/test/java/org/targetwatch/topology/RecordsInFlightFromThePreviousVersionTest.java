package org.targetwatch.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.targetwatch.topology.TopologyNames.ACCOUNT_EVENTS_TOPIC;
import static org.targetwatch.topology.TopologyNames.CONTACTS_BY_RECIPIENT_TOPIC;
import static org.targetwatch.topology.TopologyNames.CONTACTS_BY_SENDER_TOPIC;
import static org.targetwatch.topology.TopologyNames.SENDER_TARGETS_STORE;
import static org.targetwatch.topology.TopologyNames.FRIENDSHIP_STORE;
import static org.targetwatch.topology.TopologyNames.SENT_TO_STORE;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.targetwatch.friendship.FriendSetBytes;
import org.targetwatch.schema.AgeBand;
import org.targetwatch.schema.internal.AccountMessage;
import org.targetwatch.schema.internal.ContactAttempt;
import org.targetwatch.schema.internal.ContactCandidate;
import org.targetwatch.schema.internal.ContactKind;
import org.targetwatch.schema.internal.EnrichedContact;
import org.targetwatch.schema.internal.FriendshipChanged;
import org.targetwatch.schema.internal.MessageReceived;
import org.targetwatch.schema.internal.PeerAgeBand;
import org.targetwatch.serde.InternalAvroSerde;

/**
 * An upgrade finds records the previous version wrote into the repartition topics: both sides of a
 * friendship and each message's copy for its recipient in {@code account-events}, each new
 * friend's age band in {@code contacts-by-recipient}, contacts on their way without a number in their
 * sender's sequence (format 1 of {@code AccountMessage}). They still decode and are handled: a side
 * of a friendship is applied (its other side, sent on again, is already there), an age band is
 * recorded, a message copy is ignored, a contact without a number is counted as it comes.
 */
class RecordsInFlightFromThePreviousVersionTest {
  private static final String APP = "targetwatch-test-";
  private static final String ADULT = "adult-1";
  private static final String MINOR = "minor-1";

  private Scenario platform;
  private TestInputTopic<String, AccountMessage> accountEvents;
  private TestInputTopic<String, AccountMessage> contactsByRecipient;

  @BeforeEach
  void setUp() {
    platform = new Scenario().at(Scenario.START.plus(Duration.ofDays(5)))
        .account(ADULT, AgeBand.ADULT, 1).account(MINOR, AgeBand.AGE_13_15, 400);
    InternalAvroSerde<AccountMessage> messages = InternalAvroSerde.of(AccountMessage.class);
    accountEvents = platform.driver().createInputTopic(APP + ACCOUNT_EVENTS_TOPIC + "-repartition",
        Serdes.String().serializer(), messages.serializer());
    contactsByRecipient = platform.driver().createInputTopic(APP + CONTACTS_BY_RECIPIENT_TOPIC + "-repartition",
        Serdes.String().serializer(), messages.serializer());
  }

  @AfterEach
  void tearDown() {
    platform.close();
  }

  @Test
  void bothSidesOfAFriendshipFromTheOldFanOutMakeOneFriendship() {
    long at = platform.now().toEpochMilli();
    accountEvents.pipeInput(ADULT, AccountMessages.of(new FriendshipChanged(ADULT, MINOR, true, true, at)), at);
    accountEvents.pipeInput(MINOR, AccountMessages.of(new FriendshipChanged(MINOR, ADULT, true, false, at)), at);

    assertThat(FriendSetBytes.find(friendSet(ADULT), MINOR).getInitiatedBySelf()).isTrue();
    assertThat(FriendSetBytes.find(friendSet(MINOR), ADULT).getInitiatedBySelf()).isFalse();
    assertThat(FriendSetBytes.degree(friendSet(MINOR))).isEqualTo(1);
    assertThat(FriendSetBytes.find(friendSet(ADULT), MINOR).getAgeBand()).as("answered by the new side")
        .isEqualTo(AgeBand.AGE_13_15);
  }

  @Test
  void anOldAgeBandIsRecordedAndAnOldMessageCopyIsIgnored() {
    platform.friends(ADULT, MINOR);
    long at = platform.now().toEpochMilli();
    contactsByRecipient.pipeInput(MINOR, AccountMessages.of(new PeerAgeBand(MINOR, ADULT, AgeBand.AGE_16_17)), at);
    accountEvents.pipeInput(MINOR, AccountMessages.of(new MessageReceived(MINOR, "stranger", at)), at);

    assertThat(FriendSetBytes.find(friendSet(MINOR), ADULT).getAgeBand()).isEqualTo(AgeBand.AGE_16_17);
    KeyValueStore<String, Long> sentTo = platform.driver().getKeyValueStore(SENT_TO_STORE);
    assertThat(sentTo.approximateNumEntries()).isZero();
  }

  @Test
  void thePreviousVersionsPayloadTypesKeepTheirUnionBranches() {
    // the previous version wrote AccountMessage's union with these eight branches, in this order:
    // Profile, FriendshipChanged, ContactAttempt, MessageReceived, RequestAnswered, PeerAgeBand,
    // ContactCandidate, EnrichedContact; new payload types may only be appended
    InternalAvroSerde<AccountMessage> messages = InternalAvroSerde.of(AccountMessage.class);
    assertThat(unionBranch(messages, new FriendshipChanged(ADULT, MINOR, true, true, 1L))).isEqualTo(1);
    assertThat(unionBranch(messages, new MessageReceived(MINOR, ADULT, 1L))).isEqualTo(3);
    assertThat(unionBranch(messages, new PeerAgeBand(MINOR, ADULT, AgeBand.ADULT))).isEqualTo(5);
    assertThat(AccountMessage.getClassSchema().getField("payload").schema().getTypes()).hasSize(14)
        .extracting(schema -> schema.getName()).startsWith("Profile", "FriendshipChanged", "ContactAttempt",
            "MessageReceived", "RequestAnswered", "PeerAgeBand", "ContactCandidate", "EnrichedContact",
            "PeerFriendshipChanged", "Reassessment", "SafetyReport", "ReviewVerdict", "TargetResponse", "ContactDropped"); // appended
  }

  @Test
  void aContactWrittenWithoutASequenceNumberIsEnrichedAndCountedAsItComes() throws IOException {
    long at = platform.now().toEpochMilli();
    ContactAttempt attempt = new ContactAttempt("e-old", ADULT, MINOR, ContactKind.FRIEND_REQUEST, at);
    byte[] formatOne = formatOne(AccountMessages.of(new ContactCandidate(attempt, List.of(), false, List.of(), 0L, 0.0)));
    TestInputTopic<String, byte[]> rawContactsByRecipient = platform.driver().createInputTopic(
        APP + CONTACTS_BY_RECIPIENT_TOPIC + "-repartition", Serdes.String().serializer(), Serdes.ByteArray().serializer());

    assertThat(formatOne[0]).as("the previous version's format byte").isEqualTo((byte) 1);
    assertThat(InternalAvroSerde.of(AccountMessage.class).fromBytes(formatOne).getSequence())
        .as("read with the sequence number's default").isEqualTo(AccountMessages.UNSEQUENCED);
    rawContactsByRecipient.pipeInput(MINOR, formatOne, at);

    assertThat(platform.driver().getKeyValueStore(SENDER_TARGETS_STORE).get(ADULT + '\u0000' + MINOR))
        .as("the target counted in the sender's windows").isNotNull();
  }

  @Test
  void anEnrichedContactWrittenWithoutASequenceNumberIsCountedAsItComes() throws IOException {
    long at = platform.now().toEpochMilli();
    ContactAttempt attempt = new ContactAttempt("e-old", ADULT, MINOR, ContactKind.MESSAGE, at);
    EnrichedContact enriched = new EnrichedContact(attempt, true, AgeBand.AGE_13_15, 400, 0.9, 100.0, 0.3, 0, 0, 0, 0L, 0.0);
    TestInputTopic<String, byte[]> rawContactsBySender = platform.driver().createInputTopic(
        APP + CONTACTS_BY_SENDER_TOPIC + "-repartition", Serdes.String().serializer(), Serdes.ByteArray().serializer());

    rawContactsBySender.pipeInput(ADULT, formatOne(AccountMessages.of(enriched)), at);

    assertThat(platform.driver().getKeyValueStore(SENDER_TARGETS_STORE).get(ADULT + '\u0000' + MINOR))
        .as("the target counted in the sender's windows").isNotNull();
  }

  @Test
  void aContactWrittenWithoutTheSumOfDegreesIsEnrichedAndCountedInItsSequence() throws IOException {
    long at = platform.now().toEpochMilli();
    ContactAttempt attempt = new ContactAttempt("e-two", ADULT, MINOR, ContactKind.FRIEND_REQUEST, at);
    byte[] formatTwo = formatOf(2, AccountMessages.sequenced(new ContactCandidate(attempt, List.of(), false, List.of(), 0L, 0.0), 1L));
    TestInputTopic<String, byte[]> rawContactsByRecipient = platform.driver().createInputTopic(
        APP + CONTACTS_BY_RECIPIENT_TOPIC + "-repartition", Serdes.String().serializer(), Serdes.ByteArray().serializer());

    assertThat(formatTwo[0]).as("the previous version's format byte").isEqualTo((byte) 2);
    AccountMessage read = InternalAvroSerde.of(AccountMessage.class).fromBytes(formatTwo);
    assertThat(read.getSequence()).isEqualTo(1L);
    assertThat(((ContactCandidate) read.getPayload()).getSenderTaskDegreeSum()).as("read with the default").isZero();
    rawContactsByRecipient.pipeInput(MINOR, formatTwo, at);

    assertThat(platform.driver().getKeyValueStore(SENDER_TARGETS_STORE).get(ADULT + '\u0000' + MINOR))
        .as("the target counted in the sender's windows").isNotNull();
  }

  @Test
  void anAnswerWrittenWithoutTheHomophilyIsCountedInItsSequence() throws IOException {
    long at = platform.now().toEpochMilli();
    ContactAttempt attempt = new ContactAttempt("e-three", ADULT, MINOR, ContactKind.MESSAGE, at);
    EnrichedContact enriched = new EnrichedContact(attempt, true, AgeBand.AGE_13_15, 400, 0.9, 100.0, 0.3, 0, 0, 0, 0L, 0.0);
    byte[] formatThree = formatOf(3, AccountMessages.sequenced(enriched, 0L));
    TestInputTopic<String, byte[]> rawContactsBySender = platform.driver().createInputTopic(
        APP + CONTACTS_BY_SENDER_TOPIC + "-repartition", Serdes.String().serializer(), Serdes.ByteArray().serializer());

    assertThat(formatThree[0]).as("the previous version's format byte").isEqualTo((byte) 3);
    rawContactsBySender.pipeInput(ADULT, formatThree, at);

    assertThat(platform.driver().getKeyValueStore(SENDER_TARGETS_STORE).get(ADULT + '\u0000' + MINOR))
        .as("the target counted in the sender's windows").isNotNull();
  }

  /** The bytes the previous version wrote: format byte 1, then Avro with the schema of that format (no sequence). */
  private static byte[] formatOne(AccountMessage message) throws IOException {
    return formatOf(1, message);
  }

  /** The bytes a previous version wrote: the format byte, then Avro with the schema of that format. */
  private static byte[] formatOf(int format, AccountMessage message) throws IOException {
    Schema previous;
    try (InputStream in = AccountMessage.class.getResourceAsStream("/internal-history/AccountMessage-" + format + ".avsc")) {
      previous = new Schema.Parser().parse(in);
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(format);
    BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
    new SpecificDatumWriter<AccountMessage>(previous).write(message, encoder);
    encoder.flush();
    return out.toByteArray();
  }

  /** The union index Avro wrote after the format byte (a zig-zag varint, one byte for small ones). */
  private static int unionBranch(InternalAvroSerde<AccountMessage> messages, Object payload) {
    byte[] bytes = messages.toBytes(AccountMessages.of(payload));
    return bytes[1] >> 1;
  }

  private byte[] friendSet(String account) {
    return platform.driver().<String, byte[]>getKeyValueStore(FRIENDSHIP_STORE).get(account);
  }
}
