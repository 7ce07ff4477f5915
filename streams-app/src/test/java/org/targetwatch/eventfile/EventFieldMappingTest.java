package org.targetwatch.eventfile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.targetwatch.eventfile.EventFiles.lines;
import static org.targetwatch.eventfile.EventFiles.read;
import static org.targetwatch.eventfile.EventFiles.write;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.targetwatch.schema.AgeBand;
import org.targetwatch.schema.Alert;
import org.targetwatch.schema.FriendRequestAction;
import org.targetwatch.schema.FriendRequestEvent;
import org.targetwatch.schema.MessageEvent;
import org.targetwatch.schema.Profile;
import org.targetwatch.schema.ReportCategory;
import org.targetwatch.schema.ReviewVerdict;
import org.targetwatch.schema.SafetyAction;
import org.targetwatch.schema.SafetyReport;
import org.targetwatch.schema.Verdict;

class EventFieldMappingTest {

  private static final Instant NOON = Instant.parse("2026-03-01T12:00:00Z");

  @Test
  void aProfileLineBecomesAProfileAndIsWrittenBackAsTheSameLine() {
    String line = "{\"type\":\"profile\",\"accountId\":\"a17\",\"updatedAt\":\"2026-03-01T00:00:00Z\","
        + "\"createdAt\":\"2025-09-02T10:00:00Z\",\"ageBand\":\"13_15\",\"deleted\":true}";

    Profile profile = (Profile) read("events.jsonl", lines(line)).onlyEvent();

    assertThat(profile).isEqualTo(new Profile("a17", Instant.parse("2026-03-01T00:00:00Z"),
        Instant.parse("2025-09-02T10:00:00Z"), AgeBand.AGE_13_15, true));
    assertThat(write(profile)).isEqualTo(lines(line));
  }

  @Test
  void aFriendRequestLineBecomesAFriendRequestEventAndIsWrittenBackAsTheSameLine() {
    String line = "{\"type\":\"friend_request\",\"eventId\":\"e1\",\"occurredAt\":\"2026-03-01T12:00:00Z\","
        + "\"senderId\":\"a9\",\"recipientId\":\"a17\",\"action\":\"SENT\"}";

    FriendRequestEvent request = (FriendRequestEvent) read("events.jsonl", lines(line)).onlyEvent();

    assertThat(request).isEqualTo(new FriendRequestEvent("e1", NOON, "a9", "a17", FriendRequestAction.SENT));
    assertThat(write(request)).isEqualTo(lines(line));
  }

  @Test
  void aMessageLineBecomesAMessageEventAndIsWrittenBackAsTheSameLine() {
    String line = "{\"type\":\"message\",\"eventId\":\"m1\",\"occurredAt\":\"2026-03-01T12:00:00Z\","
        + "\"senderId\":\"a9\",\"recipientId\":\"a17\",\"conversationId\":\"c4\",\"hasMedia\":true}";

    MessageEvent message = (MessageEvent) read("events.jsonl", lines(line)).onlyEvent();

    assertThat(message).isEqualTo(new MessageEvent("m1", NOON, "a9", "a17", "c4", true));
    assertThat(write(message)).isEqualTo(lines(line));
  }

  @Test
  void theContractsSafetyReportExampleBecomesASafetyReportAndIsWrittenBackAsTheSameLine() {
    String line = "{\"type\":\"safety_report\",\"eventId\":\"r1\",\"occurredAt\":\"2026-03-01T12:05:00Z\","
        + "\"reporterId\":\"a17\",\"reportedId\":\"a9\",\"action\":\"BLOCKED\"}";

    SafetyReport report = (SafetyReport) read("events.jsonl", lines(line)).onlyEvent();

    assertThat(report).isEqualTo(new SafetyReport("r1", Instant.parse("2026-03-01T12:05:00Z"), "a17", "a9",
        SafetyAction.BLOCKED, null));
    assertThat(write(report)).isEqualTo(lines(line));
    assertThat(EventFieldMapping.typeOf(report)).isEqualTo("safety_report");
    assertThat(EventFieldMapping.eventTime(report)).isEqualTo(Instant.parse("2026-03-01T12:05:00Z"));
  }

  @Test
  void aReportWithACategoryKeepsItAndAReportWithoutOneLeavesItUnsetWhichCountsAsOther() {
    String withCategory = "{\"type\":\"safety_report\",\"eventId\":\"r2\",\"occurredAt\":\"2026-03-01T12:00:00Z\","
        + "\"reporterId\":\"a17\",\"reportedId\":\"a9\",\"action\":\"REPORTED\",\"category\":\"GROOMING\"}";

    SafetyReport report = (SafetyReport) read("events.jsonl", lines(withCategory)).onlyEvent();

    assertThat(report.getCategory()).isEqualTo(ReportCategory.GROOMING);
    assertThat(write(report)).isEqualTo(lines(withCategory));
  }

  @Test
  void theContractsReviewVerdictExampleBecomesAReviewVerdictAndIsWrittenBackAsTheSameLine() {
    String line = "{\"type\":\"review_verdict\",\"eventId\":\"v1\",\"occurredAt\":\"2026-03-02T09:00:00Z\","
        + "\"accountId\":\"a9\",\"verdict\":\"CLEARED\",\"alertId\":\"45c3e588-d932-3798-9fee-d6fb79e58a52\","
        + "\"reviewerId\":\"rv-3\"}";

    ReviewVerdict verdict = (ReviewVerdict) read("events.jsonl", lines(line)).onlyEvent();

    assertThat(verdict).isEqualTo(new ReviewVerdict("v1", Instant.parse("2026-03-02T09:00:00Z"), "a9", Verdict.CLEARED,
        "45c3e588-d932-3798-9fee-d6fb79e58a52", "rv-3"));
    assertThat(write(verdict)).isEqualTo(lines(line));
  }

  @Test
  void aVerdictWithoutItsOptionalFieldsIsReadAndWrittenWithoutThem() {
    String line = "{\"type\":\"review_verdict\",\"eventId\":\"v2\",\"occurredAt\":\"2026-03-02T09:00:00Z\","
        + "\"accountId\":\"a9\",\"verdict\":\"REOPENED\"}";

    ReviewVerdict verdict = (ReviewVerdict) read("events.jsonl", lines(line)).onlyEvent();

    assertThat(verdict.getAlertId()).isNull();
    assertThat(verdict.getReviewerId()).isNull();
    assertThat(write(verdict)).isEqualTo(lines(line));
  }

  @ParameterizedTest
  @EnumSource(FriendRequestAction.class)
  void everyFriendRequestActionIsReadByItsName(FriendRequestAction action) {
    String line = "{\"type\":\"friend_request\",\"eventId\":\"e1\",\"occurredAt\":0,"
        + "\"senderId\":\"a9\",\"recipientId\":\"a17\",\"action\":\"" + action.name() + "\"}";

    assertThat(((FriendRequestEvent) read("events.jsonl", line).onlyEvent()).getAction()).isEqualTo(action);
  }

  @Test
  void epochMillisecondsAndIsoTextGiveTheSameInstant() {
    String iso = "{\"type\":\"message\",\"eventId\":\"m1\",\"occurredAt\":\"2026-03-01T12:00:00Z\",\"senderId\":\"a\",\"recipientId\":\"b\"}";
    String millis = "{\"type\":\"message\",\"eventId\":\"m1\",\"occurredAt\":" + NOON.toEpochMilli() + ",\"senderId\":\"a\",\"recipientId\":\"b\"}";

    MessageEvent fromIso = (MessageEvent) read("events.jsonl", iso).onlyEvent();
    MessageEvent fromMillis = (MessageEvent) read("events.jsonl", millis).onlyEvent();

    assertThat(fromMillis.getOccurredAt()).isEqualTo(NOON);
    assertThat(fromMillis).isEqualTo(fromIso);
    assertThat(write(fromMillis)).contains("\"occurredAt\":\"2026-03-01T12:00:00Z\"");
  }

  @ParameterizedTest
  @CsvSource({
    "2026-03-01T12:00:00.5Z,         2026-03-01T12:00:00.500Z",
    "2026-03-01T12:00:00.123Z,       2026-03-01T12:00:00.123Z",
    "2026-03-01T12:00:00.123456789Z, 2026-03-01T12:00:00.123Z",
    "2026-03-01T12:00:00.999999Z,    2026-03-01T12:00:00.999Z",
  })
  void fractionsOfASecondAreReadToTheMillisecondAvroKeeps(String written, String expected) {
    String line = "{\"type\":\"profile\",\"accountId\":\"a\",\"updatedAt\":\"" + written + "\",\"ageBand\":\"ADULT\"}";

    Profile profile = (Profile) read("events.jsonl", line).onlyEvent();

    assertThat(profile.getUpdatedAt()).isEqualTo(Instant.parse(expected));
    assertThat(write(profile)).contains("\"updatedAt\":\"" + Instant.parse(expected) + "\"");
  }

  @Test
  void epochMillisecondsWrittenAsAFloatAreReadToo() {
    String line = "{\"type\":\"profile\",\"accountId\":\"a\",\"updatedAt\":1.7723664E12,\"ageBand\":\"ADULT\"}";

    assertThat(((Profile) read("events.jsonl", line).onlyEvent()).getUpdatedAt())
        .isEqualTo(Instant.ofEpochMilli(1_772_366_400_000L));
  }

  @ParameterizedTest
  @CsvSource({"UNDER_13, UNDER_13", "13_15, AGE_13_15", "16_17, AGE_16_17", "ADULT, ADULT", "UNKNOWN, UNKNOWN"})
  void ageBandsAreSpelledInFilesAsTheContractSaysAndMapToTheAvroSymbols(String inFile, AgeBand inAvro) {
    String line = "{\"type\":\"profile\",\"accountId\":\"a\",\"updatedAt\":0,\"ageBand\":\"" + inFile + "\"}";

    Profile profile = (Profile) read("events.jsonl", line).onlyEvent();

    assertThat(profile.getAgeBand()).isEqualTo(inAvro);
    assertThat(EventFieldMapping.ageBandToJson(inAvro)).isEqualTo(inFile);
    assertThat(EventFieldMapping.ageBandFromJson(inFile)).isEqualTo(inAvro);
    assertThat(write(profile)).contains("\"ageBand\":\"" + inFile + "\"");
  }

  @ParameterizedTest
  @ValueSource(strings = {"AGE_13_15", "AGE_16_17", "13-15", "adult", ""})
  void ageBandsSpelledOtherwiseThanTheContractAreNotBands(String symbol) {
    assertThat(EventFieldMapping.ageBandFromJson(symbol)).isNull();
  }

  @Test
  void optionalFieldsTakeTheContractDefaultsWhenAbsentOrNull() {
    Profile profile = (Profile) read("events.jsonl",
        "{\"type\":\"profile\",\"accountId\":\"a\",\"updatedAt\":0,\"ageBand\":\"ADULT\"}").onlyEvent();
    MessageEvent message = (MessageEvent) read("events.jsonl",
        "{\"type\":\"message\",\"eventId\":\"m\",\"occurredAt\":0,\"senderId\":\"a\",\"recipientId\":\"b\","
            + "\"conversationId\":null,\"hasMedia\":null}").onlyEvent();

    assertThat(profile.getDeleted()).isFalse();
    assertThat(profile.getCreatedAt()).isNull();
    assertThat(message.getHasMedia()).isFalse();
    assertThat(message.getConversationId()).isNull();
  }

  @Test
  void absentOptionalFieldsAreLeftOutWhenWritten() {
    String written = write(new Profile("a", NOON, null, AgeBand.ADULT, false),
        new MessageEvent("m", NOON, "a", "b", null, false));

    assertThat(written).isEqualTo(lines(
        "{\"type\":\"profile\",\"accountId\":\"a\",\"updatedAt\":\"2026-03-01T12:00:00Z\",\"ageBand\":\"ADULT\",\"deleted\":false}",
        "{\"type\":\"message\",\"eventId\":\"m\",\"occurredAt\":\"2026-03-01T12:00:00Z\",\"senderId\":\"a\",\"recipientId\":\"b\",\"hasMedia\":false}"));
  }

  @Test
  void unknownFieldsAreIgnoredWhateverTheirJsonType() {
    String line = "{\"platform\":\"x\",\"type\":\"friend_request\",\"eventId\":\"e1\",\"score\":0.5,"
        + "\"occurredAt\":\"2026-03-01T12:00:00Z\",\"senderId\":\"a9\",\"meta\":{\"nested\":[1,{\"deep\":true}]},"
        + "\"recipientId\":\"a17\",\"action\":\"ACCEPTED\",\"flag\":null,\"list\":[]}";

    assertThat(read("events.jsonl", line).onlyEvent())
        .isEqualTo(new FriendRequestEvent("e1", NOON, "a9", "a17", FriendRequestAction.ACCEPTED));
  }

  @Test
  void idsInAnyScriptSurviveTheRoundTripAsUtf8() {
    String line = "{\"type\":\"message\",\"eventId\":\"é-1\",\"occurredAt\":\"2026-03-01T12:00:00Z\","
        + "\"senderId\":\"Ærøskøbing-7\",\"recipientId\":\"账户-🙂\",\"conversationId\":\"\\u00fc\\n\",\"hasMedia\":false}";

    MessageEvent message = (MessageEvent) read("events.jsonl", lines(line)).onlyEvent();

    assertThat(message.getEventId()).isEqualTo("é-1");
    assertThat(message.getSenderId()).isEqualTo("Ærøskøbing-7");
    assertThat(message.getRecipientId()).isEqualTo("账户-🙂");
    assertThat(message.getConversationId()).isEqualTo("ü\n");
    assertThat(read("events.jsonl", write(message)).onlyEvent()).isEqualTo(message);
    assertThat(write(message)).contains("\"recipientId\":\"账户-🙂\"");
  }

  @Test
  void theEventTimeIsOccurredAtOrUpdatedAtForAProfile() {
    assertThat(EventFieldMapping.eventTime(new Profile("a", NOON, Instant.EPOCH, AgeBand.ADULT, false))).isEqualTo(NOON);
    assertThat(EventFieldMapping.eventTime(new FriendRequestEvent("e", NOON, "a", "b", FriendRequestAction.SENT))).isEqualTo(NOON);
    assertThat(EventFieldMapping.eventTime(new MessageEvent("m", NOON, "a", "b", null, false))).isEqualTo(NOON);
  }

  @Test
  void writingARecordThatIsNotAnEventFailsWithItsClassName() {
    assertThatThrownBy(() -> write(new Alert()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not an event record: org.targetwatch.schema.Alert");
  }

  @Test
  void writingAnEventWithoutARequiredFieldNamesTheFieldAndWritesNothing() throws Exception {
    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
    try (EventFileWriter writer = new EventFileWriter(bytes)) {
      writer.write(new FriendRequestEvent("e1", NOON, "a9", "a17", FriendRequestAction.SENT));
      FriendRequestEvent noRecipient = new FriendRequestEvent("e2", NOON, "a9", "x", FriendRequestAction.SENT);
      noRecipient.setRecipientId(null);

      assertThatThrownBy(() -> writer.write(noRecipient))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("friend_request: required field 'recipientId' is null");
      writer.write(new FriendRequestEvent("e3", NOON, "a9", "a18", FriendRequestAction.SENT));
      assertThat(writer.written()).isEqualTo(2);
    }

    assertThat(read("events.jsonl", bytes.toByteArray()).events())
        .extracting(e -> ((FriendRequestEvent) e).getEventId()).containsExactly("e1", "e3");
  }
}
