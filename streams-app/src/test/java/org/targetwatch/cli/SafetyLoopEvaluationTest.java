package org.targetwatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.targetwatch.eventfile.EventFileReader;
import org.targetwatch.evaluation.Evaluation;
import org.targetwatch.schema.Alert;
import org.targetwatch.schema.ReviewVerdict;
import org.targetwatch.schema.Verdict;

/**
 * {@code evaluate --worlds 1 --safety-loop} end to end on one small world with reports (3,000
 * accounts, 7 days, training seed 1000): the figures are those of the three replays' alert files and
 * the reviewer's verdict file it leaves in the report directory.
 */
class SafetyLoopEvaluationTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final long SEED = 1000;

  @TempDir static Path shared;
  static Path report;
  static EvaluateWorldsCommandTest.Outcome outcome;
  static JsonNode summary;

  @BeforeAll
  static void evaluateTheLoopOnOneSmallWorld() throws IOException {
    report = shared.resolve("report");
    outcome = EvaluateWorldsCommandTest.run(List.of("evaluate", "--worlds", "1", "--seed", String.valueOf(SEED),
        "--accounts", "3000", "--days", "7", "--safety-loop", "--work", shared.resolve("worlds").toString(),
        "--report", report.toString()));
    Path json = report.resolve("safety-loop.json");
    summary = Files.isRegularFile(json) ? JSON.readTree(json.toFile()) : null;
  }

  private static Path alerts(String pass) {
    return report.resolve("alerts/world-" + SEED + "-" + pass + ".jsonl");
  }

  private static List<ReviewVerdict> verdicts() throws IOException {
    List<ReviewVerdict> verdicts = new ArrayList<>();
    EventFileReader.readAll(report.resolve("verdicts/world-" + SEED + ".jsonl"), bad -> {
      throw new AssertionError(bad.toString());
    }, (SpecificRecord r) -> verdicts.add((ReviewVerdict) r));
    return verdicts;
  }

  @Test
  void theLoopIsEvaluatedIntoThreeAlertFilesAVerdictFileAndItsSummary() {
    assertThat(outcome.code()).as(outcome.err()).isZero();
    for (String pass : new String[] {"without-reports", "with-reports", "with-verdicts"}) {
      assertThat(alerts(pass)).isRegularFile();
    }
    assertThat(summary.path("format").asText()).isEqualTo("targetwatch-safety-loop/1");
    assertThat(outcome.out()).contains("| precision |").contains("repeat alerts of cleared benign accounts on unchanged evidence");
  }

  @Test
  void theReplayWithoutReportsSawNoReportsAndTheOneWithThemDid() throws IOException {
    String without = Files.readString(alerts("without-reports"));
    String with = Files.readString(alerts("with-reports"));

    assertThat(without).doesNotContain("\"protectingMinors\"").doesNotContain("\"otherReporters\"");
    assertThat(with).containsAnyOf("\"protectingMinors\"", "\"otherReporters\"");
  }

  @Test
  void theVerdictsReachedTheDetectorInTheSecondReplay() throws IOException {
    List<ReviewVerdict> verdicts = verdicts();
    JsonNode world = summary.path("worlds").get(0);

    assertThat(verdicts).hasSize(world.path("verdicts").asInt()).isNotEmpty();
    assertThat(verdicts).extracting(ReviewVerdict::getEventId).doesNotHaveDuplicates();
    assertThat(Files.readString(alerts("with-reports"))).doesNotContain("\"reviewVerdict\"");
    assertThat(Files.readString(alerts("with-verdicts"))).contains("\"reviewVerdict\":\"CONFIRMED\"");
  }

  /** Counts again, from the files, what the summary says of the cleared benign accounts' repeat alerts. */
  @Test
  void repeatAlertsOfClearedBenignAccountsAreCountedFromTheReplaysAndDoNotGrowWithVerdicts() throws IOException {
    Map<String, String> labels = Evaluation.readLabels(shared.resolve("worlds/world-" + SEED + "/labels.json"));
    Map<String, Instant> clearedAt = new HashMap<>();
    for (ReviewVerdict v : verdicts()) {
      if (v.getVerdict() == Verdict.CLEARED && !labels.getOrDefault(v.getAccountId(), "").startsWith("offender.")) {
        clearedAt.put(v.getAccountId(), v.getOccurredAt());
      }
    }
    JsonNode world = summary.path("worlds").get(0);
    assertThat(world.path("clearedBenign").asInt()).isEqualTo(clearedAt.size());
    int before = countAfterVerdict(ReviewCommand.readAlerts(alerts("with-reports")), clearedAt);
    int after = countAfterVerdict(ReviewCommand.readAlerts(alerts("with-verdicts")), clearedAt);

    assertThat(world.path("repeats").path("before").asInt()).isEqualTo(before);
    assertThat(world.path("repeats").path("after").asInt()).isEqualTo(after);
    assertThat(after).isLessThanOrEqualTo(before);
    assertThat(world.path("repeatsOnUnchangedEvidence").path("after").asInt())
        .isLessThanOrEqualTo(world.path("repeatsOnUnchangedEvidence").path("before").asInt())
        .isLessThanOrEqualTo(after);
  }

  @Test
  void theReviewCommandAndReplayWithTwoInputsGiveTheEvaluationsVerdictsAndAlerts() throws IOException {
    Path verdicts = shared.resolve("verdicts.jsonl");
    Path events = shared.resolve("worlds/world-" + SEED + "/events.jsonl");
    EvaluateWorldsCommandTest.Outcome review = EvaluateWorldsCommandTest.run(List.of("review", "--alerts",
        alerts("with-reports").toString(), "--labels", shared.resolve("worlds/world-" + SEED + "/labels.json").toString(),
        "--output", verdicts.toString(), "--seed", String.valueOf(SEED + SafetyLoopEvaluation.REVIEWER_SEED_OFFSET)));
    assertThat(review.code()).as(review.err()).isZero();
    assertThat(Files.readString(verdicts)).isEqualTo(Files.readString(report.resolve("verdicts/world-" + SEED + ".jsonl")));

    Path replayed = shared.resolve("alerts-with-verdicts.jsonl");
    EvaluateWorldsCommandTest.Outcome replay = EvaluateWorldsCommandTest.run(List.of("replay", "--input", events.toString(),
        "--input", verdicts.toString(), "--output", replayed.toString()));
    assertThat(replay.code()).as(replay.err()).isZero();
    assertThat(Files.readAllLines(replayed)).isEqualTo(Files.readAllLines(alerts("with-verdicts")));
  }

  @Test
  void ringFiguresCountOnlyRingsWithAConfirmedMember() {
    JsonNode world = summary.path("worlds").get(0);
    int members = world.path("confirmedRingMembers").asInt();
    assertThat(world.path("ringMembersAlerted").path("before").asInt()).isBetween(0, members);
    assertThat(world.path("ringMembersAlerted").path("after").asInt()).isBetween(0, members);
    assertThat(members).isGreaterThanOrEqualTo(world.path("confirmedRings").asInt() * 3);
  }

  @Test
  void safetyLoopWithoutWorldsAndAnErrorRateAboveOneAreRefused() {
    assertThat(EvaluateWorldsCommandTest.run(List.of("evaluate", "--safety-loop", "--scenario", "x")).code()).isEqualTo(2);
    EvaluateWorldsCommandTest.Outcome bad = EvaluateWorldsCommandTest.run(List.of("evaluate", "--worlds", "1",
        "--safety-loop", "--review-error-rate", "2", "--work", shared.resolve("none").toString()));
    assertThat(bad.code()).isEqualTo(2);
    assertThat(bad.err()).contains("error rate");
  }

  private static int countAfterVerdict(List<Alert> alerts, Map<String, Instant> clearedAt) {
    int count = 0;
    for (Alert alert : alerts) {
      Instant at = clearedAt.get(alert.getAccountId());
      if (at != null && alert.getDetectedAt().isAfter(at)) {
        count++;
      }
    }
    return count;
  }
}
