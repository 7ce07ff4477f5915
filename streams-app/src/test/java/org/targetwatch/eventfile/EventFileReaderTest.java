package org.targetwatch.eventfile;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;
import org.targetwatch.schema.AgeBand;
import org.targetwatch.schema.FriendRequestAction;
import org.targetwatch.schema.FriendRequestEvent;
import org.targetwatch.schema.MessageEvent;
import org.targetwatch.schema.Profile;

class EventFileReaderTest {
  private final List<String> problems = new ArrayList<>();
  private final List<Long> records = new ArrayList<>();
  private final List<SpecificRecord> read = new ArrayList<>();
  private final EventFileReader reader =
      EventFileReader.forEvents((file, line, reason) -> problems.add(file + ":" + line + ": " + reason));

  private EventFileReader.Counts read(String... lines) throws IOException {
    return reader.read("events.jsonl", new StringReader(String.join("\n", lines)), (n, r) -> {
      records.add(n);
      read.add(r);
    });
  }

  @Test
  void theContractsExamplesAreReadIntoTheirAvroRecords() throws IOException {
    read("{\"type\":\"profile\",\"accountId\":\"a17\",\"updatedAt\":\"2026-03-01T00:00:00Z\",\"createdAt\":\"2025-09-02T10:00:00Z\",\"ageBand\":\"13_15\"}",
        "{\"type\":\"friend_request\",\"eventId\":\"e1\",\"occurredAt\":\"2026-03-01T12:00:00Z\",\"senderId\":\"a9\",\"recipientId\":\"a17\",\"action\":\"SENT\"}",
        "{\"type\":\"message\",\"eventId\":\"e2\",\"occurredAt\":1772366400000,\"senderId\":\"a9\",\"recipientId\":\"a17\"}");

    assertThat(problems).isEmpty();
    Profile p = (Profile) read.get(0);
    assertThat(p.getAgeBand()).isEqualTo(AgeBand.AGE_13_15);
    assertThat(p.getDeleted()).isFalse();
    assertThat(p.getCreatedAt()).isEqualTo(Instant.parse("2025-09-02T10:00:00Z"));
    FriendRequestEvent f = (FriendRequestEvent) read.get(1);
    assertThat(f.getAction()).isEqualTo(FriendRequestAction.SENT);
    MessageEvent m = (MessageEvent) read.get(2);
    assertThat(m.getOccurredAt()).isEqualTo(Instant.ofEpochMilli(1772366400000L));
    assertThat(m.getHasMedia()).isFalse();
    assertThat(m.getConversationId()).isNull();
  }

  @Test
  void fractionsOffsetsUnknownFieldsAndUnicodeIdsAreAccepted() throws IOException {
    read("{\"type\":\"message\",\"eventId\":\"é1\",\"occurredAt\":\"2026-03-01T12:00:00.123456Z\",\"senderId\":\"ünï\",\"recipientId\":\"账户\",\"hasMedia\":true,\"extra\":{\"x\":1}}",
        "{\"type\":\"profile\",\"accountId\":\"b\",\"updatedAt\":\"2026-03-01T13:00:00+01:00\",\"ageBand\":\"16_17\",\"deleted\":true}");
    assertThat(problems).isEmpty();
    MessageEvent m = (MessageEvent) read.get(0);
    assertThat(m.getOccurredAt()).isEqualTo(Instant.parse("2026-03-01T12:00:00.123Z"));
    assertThat(m.getRecipientId()).isEqualTo("账户");
    assertThat(m.getHasMedia()).isTrue();
    Profile p = (Profile) read.get(1);
    assertThat(p.getUpdatedAt()).isEqualTo(Instant.parse("2026-03-01T12:00:00Z"));
    assertThat(p.getDeleted()).isTrue();
  }

  @Test
  void eachBadLineIsReportedWithItsNumberAndReasonWhileTheLinesAroundItAreRead() throws IOException {
    EventFileReader.Counts counts = read(
        "{\"type\":\"profile\",\"accountId\":\"ok1\",\"updatedAt\":\"2026-03-01T00:00:00Z\",\"ageBand\":\"ADULT\"}",
        "this is not json",
        "{\"type\":\"poke\",\"eventId\":\"e\"}",
        "{\"type\":\"friend_request\",\"eventId\":\"e1\",\"occurredAt\":\"2026-03-01T12:00:00Z\",\"senderId\":\"a9\",\"action\":\"SENT\"}",
        "",
        "{\"type\":\"friend_request\",\"eventId\":\"e2\",\"occurredAt\":\"2026-03-01T12:00:00Z\",\"senderId\":\"a9\",\"recipientId\":\"b\",\"action\":\"POKED\"}",
        "{\"type\":\"message\",\"eventId\":\"e3\",\"occurredAt\":\"yesterday\",\"senderId\":\"a9\",\"recipientId\":\"b\"}",
        "{\"type\":\"profile\",\"accountId\":\"x\",\"updatedAt\":\"2026-03-01T00:00:00Z\",\"ageBand\":\"12\"}",
        "{\"type\":\"message\",\"eventId\":7,\"occurredAt\":\"2026-03-01T12:00:00Z\",\"senderId\":\"a9\",\"recipientId\":\"b\"}",
        "{\"type\":\"profile\",\"accountId\":\"ok2\",\"updatedAt\":\"2026-03-01T00:00:00Z\",\"ageBand\":\"UNDER_13\"}");

    assertThat(records).containsExactly(1L, 10L);
    assertThat(counts).isEqualTo(new EventFileReader.Counts(10, 2, 7, 1));
    assertThat(problems).containsExactly(
        "events.jsonl:2: not valid JSON: Unrecognized token 'this': was expecting (JSON String, Number, Array, Object or token 'null', 'true' or 'false')",
        "events.jsonl:3: unknown type 'poke'",
        "events.jsonl:4: friend_request: missing required field 'recipientId'",
        "events.jsonl:6: friend_request: field 'action' has bad value 'POKED' (expected one of SENT, ACCEPTED, DECLINED, CANCELLED, REMOVED)",
        "events.jsonl:7: message: field 'occurredAt' is not an ISO-8601 instant or epoch milliseconds: 'yesterday'",
        "events.jsonl:8: profile: field 'ageBand' has bad value '12' (expected one of UNDER_13, 13_15, 16_17, ADULT, UNKNOWN)",
        "events.jsonl:9: message: field 'eventId' must be a string");
  }

  @Test
  void linesAreDeliveredInFileOrderEvenWhenTheirTimesAreNot() throws IOException {
    read("{\"type\":\"message\",\"eventId\":\"late\",\"occurredAt\":\"2026-03-02T00:00:00Z\",\"senderId\":\"a\",\"recipientId\":\"b\"}",
        "{\"type\":\"message\",\"eventId\":\"early\",\"occurredAt\":\"2026-03-01T00:00:00Z\",\"senderId\":\"a\",\"recipientId\":\"b\"}");
    assertThat(read).extracting(r -> ((MessageEvent) r).getEventId()).containsExactly("late", "early");
  }

  @Test
  void whatTheWriterWritesTheReaderReadsBackEqual() throws IOException {
    List<SpecificRecord> events = List.of(
        Profile.newBuilder().setAccountId("p").setUpdatedAt(Instant.parse("2026-03-01T00:00:00Z"))
            .setCreatedAt(null).setAgeBand(AgeBand.AGE_16_17).setDeleted(false).build(),
        FriendRequestEvent.newBuilder().setEventId("e").setOccurredAt(Instant.parse("2026-03-01T00:00:01.5Z"))
            .setSenderId("s").setRecipientId("r").setAction(FriendRequestAction.REMOVED).build(),
        MessageEvent.newBuilder().setEventId("m").setOccurredAt(Instant.parse("2026-03-01T00:00:02Z"))
            .setSenderId("s").setRecipientId("r").setConversationId("c").setHasMedia(true).build());
    StringWriter out = new StringWriter();
    try (JsonLinesWriter writer = new JsonLinesWriter(out)) {
      events.forEach(writer::write);
    }
    assertThat(out.toString()).startsWith("{\"type\":\"profile\",\"accountId\":\"p\"").contains("\"ageBand\":\"16_17\"")
        .doesNotContain("createdAt");
    reader.read("round-trip", new StringReader(out.toString()), (n, r) -> read.add(r));
    assertThat(problems).isEmpty();
    assertThat(read).isEqualTo(events);
  }
}
