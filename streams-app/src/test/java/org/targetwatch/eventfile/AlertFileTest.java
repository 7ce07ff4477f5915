package org.targetwatch.eventfile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.targetwatch.schema.AgeBand;
import org.targetwatch.schema.Alert;
import org.targetwatch.schema.Evidence;
import org.targetwatch.schema.Reason;
import org.targetwatch.schema.Severity;

class AlertFileTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** A HIGH alert for a 3-day-old 15-year-old profile that sent requests to 12 popular minors. */
  private static Alert burstAlert() {
    Evidence evidence = Evidence.newBuilder()
        .setWindow("burst")
        .setDistinctTargets(14)
        .setDistinctMinors(12)
        .setMinorShare(0.857)
        .setPopulationMinorShare(0.3)
        .setFriendsMinorShare(0.5)
        .setMedianMinorTargetDegree(410.5)
        .setPopulationMinorDegreeP75(220.0)
        .setHighDegreeShare(0.75)
        .setMeanDegreePercentile(0.81)
        .setStrangerShare(0.92)
        .setRequestsSent(14)
        .setMessagesSent(3)
        .setAccepted(5)
        .setDeclined(2)
        .setRemoved(1)
        .setEscalations(2)
        .setSenderAccountAgeDays(3.25)
        .setSenderDegree(4)
        .setSenderAgeBand(AgeBand.AGE_13_15)
        .setSampleTargetIds(List.of("m1", "m2", "ü-3"))
        .setTargetsCapped(true)
        .setTargetCap(200)
        .setCampaignSize(3)
        .setCampaignSharedTargets(List.of("m2"))
        .setOwnDistinctMinors(12)
        .build();
    return new Alert("alert-7f3a", "a9", Instant.parse("2026-03-01T12:00:00.250Z"),
        Instant.parse("2026-03-01T11:00:00Z"), Instant.parse("2026-03-01T12:00:00.250Z"), 0.82, Severity.HIGH,
        List.of(new Reason("distinctMinors", 12.0, 8.0, 1.25), new Reason("highDegreeShare", 0.75, 0.5, -0.5)),
        evidence, "campaign-1c");
  }

  private static String write(Alert... alerts) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (AlertFileWriter writer = new AlertFileWriter(bytes)) {
      for (Alert alert : alerts) {
        writer.write(alert);
      }
      assertThat(writer.written()).isEqualTo(alerts.length);
    }
    return bytes.toString(StandardCharsets.UTF_8);
  }

  private static List<Alert> read(String content, List<BadLine> badLines) throws IOException {
    List<Alert> alerts = new ArrayList<>();
    try (AlertFileReader reader = new AlertFileReader(
        new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8)), "alerts.jsonl", badLines::add)) {
      reader.forEachAlert(alerts::add);
    }
    return alerts;
  }

  @Test
  void whatTheWriterWritesTheReaderReadsBackEqual() throws IOException {
    Alert withCampaign = burstAlert();
    Alert alone = Alert.newBuilder(burstAlert()).setAlertId("alert-2").setCampaignId(null)
        .setEvidence(Evidence.newBuilder(burstAlert().getEvidence()).setSenderAccountAgeDays(null).build())
        .build();
    List<BadLine> badLines = new ArrayList<>();

    List<Alert> readBack = read(write(withCampaign, alone), badLines);

    assertThat(readBack).containsExactly(withCampaign, alone);
    assertThat(badLines).isEmpty();
  }

  @Test
  void anAlertLineHasTheContractFieldsInOrderWithTypeFirstAndFileSpellings() throws IOException {
    String line = write(burstAlert());

    assertThat(line).endsWith("}\n").hasLineCount(1);
    JsonNode alert = JSON.readTree(line);
    assertThat(fieldNames(alert)).containsExactly("type", "alertId", "accountId", "detectedAt", "windowStart",
        "windowEnd", "score", "severity", "reasons", "evidence", "campaignId");
    assertThat(alert.get("type").textValue()).isEqualTo("alert");
    assertThat(alert.get("detectedAt").textValue()).isEqualTo("2026-03-01T12:00:00.250Z");
    assertThat(alert.get("windowStart").textValue()).isEqualTo("2026-03-01T11:00:00Z");
    assertThat(alert.get("score").doubleValue()).isEqualTo(0.82);
    assertThat(alert.get("severity").textValue()).isEqualTo("HIGH");
    assertThat(alert.get("reasons").toString()).isEqualTo(
        "[{\"signal\":\"distinctMinors\",\"value\":12.0,\"threshold\":8.0,\"contribution\":1.25},"
            + "{\"signal\":\"highDegreeShare\",\"value\":0.75,\"threshold\":0.5,\"contribution\":-0.5}]");
    assertThat(alert.get("evidence").get("senderAgeBand").textValue()).isEqualTo("13_15");
    assertThat(alert.get("campaignId").textValue()).isEqualTo("campaign-1c");
  }

  /** The evidence fields of reports, blocks and verdicts (issue 17): written only when they say something. */
  private static final List<String> SAFETY_LOOP_FIELDS = List.of("protectingMinors", "blockingMinors",
      "reportingMinors", "sexualHarmReports", "otherReporters", "reviewVerdict", "reviewedAlertId", "confirmedLinks");

  private static Alert reportedAndConfirmed() {
    return Alert.newBuilder(burstAlert()).setEvidence(Evidence.newBuilder(burstAlert().getEvidence())
        .setProtectingMinors(3).setBlockingMinors(2).setReportingMinors(2).setSexualHarmReports(1).setOtherReporters(4)
        .setReviewVerdict("CONFIRMED").setReviewedAlertId("alert-0").setConfirmedLinks(List.of("alert-9")).build())
        .build();
  }

  @Test
  void theEvidenceObjectHasEveryEvidenceFieldOfTheSchema() throws IOException {
    JsonNode evidence = JSON.readTree(write(reportedAndConfirmed())).get("evidence");

    assertThat(fieldNames(evidence)).containsExactlyElementsOf(
        Evidence.getClassSchema().getFields().stream().map(Schema.Field::name).toList());
  }

  @Test
  void anUnknownSenderAccountAgeAndAnAbsentCampaignAreLeftOut() throws IOException {
    Alert alert = Alert.newBuilder(burstAlert()).setCampaignId(null)
        .setEvidence(Evidence.newBuilder(burstAlert().getEvidence()).setSenderAccountAgeDays(null).build())
        .build();

    JsonNode line = JSON.readTree(write(alert));

    assertThat(line.has("campaignId")).isFalse();
    assertThat(line.get("evidence").has("senderAccountAgeDays")).isFalse();
    assertThat(line.get("evidence").size()).isEqualTo(Evidence.getClassSchema().getFields().size() - 1 - SAFETY_LOOP_FIELDS.size());
  }

  @Test
  void anAlertWithoutReportsOrVerdictsIsWrittenAsBeforeThemAndOneWithThemIsReadBackEqual() throws IOException {
    JsonNode plain = JSON.readTree(write(burstAlert())).get("evidence");
    Alert withThem = reportedAndConfirmed();

    assertThat(fieldNames(plain)).doesNotContainAnyElementsOf(SAFETY_LOOP_FIELDS);
    assertThat(read(write(withThem), new ArrayList<>())).containsExactly(withThem);
  }

  @Test
  void evidenceFieldsAbsentFromTheFileTakeTheSchemaDefaults() throws IOException {
    String line = "{\"type\":\"alert\",\"alertId\":\"x\",\"accountId\":\"a\",\"detectedAt\":0,\"windowStart\":0,"
        + "\"windowEnd\":1000,\"score\":0.5,\"severity\":\"LOW\",\"reasons\":[],\"evidence\":{},\"extra\":1}";

    List<Alert> alerts = read(line, new ArrayList<>());

    assertThat(alerts).singleElement().satisfies(alert -> {
      assertThat(alert.getEvidence()).isEqualTo(Evidence.newBuilder().build());
      assertThat(alert.getCampaignId()).isNull();
      assertThat(alert.getWindowEnd()).isEqualTo(Instant.ofEpochMilli(1000));
    });
  }

  @Test
  void aBadAlertLineIsReportedWithItsNumberAndTheNestedFieldWhileTheOthersAreRead() throws IOException {
    String good = write(burstAlert());
    String badReason = good.replace("\"threshold\":0.5", "\"threshold\":\"half\"");
    String badEvidence = good.replace("\"distinctMinors\":12", "\"distinctMinors\":12.5");
    String badSeverity = good.replace("\"HIGH\"", "\"SEVERE\"");
    String event = "{\"type\":\"message\",\"eventId\":\"m\"}\n";
    List<BadLine> badLines = new ArrayList<>();

    List<Alert> alerts = read(good + badReason + badEvidence + "\n" + badSeverity + event + good, badLines);

    assertThat(alerts).containsExactly(burstAlert(), burstAlert());
    assertThat(badLines).extracting(BadLine::toString).containsExactly(
        "alerts.jsonl:2: alert: reasons[1]: field 'threshold' must be a number, was a string",
        "alerts.jsonl:3: alert: evidence: field 'distinctMinors' must be a whole number, was a number",
        "alerts.jsonl:5: alert: field 'severity' has unknown value 'SEVERE' (expected LOW, MEDIUM, HIGH, CRITICAL)",
        "alerts.jsonl:6: unknown type 'message' (expected alert)");
  }

  @Test
  void anAlertWithANumberJsonCannotCarryIsRefusedAndNothingIsWritten() throws IOException {
    Alert notANumber = Alert.newBuilder(burstAlert()).setScore(Double.NaN).build();
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    try (AlertFileWriter writer = new AlertFileWriter(bytes)) {
      assertThatThrownBy(() -> writer.write(notANumber))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("alert alert-7f3a: field 'score' is NaN; an alert file needs finite numbers");
    }
    assertThat(bytes.size()).isZero();
  }

  @Test
  void anAlertFileOnDiskIsReadByPath(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("alerts.jsonl");
    try (AlertFileWriter writer = AlertFileWriter.create(file)) {
      writer.write(burstAlert());
    }
    List<Alert> alerts = new ArrayList<>();

    ReadCounts counts = AlertFileReader.readAll(file, bad -> { throw new AssertionError(bad.toString()); }, alerts::add);

    assertThat(alerts).containsExactly(burstAlert());
    assertThat(counts).isEqualTo(new ReadCounts(1, 1, 0, 0));
  }

  private static List<String> fieldNames(JsonNode object) {
    List<String> names = new ArrayList<>();
    for (Iterator<String> it = object.fieldNames(); it.hasNext(); ) {
      names.add(it.next());
    }
    return names;
  }
}
