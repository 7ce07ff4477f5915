package org.targetwatch.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.targetwatch.schema.Severity;

/** The metric arithmetic on a tiny hand-made case: 3 offenders, 5 benign accounts, known alerts. */
class EvaluationTest {
  @TempDir Path dir;

  private static String profile(String id, String band) {
    return "{\"type\":\"profile\",\"accountId\":\"" + id + "\",\"updatedAt\":\"2026-03-01T00:00:00Z\",\"ageBand\":\"" + band + "\"}";
  }

  private static String request(String sender, String recipient, int minute) {
    return String.format("{\"type\":\"friend_request\",\"eventId\":\"%s-%s\",\"occurredAt\":\"2026-03-01T10:%02d:00Z\","
        + "\"senderId\":\"%s\",\"recipientId\":\"%s\",\"action\":\"SENT\"}", sender, recipient, minute, sender, recipient);
  }

  private static String alert(String account, String severity, int minute, double score) {
    return String.format("{\"type\":\"alert\",\"alertId\":\"%s-%s\",\"accountId\":\"%s\",\"detectedAt\":\"2026-03-01T10:%02d:00Z\","
        + "\"windowStart\":\"2026-03-01T00:00:00Z\",\"windowEnd\":\"2026-03-01T10:%02d:00Z\",\"score\":%s,\"severity\":\"%s\","
        + "\"reasons\":[],\"evidence\":{}}", account, severity, account, minute, minute, score, severity);
  }

  @Test
  void precisionRecallF1AndTimeToDetectAreComputedExactly() throws IOException {
    List<String> events = new ArrayList<>();
    for (int m = 1; m <= 6; m++) {
      events.add(profile("m" + m, "13_15"));
    }
    events.add(profile("adult", "ADULT"));
    // o1 contacts 4 minors and an adult, alerted MEDIUM at minute 3 (after 3 minors and the adult)
    events.add(request("o1", "m1", 0));
    events.add(request("o1", "adult", 1));
    events.add(request("o1", "m2", 2));
    events.add(request("o1", "m3", 3));
    events.add(request("o1", "m4", 4));
    // o2 contacts 5 minors, alerted HIGH at minute 4
    for (int m = 1; m <= 5; m++) {
      events.add(request("o2", "m" + m, m - 1));
    }
    // o3 is only alerted LOW: missed at the MEDIUM floor
    events.add(request("o3", "m6", 0));
    Files.write(dir.resolve("events.jsonl"), events);
    Files.write(dir.resolve("alerts.jsonl"), List.of(alert("o1", "LOW", 1, 0.3), alert("o1", "MEDIUM", 3, 0.5),
        alert("o2", "HIGH", 4, 0.7), alert("o3", "LOW", 0, 0.25), alert("b1", "MEDIUM", 5, 0.45),
        alert("b2", "LOW", 5, 0.2)));
    Map<String, String> labels = Map.of("o1", "offender.burst", "o2", "offender.burst", "o3", "offender.slow",
        "b1", "benign.teacher", "b2", "benign.teacher", "b3", "benign.ordinary", "b4", "benign.ordinary",
        "b5", "benign.ordinary");

    Evaluation.Result r = Evaluation.evaluate(dir.resolve("events.jsonl"), labels, dir.resolve("alerts.jsonl"),
        Severity.MEDIUM, bad -> { throw new AssertionError(bad.toString()); });

    assertThat(r.confusion()).isEqualTo(new Confusion(2, 1, 1, 4));
    assertThat(r.confusion().precision()).isCloseTo(2 / 3.0, within(1e-9));
    assertThat(r.confusion().recall()).isCloseTo(2 / 3.0, within(1e-9));
    assertThat(r.confusion().f1()).isCloseTo(2 / 3.0, within(1e-9));
    assertThat(r.minorsBeforeDetection()).containsExactlyInAnyOrder(3, 5);
    Evaluation.ClassRow teachers = r.rows().stream().filter(row -> row.label().equals("benign.teacher")).findFirst().orElseThrow();
    assertThat(teachers.alerted()).isEqualTo(1);
    assertThat(teachers.alertedAnySeverity()).isEqualTo(2);
    assertThat(EvaluationReport.markdown(r)).contains("| offender.burst | 2 | 2 | 1.000 | 2 | 4.0 / 5 |")
        .contains("precision 0.667, recall 0.667");
    String html = EvaluationReport.html(r, "t");
    assertThat(html).contains("<svg").contains("benign.teacher").contains("offender.slow");
  }

  @Test
  void quantilesFollowTheNearestRankRule() {
    assertThat(Quantiles.median(List.of(5, 1, 3))).isEqualTo(3.0);
    assertThat(Quantiles.median(List.of(4, 1, 3, 2))).isEqualTo(2.5);
    assertThat(Quantiles.percentile(List.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10), 0.9)).isEqualTo(9.0);
    assertThat(Quantiles.percentile(List.of(7), 0.9)).isEqualTo(7.0);
  }
}
