package org.targetwatch.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.targetwatch.schema.Severity;

/**
 * Figures over three hand-made worlds whose every count is known: 10 snowball offenders and 20
 * teachers each, detected and alerted in different numbers per world.
 */
class MultiWorldSummaryTest {
  private static final Instant T = Instant.parse("2026-03-01T10:00:00Z");

  /**
   * A world with 10 offenders (the first {@code detected} alerted at MEDIUM, after {@code cost}
   * minors) and 20 teachers (the first {@code falseAlarms} alerted at MEDIUM). Offender i has
   * degreePickedShare i / 10; teacher j has intensity j.
   */
  private static WorldResult world(long seed, int detected, int falseAlarms, int cost) {
    Map<String, String> labels = new HashMap<>();
    Map<String, AccountVerdict> verdicts = new HashMap<>();
    Map<String, Integer> costs = new HashMap<>();
    List<WorldResult.AccountOutcome> outcomes = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      String id = "o" + i;
      labels.put(id, "offender.snowball");
      boolean alerted = i < detected;
      if (alerted) {
        verdicts.put(id, new AccountVerdict(Severity.MEDIUM, 0.5, T));
        costs.put(id, cost);
      }
      outcomes.add(new WorldResult.AccountOutcome("offender.snowball", Map.of("degreePickedShare", i / 10.0), alerted));
    }
    for (int j = 0; j < 20; j++) {
      String id = "t" + j;
      labels.put(id, "benign.teacher");
      boolean alerted = j < falseAlarms;
      if (alerted) {
        verdicts.put(id, new AccountVerdict(Severity.MEDIUM, 0.45, T));
      }
      outcomes.add(new WorldResult.AccountOutcome("benign.teacher", Map.of("intensity", (double) j), alerted));
    }
    DetectionTable table = DetectionTable.build(Severity.MEDIUM, labels, verdicts, costs);
    return new WorldResult(seed, Path.of("world-" + seed), table, verdicts.size(), true, Map.of("minorShare", 0.3), outcomes);
  }

  // recall 1.0, 0.8, 0.6; precision 10/10, 8/9, 6/8; teachers alerted 0/20, 1/20, 2/20
  private static final MultiWorldSummary THREE_WORLDS = new MultiWorldSummary(Severity.MEDIUM,
      List.of(world(1000, 10, 0, 5), world(1001, 8, 1, 7), world(1002, 6, 2, 9)));

  @Test
  void recallAndPrecisionAreAveragedOverWorldsAndTheWorstWorldIsTheLowest() {
    assertThat(THREE_WORLDS.recall().mean()).isCloseTo(0.8, within(1e-12));
    assertThat(THREE_WORLDS.recall().worst()).isCloseTo(0.6, within(1e-12));
    assertThat(THREE_WORLDS.recall().standardDeviation()).isCloseTo(0.2, within(1e-12));
    assertThat(THREE_WORLDS.precision().mean()).isCloseTo((1.0 + 8 / 9.0 + 0.75) / 3, within(1e-12));
    assertThat(THREE_WORLDS.precision().worst()).isCloseTo(0.75, within(1e-12));
    assertThat(THREE_WORLDS.f1().worst()).isCloseTo(THREE_WORLDS.worlds().get(2).f1(), within(1e-12));
  }

  @Test
  void timeToDetectIsTheMedianPerWorldAndItsWorstWorldIsTheHighest() {
    assertThat(THREE_WORLDS.minorsBeforeAlert().values()).containsExactly(5.0, 7.0, 9.0);
    assertThat(THREE_WORLDS.minorsBeforeAlert().mean()).isEqualTo(7.0);
    assertThat(THREE_WORLDS.minorsBeforeAlert().worst()).isEqualTo(9.0);
  }

  @Test
  void eachClassGivesItsShareOverWorldsOffendersDetectedAndLookAlikesAlerted() {
    List<MultiWorldSummary.ClassSeries> classes = THREE_WORLDS.classes();

    assertThat(classes).extracting(MultiWorldSummary.ClassSeries::label).containsExactly("offender.snowball", "benign.teacher");
    MultiWorldSummary.ClassSeries snowball = classes.get(0);
    assertThat(snowball.share().mean()).isCloseTo(0.8, within(1e-12));
    assertThat(snowball.share().worst()).isCloseTo(0.6, within(1e-12));
    assertThat(snowball.accounts()).isEqualTo(30);
    assertThat(snowball.alertedAtFloor()).isEqualTo(24);
    MultiWorldSummary.ClassSeries teacher = classes.get(1);
    assertThat(teacher.share().mean()).isCloseTo(0.05, within(1e-12));
    assertThat(teacher.share().worst()).as("a look-alike's worst world is its highest false-alarm share").isEqualTo(0.1);
  }

  @Test
  void theRecallCurvePoolsAllWorldsOffendersIntoBinsOfTheirStrength() {
    List<StrengthCurve> curves = THREE_WORLDS.recallCurves();

    assertThat(curves).extracting(StrengthCurve::parameter).as("only the strengths some offender has")
        .containsExactly("degreePickedShare");
    StrengthCurve curve = curves.get(0);
    // strengths 0.0..0.9 in 5 bins of two offenders each, three worlds: 6 offenders per bin
    assertThat(curve.bins()).extracting(StrengthCurve.Bin::accounts).containsExactly(6, 6, 6, 6, 6);
    // detected: offenders 0..9, 0..7, 0..5 -> bin 0 (0,1): 6; bin 1 (2,3): 6; bin 2 (4,5): 6; bin 3 (6,7): 4; bin 4 (8,9): 2
    assertThat(curve.bins()).extracting(StrengthCurve.Bin::counted).containsExactly(6, 6, 6, 4, 2);
  }

  @Test
  void theFalseAlarmCurveIsPerLookAlikeClassAgainstIntensity() {
    List<StrengthCurve> curves = THREE_WORLDS.falseAlarmCurves();

    assertThat(curves).extracting(StrengthCurve::subject).containsExactly("benign.teacher");
    assertThat(curves.get(0).accounts()).isEqualTo(60);
    assertThat(curves.get(0).bins().get(0).counted()).as("teachers 0 and 1 of the last two worlds").isEqualTo(3);
  }

  @Test
  void theReportDrawsOneSvgPerCurveAndOneForTheWorldsAndSaysWhatTheWorldsAre() {
    String html = MultiWorldHtmlReport.render(THREE_WORLDS, Map.of("accounts", 30));

    int curves = THREE_WORLDS.recallCurves().size() + THREE_WORLDS.falseAlarmCurves().size();
    assertThat(Pattern.compile("<svg ").matcher(html).results().count()).isEqualTo(curves + 1);
    assertThat(html).contains("Offenders detected against degreePickedShare", "benign.teacher alerted against intensity",
        "Precision and recall per world", "our own simulator", "the independent world is evaluated separately")
        .contains("<td>1002</td>").doesNotContain("<script", "http://cdn", "https://").endsWith("</html>\n");
  }

  @Test
  void theSummaryJsonHasEachWorldAndTheAggregateWithUndefinedFiguresAsNull() {
    MultiWorldSummary withAnEmptyWorld = new MultiWorldSummary(Severity.MEDIUM,
        List.of(world(2000, 10, 0, 6), world(2001, 0, 0, 6)));

    JsonNode json = SummaryJson.of(withAnEmptyWorld, Map.of("accounts", 30));

    assertThat(json.path("format").asText()).isEqualTo(SummaryJson.FORMAT);
    assertThat(json.path("worlds")).hasSize(2);
    JsonNode empty = json.path("worlds").get(1);
    assertThat(empty.path("seed").asLong()).isEqualTo(2001);
    assertThat(empty.path("precision").isNull()).as("nothing alerted: precision undefined, not 1.0").isTrue();
    assertThat(empty.path("recall").asDouble()).isEqualTo(0.0);
    assertThat(empty.path("classes").path("offender.snowball").path("alertedAtFloor").asInt()).isZero();
    JsonNode precision = json.path("aggregate").path("precision");
    assertThat(precision.path("mean").asDouble()).isEqualTo(1.0);
    assertThat(precision.path("undefinedWorlds").asInt()).isEqualTo(1);
    assertThat(json.path("aggregate").path("recall").path("worst").asDouble()).isEqualTo(0.0);
    assertThat(json.path("aggregate").path("classes").path("benign.teacher").has("alertedShare")).isTrue();
    assertThat(json.path("aggregate").path("classes").path("offender.snowball").has("detectedShare")).isTrue();
    assertThat(json.path("curves").get(0).path("bins").get(0).path("accounts").asInt()).isEqualTo(4);
  }

  @Test
  void theMarkdownSummaryGivesMeanWorstAndSpreadOfEachFigure() {
    String markdown = MultiWorldMarkdown.render(THREE_WORLDS);

    assertThat(markdown).contains("over 3 randomized worlds of our own simulator (seeds 1000..1002; training worlds")
        .contains("| recall | 0.800 | 0.600 | 0.600 | 1.000 | 0.200 |")
        .contains("| 1001 | 0.889 | 0.800 |")
        .contains("| benign.teacher | 3 | 60 | 5.0% | 10.0% (over 5%) | 0.0% |");
  }
}
