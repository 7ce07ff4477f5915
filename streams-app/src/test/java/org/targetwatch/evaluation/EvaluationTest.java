package org.targetwatch.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.targetwatch.eventfile.BadLine;
import org.targetwatch.schema.Severity;

/** Real event, label and alert files of a tiny hand-made case (3 offenders, 5 benign accounts), read and scored. */
class EvaluationTest {
  @TempDir Path dir;

  private static final Map<Severity, Double> CUT_OFFS = Map.of(Severity.LOW, 0.2, Severity.MEDIUM, 0.4,
      Severity.HIGH, 0.6, Severity.CRITICAL, 0.85);

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

  private Evaluation.Result evaluateTheHandMadeCase(List<BadLine> badLines) throws IOException {
    List<String> events = new ArrayList<>();
    // o2 contacts 5 minors, minute 0..4, alerted HIGH at minute 4; written first and backwards (unsorted file)
    for (int m = 5; m >= 1; m--) {
      events.add(request("o2", "m" + m, m - 1));
    }
    for (int m = 1; m <= 6; m++) {
      events.add(profile("m" + m, "13_15"));
    }
    events.add(profile("adult", "ADULT"));
    events.add("this is not JSON");
    // o1 contacts 4 minors and an adult; first MEDIUM alert at minute 3, after 3 minors and the adult
    events.add(request("o1", "m1", 0));
    events.add(request("o1", "adult", 1));
    events.add(request("o1", "m2", 2));
    events.add(request("o1", "m3", 3));
    events.add(request("o1", "m4", 4));
    // o3 is only ever alerted LOW: missed at the MEDIUM floor
    events.add(request("o3", "m6", 0));
    Files.write(dir.resolve("events.jsonl"), events);
    // the later MEDIUM alert of o1 comes first in the file: the first alert is the earliest, not the first line
    Files.write(dir.resolve("alerts.jsonl"), List.of(alert("o1", "MEDIUM", 9, 0.45), alert("o1", "LOW", 1, 0.3),
        alert("o1", "MEDIUM", 3, 0.5), alert("o2", "HIGH", 4, 0.7), alert("o3", "LOW", 0, 0.25),
        alert("b1", "MEDIUM", 5, 0.45), alert("b2", "LOW", 5, 0.2)));
    Files.writeString(dir.resolve("labels.json"), """
        {"o1": "offender.burst", "o2": "offender.burst", "o3": "offender.slow",
         "b1": "benign.teacher", "b2": "benign.teacher",
         "b3": "benign.ordinary", "b4": "benign.ordinary", "b5": "benign.ordinary"}
        """);
    return Evaluation.evaluate(dir.resolve("events.jsonl"), dir.resolve("labels.json"), dir.resolve("alerts.jsonl"),
        Severity.MEDIUM, badLines::add);
  }

  @Test
  void precisionRecallF1AndMinorsBeforeDetectionComeOutExactlyFromRealFiles() throws IOException {
    List<BadLine> badLines = new ArrayList<>();
    Evaluation.Result r = evaluateTheHandMadeCase(badLines);

    DetectionTable t = r.table();
    assertThat(t.confusion()).isEqualTo(new ConfusionCounts(2, 1, 1, 4));
    assertThat(t.confusion().f1()).isCloseTo(2 / 3.0, within(1e-12));
    assertThat(t.minorsBeforeDetection()).containsExactlyInAnyOrder(3, 5);
    assertThat(badLines).singleElement().satisfies(bad -> assertThat(bad.lineNumber()).isEqualTo(13));
    assertThat(r.facts()).extracting("labelledAccounts", "profiles", "friendRequests", "messages", "badEventLines", "alerts")
        .containsExactly(8, 7L, 11L, 0L, 1L, 7L);
  }

  @Test
  void theMarkdownTableHasOneRowPerClassAndTheOverallFigures() throws IOException {
    String markdown = MarkdownReport.render(evaluateTheHandMadeCase(new ArrayList<>()));

    assertThat(markdown)
        .contains("| offender.burst | 2 | 2 / 2 | 100.0% | 100.0% | 4 / 5 | 0 |")
        .contains("| offender.slow | 1 | 0 / 1 | 0.0% | 100.0% | - | 1 |")
        .contains("| benign.teacher | 2 | 1 / 2 | 50.0% (over 5%) | 100.0% |  |  |")
        .contains("| benign.ordinary | 3 | 0 / 3 | 0.0% | 0.0% |  |  |")
        .contains("| precision | 0.667 (2 of 3 alerted accounts are offenders) |")
        .contains("| recall | 0.667 (2 of 3 offenders alerted) |")
        .contains("| F1 | 0.667 |")
        .contains("| 4 / 5 (1 never detected) |")
        .contains("| benign classes alerted in more than 5% of their accounts | benign.teacher (1 of 2) |");
  }

  @Test
  void theHtmlReportHasTheTableRowsAndThreeSvgPlots() throws IOException {
    String html = HtmlReport.render(evaluateTheHandMadeCase(new ArrayList<>()), CUT_OFFS);

    assertThat(html.split("<svg ", -1)).hasSize(4);
    assertThat(html).contains("<td>offender.burst</td>", "<td>offender.slow</td>", "<td>benign.teacher</td>",
        "<td>benign.ordinary</td>")
        .contains("<circle", "<rect", "events.jsonl", ">MEDIUM<", "1 never detected")
        .contains("highest alert score of the account (0..1)")
        .contains("distinct minors the offender had contacted up to its first MEDIUM+ alert")
        .endsWith("</html>\n");
  }

  @Test
  void aLabelsFileThatIsNotAJsonObjectIsRefusedWithTheFileName() throws IOException {
    Path labels = dir.resolve("labels.json");
    Files.writeString(labels, "[\"o1\", \"o2\"]");

    assertThatThrownBy(() -> Evaluation.readLabels(labels)).isInstanceOf(Evaluation.LabelsFileException.class)
        .hasMessageContaining("labels.json").hasMessageContaining("account id -> class label");
  }
}
