package org.targetwatch.eventfile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.targetwatch.eventfile.EventFiles.lines;
import static org.targetwatch.eventfile.EventFiles.read;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.targetwatch.eventfile.EventFiles.ReadResult;
import org.targetwatch.schema.FriendRequestEvent;
import org.targetwatch.schema.MessageEvent;
import org.targetwatch.schema.Profile;

class EventFileReaderTest {

  private static final String PROFILE_P1 =
      "{\"type\":\"profile\",\"accountId\":\"p1\",\"updatedAt\":\"2026-03-01T00:00:00Z\",\"ageBand\":\"13_15\"}";
  private static final String REQUEST_E1 =
      "{\"type\":\"friend_request\",\"eventId\":\"e1\",\"occurredAt\":\"2026-03-05T12:00:00Z\",\"senderId\":\"a9\",\"recipientId\":\"p1\",\"action\":\"SENT\"}";
  private static final String MESSAGE_M1 =
      "{\"type\":\"message\",\"eventId\":\"m1\",\"occurredAt\":\"2026-02-01T12:00:00Z\",\"senderId\":\"a9\",\"recipientId\":\"p1\"}";
  private static final String PROFILE_P2 =
      "{\"type\":\"profile\",\"accountId\":\"p2\",\"updatedAt\":1772323200000,\"ageBand\":\"ADULT\"}";

  @Test
  void aFileOfGoodAndBadLinesYieldsExactlyTheGoodEventsAndReportsEachBadLineWithItsNumberAndReason() {
    String file = String.join("\n",
        PROFILE_P1,                                                                                   // 1
        "",                                                                                           // 2
        "not json at all",                                                                            // 3
        REQUEST_E1,                                                                                   // 4
        "[1,2]",                                                                                      // 5
        "{\"type\":\"poke\",\"eventId\":\"x\"}",                                                      // 6
        "{\"eventId\":\"x\",\"occurredAt\":0}",                                                       // 7
        "{\"type\":\"friend_request\",\"eventId\":\"e2\",\"occurredAt\":0,\"senderId\":\"a9\",\"action\":\"SENT\"}", // 8
        "{\"type\":\"friend_request\",\"eventId\":\"e3\",\"occurredAt\":0,\"senderId\":\"a9\",\"recipientId\":\"b\",\"action\":\"SENDX\"}", // 9
        "{\"type\":\"profile\",\"accountId\":\"p3\",\"updatedAt\":0,\"ageBand\":\"AGE_13_15\"}",     // 10
        "{\"type\":\"message\",\"eventId\":\"m2\",\"occurredAt\":\"2026-02-30T00:00:00Z\",\"senderId\":\"a\",\"recipientId\":\"b\"}", // 11
        "{\"type\":\"message\",\"eventId\":\"m3\",\"occurredAt\":0,\"senderId\":\"a\",\"recipientId\":\"b\",\"hasMedia\":\"yes\"}", // 12
        "{\"type\":\"message\",\"eventId\":\"m4\",\"occurredAt\":0,\"senderId\":42,\"recipientId\":\"b\"}", // 13
        "   \t",                                                                                      // 14
        MESSAGE_M1,                                                                                   // 15
        "{\"type\":\"message\"} {\"type\":\"message\"}",                                              // 16
        "{\"type\":\"profile\",\"accountId\":\"p4\",",                                                // 17
        PROFILE_P2);                                                                                  // 18, no newline

    ReadResult result = read("events.jsonl", file);

    assertThat(result.events()).extracting(EventFileReaderTest::idOf).containsExactly("p1", "e1", "m1", "p2");
    assertThat(result.badLines()).extracting(BadLine::lineNumber)
        .containsExactly(3L, 5L, 6L, 7L, 8L, 9L, 10L, 11L, 12L, 13L, 16L, 17L);
    assertThat(result.badLines()).extracting(BadLine::toString).containsExactly(
        "events.jsonl:3: not JSON: Unrecognized token 'not': was expecting (JSON String, Number, Array, Object or token 'null', 'true' or 'false') (column 1)",
        "events.jsonl:5: not a JSON object but a list",
        "events.jsonl:6: unknown type 'poke' (expected profile, friend_request, message, safety_report or review_verdict)",
        "events.jsonl:7: missing required field 'type'",
        "events.jsonl:8: friend_request: missing required field 'recipientId'",
        "events.jsonl:9: friend_request: field 'action' has unknown value 'SENDX' (expected SENT, ACCEPTED, DECLINED, CANCELLED, REMOVED)",
        "events.jsonl:10: profile: field 'ageBand' has unknown value 'AGE_13_15' (expected UNDER_13, 13_15, 16_17, ADULT or UNKNOWN)",
        "events.jsonl:11: message: field 'occurredAt' is not an ISO-8601 UTC instant: '2026-02-30T00:00:00Z'",
        "events.jsonl:12: message: field 'hasMedia' must be a boolean, was a string",
        "events.jsonl:13: message: field 'senderId' must be a string, was a number",
        "events.jsonl:16: more than one JSON value on the line",
        result.badLines().get(11).toString());
    assertThat(result.badLines().get(11).toString()).startsWith("events.jsonl:17: not JSON: Unexpected end-of-input");
    assertThat(result.counts()).isEqualTo(new ReadCounts(18, 4, 12, 2));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      type not a string        | {"type":7}                                                                                                     | field 'type' must be a string, was a number
      type null                | {"type":null,"accountId":"a"}                                                                                  | missing required field 'type'
      required field null      | {"type":"profile","accountId":null,"updatedAt":0,"ageBand":"ADULT"}                                            | profile: missing required field 'accountId'
      missing timestamp        | {"type":"profile","accountId":"a","ageBand":"ADULT"}                                                           | profile: missing required field 'updatedAt'
      timestamp not a time     | {"type":"profile","accountId":"a","updatedAt":"yesterday","ageBand":"ADULT"}                                  | profile: field 'updatedAt' is not an ISO-8601 UTC instant: 'yesterday'
      timestamp without zone   | {"type":"profile","accountId":"a","updatedAt":"2026-03-01T12:00:00","ageBand":"ADULT"}                        | profile: field 'updatedAt' is not an ISO-8601 UTC instant: '2026-03-01T12:00:00'
      millis out of range      | {"type":"profile","accountId":"a","updatedAt":99999999999999999999,"ageBand":"ADULT"}                       | profile: field 'updatedAt' is out of the range of epoch milliseconds: 99999999999999999999
      timestamp as boolean     | {"type":"profile","accountId":"a","updatedAt":true,"ageBand":"ADULT"}                                         | profile: field 'updatedAt' must be an ISO-8601 UTC instant or epoch milliseconds, was a boolean
      optional timestamp bad   | {"type":"profile","accountId":"a","updatedAt":0,"createdAt":"2026-13-01T00:00:00Z","ageBand":"ADULT"}         | profile: field 'createdAt' is not an ISO-8601 UTC instant: '2026-13-01T00:00:00Z'
      enum lower case          | {"type":"friend_request","eventId":"e","occurredAt":0,"senderId":"a","recipientId":"b","action":"sent"}      | friend_request: field 'action' has unknown value 'sent' (expected SENT, ACCEPTED, DECLINED, CANCELLED, REMOVED)
      enum as number           | {"type":"friend_request","eventId":"e","occurredAt":0,"senderId":"a","recipientId":"b","action":1}           | friend_request: field 'action' must be a string, was a number
      id as object             | {"type":"message","eventId":{"id":1},"occurredAt":0,"senderId":"a","recipientId":"b"}                         | message: field 'eventId' must be a string, was an object
      optional string as list  | {"type":"message","eventId":"m","occurredAt":0,"senderId":"a","recipientId":"b","conversationId":["c"]}     | message: field 'conversationId' must be a string, was a list
      boolean as number        | {"type":"profile","accountId":"a","updatedAt":0,"ageBand":"ADULT","deleted":1}                                | profile: field 'deleted' must be a boolean, was a number
      alert in an event file   | {"type":"alert","alertId":"x"}                                                                                 | unknown type 'alert' (expected profile, friend_request, message, safety_report or review_verdict)
      a bare string            | "profile"                                                                                                      | not a JSON object but a string
      report unknown action    | {"type":"safety_report","eventId":"r","occurredAt":0,"reporterId":"a","reportedId":"b","action":"MUTED"}     | safety_report: field 'action' has unknown value 'MUTED' (expected BLOCKED, UNBLOCKED, REPORTED)
      report unknown category  | {"type":"safety_report","eventId":"r","occurredAt":0,"reporterId":"a","reportedId":"b","action":"REPORTED","category":"RUDE"} | safety_report: field 'category' has unknown value 'RUDE' (expected GROOMING, SEXUAL_CONTENT, HARASSMENT, SPAM, FAKE_ACCOUNT, OTHER)
      report without reported  | {"type":"safety_report","eventId":"r","occurredAt":0,"reporterId":"a","action":"BLOCKED"}                     | safety_report: missing required field 'reportedId'
      verdict unknown kind     | {"type":"review_verdict","eventId":"v","occurredAt":0,"accountId":"a","verdict":"MAYBE"}                      | review_verdict: field 'verdict' has unknown value 'MAYBE' (expected CONFIRMED, CLEARED, REOPENED)
      verdict without account  | {"type":"review_verdict","eventId":"v","occurredAt":0,"verdict":"CLEARED"}                                    | review_verdict: missing required field 'accountId'
      verdict bad time         | {"type":"review_verdict","eventId":"v","occurredAt":"soon","accountId":"a","verdict":"CLEARED"}              | review_verdict: field 'occurredAt' is not an ISO-8601 UTC instant: 'soon'
      """)
  void eachKindOfBadLineIsReportedWithItsReasonWhileTheLinesAroundItAreRead(String kind, String badLine, String reason) {
    ReadResult result = read("in.jsonl", lines(PROFILE_P1, badLine, REQUEST_E1));

    assertThat(result.events()).extracting(EventFileReaderTest::idOf).containsExactly("p1", "e1");
    assertThat(result.badLines()).containsExactly(new BadLine("in.jsonl", 2, reason));
    assertThat(result.counts()).isEqualTo(new ReadCounts(3, 2, 1, 0));
  }

  @Test
  void bytesThatAreNotUtf8SpoilOnlyTheirLine() {
    ByteArrayOutputStream file = new ByteArrayOutputStream();
    file.writeBytes((PROFILE_P1 + "\n").getBytes(StandardCharsets.UTF_8));
    file.writeBytes("{\"type\":\"profile\",\"accountId\":\"a".getBytes(StandardCharsets.UTF_8));
    file.writeBytes(new byte[] {(byte) 0xC3, (byte) 0x28}); // a lead byte followed by a non-continuation byte
    file.writeBytes("\",\"updatedAt\":0,\"ageBand\":\"ADULT\"}\n".getBytes(StandardCharsets.UTF_8));
    file.writeBytes((REQUEST_E1 + "\n").getBytes(StandardCharsets.UTF_8));

    ReadResult result = read("events.jsonl", file.toByteArray());

    assertThat(result.events()).extracting(EventFileReaderTest::idOf).containsExactly("p1", "e1");
    assertThat(result.badLines()).singleElement().satisfies(bad -> {
      assertThat(bad.lineNumber()).isEqualTo(2);
      assertThat(bad.reason()).startsWith("not JSON: Invalid UTF-8");
    });
  }

  @Test
  void linesAreReadInFileOrderEvenWhenTheirEventTimesAreNot() {
    ReadResult result = read("events.jsonl", lines(REQUEST_E1, PROFILE_P2, MESSAGE_M1, PROFILE_P1));

    assertThat(result.events()).extracting(EventFileReaderTest::idOf).containsExactly("e1", "p2", "m1", "p1");
    assertThat(result.events()).extracting(EventFieldMapping::eventTime).containsExactly(
        Instant.parse("2026-03-05T12:00:00Z"), Instant.parse("2026-03-01T00:00:00Z"),
        Instant.parse("2026-02-01T12:00:00Z"), Instant.parse("2026-03-01T00:00:00Z"));
  }

  @Test
  void blankLinesAreSkippedAndCountedButKeepTheLineNumbersOfTheLinesAfterThem() {
    ReadResult result = read("events.jsonl", "\n\n" + PROFILE_P1 + "\n \n\t\r\n{\"type\":\"poke\"}\n\n");

    assertThat(result.events()).extracting(EventFileReaderTest::idOf).containsExactly("p1");
    assertThat(result.badLines()).extracting(BadLine::lineNumber).containsExactly(6L);
    assertThat(result.counts()).isEqualTo(new ReadCounts(7, 1, 1, 5));
  }

  @Test
  void windowsLineEndingsAndAByteOrderMarkAreAccepted() {
    ReadResult result = read("events.jsonl", "\uFEFF" + PROFILE_P1 + "\r\n" + REQUEST_E1 + "\r\n");

    assertThat(result.events()).extracting(EventFileReaderTest::idOf).containsExactly("p1", "e1");
    assertThat(result.badLines()).isEmpty();
  }

  @Test
  void anEmptyFileHasNoEventsAndNoLines() {
    ReadResult result = read("empty.jsonl", "");

    assertThat(result.events()).isEmpty();
    assertThat(result.counts()).isEqualTo(new ReadCounts(0, 0, 0, 0));
  }

  @Test
  void aLineLongerThanTheLimitIsReportedAndSkippedWithoutLosingTheNextLine() throws Exception {
    String longLine = "{\"type\":\"profile\",\"accountId\":\"" + "x".repeat(5_000) + "\"}";
    byte[] file = lines(PROFILE_P1, longLine, REQUEST_E1).getBytes(StandardCharsets.UTF_8);
    List<SpecificRecord> events = new ArrayList<>();
    List<BadLine> badLines = new ArrayList<>();

    try (JsonLinesReader<SpecificRecord> reader = new JsonLinesReader<>(new ByteArrayInputStream(file),
        "events.jsonl", badLines::add, EventFieldMapping::eventFromJson, 1_000)) {
      for (SpecificRecord event = reader.next(); event != null; event = reader.next()) {
        events.add(event);
      }
      assertThat(reader.counts()).isEqualTo(new ReadCounts(3, 2, 1, 0));
    }

    assertThat(events).extracting(EventFileReaderTest::idOf).containsExactly("p1", "e1");
    assertThat(badLines).containsExactly(new BadLine("events.jsonl", 2, "line longer than 1000 bytes"));
  }

  @Test
  void linesLongerThanTheReadBufferAreReadWhole() {
    String manyUnknownFields = "\"pad\":\"" + "y".repeat(200_000) + "\",";
    String line = PROFILE_P1.replace("{\"type\"", "{" + manyUnknownFields + "\"type\"");

    ReadResult result = read("events.jsonl", lines(REQUEST_E1, line, MESSAGE_M1));

    assertThat(result.events()).extracting(EventFileReaderTest::idOf).containsExactly("e1", "p1", "m1");
  }

  @Test
  void aFileOnDiskIsReadByPathAndBadLinesNameThePath(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("events.jsonl");
    Files.writeString(file, lines(PROFILE_P1, "{\"type\":\"poke\"}", MESSAGE_M1));
    List<SpecificRecord> events = new ArrayList<>();
    List<BadLine> badLines = new ArrayList<>();

    ReadCounts counts = EventFileReader.readAll(file, badLines::add, events::add);

    assertThat(events).extracting(EventFileReaderTest::idOf).containsExactly("p1", "m1");
    assertThat(badLines).extracting(BadLine::toString)
        .containsExactly(file + ":2: unknown type 'poke' (expected profile, friend_request, message, safety_report or review_verdict)");
    assertThat(counts).isEqualTo(new ReadCounts(3, 2, 1, 0));
  }

  @Test
  void whatTheWriterWritesTheReaderReadsBackEqual(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("written.jsonl");
    List<SpecificRecord> written = read("source.jsonl", lines(PROFILE_P1, REQUEST_E1, MESSAGE_M1, PROFILE_P2)).events();
    try (EventFileWriter writer = EventFileWriter.create(file)) {
      written.forEach(event -> {
        try {
          writer.write(event);
        } catch (java.io.IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      });
    }
    List<SpecificRecord> readBack = new ArrayList<>();

    EventFileReader.readAll(file, bad -> { throw new AssertionError(bad.toString()); }, readBack::add);

    assertThat(readBack).isEqualTo(written);
    assertThat(Files.readAllLines(file)).allSatisfy(line -> assertThat(line).startsWith("{\"type\":\""));
  }

  private static String idOf(SpecificRecord event) {
    if (event instanceof Profile) {
      return ((Profile) event).getAccountId();
    }
    if (event instanceof FriendRequestEvent) {
      return ((FriendRequestEvent) event).getEventId();
    }
    return ((MessageEvent) event).getEventId();
  }
}
