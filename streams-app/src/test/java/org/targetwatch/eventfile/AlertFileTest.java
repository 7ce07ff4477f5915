package org.targetwatch.eventfile;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;
import org.targetwatch.schema.AgeBand;
import org.targetwatch.schema.Alert;
import org.targetwatch.schema.Evidence;
import org.targetwatch.schema.Reason;
import org.targetwatch.schema.Severity;

class AlertFileTest {
  static Alert alert(String campaignId, Double ageDays) {
    Evidence evidence = Evidence.newBuilder().setWindow("burst").setDistinctMinors(9).setDistinctTargets(10)
        .setSenderAccountAgeDays(ageDays).setSenderAgeBand(AgeBand.AGE_13_15)
        .setSampleTargetIds(List.of("m1", "m2")).build();
    return Alert.newBuilder().setAlertId("id-1").setAccountId("acc").setDetectedAt(Instant.parse("2026-03-01T10:00:00Z"))
        .setWindowStart(Instant.parse("2026-02-28T10:00:00Z")).setWindowEnd(Instant.parse("2026-03-01T10:00:00Z"))
        .setScore(0.75).setSeverity(Severity.HIGH)
        .setReasons(List.of(new Reason("distinct_minors", 9.0, 6.0), new Reason("degree_preference", 0.9, 0.7)))
        .setEvidence(evidence).setCampaignId(campaignId).build();
  }

  @Test
  void anAlertLineCarriesTheContractFieldsAndOmitsWhatIsAbsent() throws IOException {
    StringWriter out = new StringWriter();
    try (JsonLinesWriter writer = new JsonLinesWriter(out)) {
      writer.write(alert(null, null));
    }
    JsonNode line = new ObjectMapper().readTree(out.toString());
    assertThat(line.get("type").asText()).isEqualTo("alert");
    assertThat(line.get("severity").asText()).isEqualTo("HIGH");
    assertThat(line.get("detectedAt").asText()).isEqualTo("2026-03-01T10:00:00Z");
    assertThat(line.get("reasons").get(0).get("signal").asText()).isEqualTo("distinct_minors");
    assertThat(line.get("reasons").get(0).get("threshold").asDouble()).isEqualTo(6.0);
    assertThat(line.get("evidence").get("sampleTargetIds")).hasSize(2);
    assertThat(line.get("evidence").get("senderAgeBand").asText()).isEqualTo("13_15");
    assertThat(line.has("campaignId")).isFalse();
    assertThat(line.get("evidence").has("senderAccountAgeDays")).isFalse();
  }

  @Test
  void alertsRoundTripThroughTheAlertReader() throws IOException {
    List<Alert> alerts = List.of(alert("camp-1", 2.5), alert(null, null));
    StringWriter out = new StringWriter();
    try (JsonLinesWriter writer = new JsonLinesWriter(out)) {
      alerts.forEach(writer::write);
    }
    List<SpecificRecord> back = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    EventFileReader.forAlerts((f, n, r) -> problems.add(r)).read("alerts.jsonl", new StringReader(out.toString()),
        (n, r) -> back.add(r));
    assertThat(problems).isEmpty();
    assertThat(back).isEqualTo(alerts);
  }
}
