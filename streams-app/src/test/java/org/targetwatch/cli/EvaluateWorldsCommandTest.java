package org.targetwatch.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code evaluate --worlds} end to end through the command line, on two tiny worlds (1,500 accounts,
 * 4 days) made once for the class by the plain simulator ({@code --no-randomize}), and, when this
 * build's {@code simulate} knows {@code --randomize}, two randomized ones.
 */
class EvaluateWorldsCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String[] TINY = {"--accounts", "1500", "--days", "4", "--no-randomize"};

  @TempDir static Path shared;
  static Path work;
  static Outcome first;

  record Outcome(int code, String out, String err) {}

  static Outcome run(List<String> args) {
    PrintStream originalOut = System.out;
    PrintStream originalErr = System.err;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code;
    try {
      System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
      System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
      code = TargetwatchCommand.execute(args.toArray(String[]::new));
    } finally {
      System.setOut(originalOut);
      System.setErr(originalErr);
    }
    return new Outcome(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  static List<String> evaluate(Path workDir, Path report, String... more) {
    List<String> args = new java.util.ArrayList<>(List.of("evaluate", "--worlds", "2", "--seed", "1000", "--work",
        workDir.toString(), "--report", report.toString()));
    args.addAll(List.of(TINY));
    args.addAll(List.of(more));
    return args;
  }

  @BeforeAll
  static void makeAndEvaluateTwoTinyWorlds() {
    work = shared.resolve("worlds");
    first = run(evaluate(work, shared.resolve("first-report")));
  }

  @Test
  void twoTinyWorldsAreMadeEvaluatedAndSummarisedWithTheAggregateTheMeanOfTheWorlds() throws IOException {
    assertThat(first.code()).as(first.err()).isZero();
    for (long seed : new long[] {1000, 1001}) {
      assertThat(work.resolve("world-" + seed + "/events.jsonl")).isRegularFile();
      assertThat(work.resolve("world-" + seed + "/labels.json")).isRegularFile();
    }
    try (Stream<Path> leftovers = Files.list(work)) {
      assertThat(leftovers.map(p -> p.getFileName().toString())).as("no side directory left behind")
          .noneMatch(name -> name.contains("partial"));
    }
    JsonNode summary = JSON.readTree(shared.resolve("first-report/summary.json").toFile());
    JsonNode worlds = summary.path("worlds");
    assertThat(worlds).hasSize(2);
    assertThat(worlds.get(0).path("seed").asLong()).isEqualTo(1000);
    assertThat(worlds.get(1).path("seed").asLong()).isEqualTo(1001);
    double r0 = worlds.get(0).path("recall").asDouble();
    double r1 = worlds.get(1).path("recall").asDouble();
    JsonNode recall = summary.path("aggregate").path("recall");
    assertThat(recall.path("mean").asDouble()).isCloseTo((r0 + r1) / 2, within(1e-12));
    assertThat(recall.path("worst").asDouble()).isEqualTo(Math.min(r0, r1));
    assertThat(recall.path("max").asDouble()).isEqualTo(Math.max(r0, r1));
    for (JsonNode world : worlds) {
      int accounts = 0;
      for (Iterator<JsonNode> rows = world.path("classes").elements(); rows.hasNext();) {
        JsonNode row = rows.next();
        assertThat(row.path("alertedAtFloor").asInt()).isBetween(0, row.path("accounts").asInt());
        accounts += row.path("accounts").asInt();
      }
      assertThat(accounts).as("every account of world %s in one class", world.path("seed")).isEqualTo(1500);
    }
    assertThat(first.out()).contains("over 2 simulated worlds of our own simulator (seeds 1000..1001; training worlds")
        .containsPattern("(?m)^\\| recall \\| [01]\\.\\d{3} \\|");
    String html = Files.readString(shared.resolve("first-report/report.html"));
    assertThat(html).contains("Precision and recall per world").contains("<svg ");
  }

  @Test
  void aSecondRunReusesTheWorldsAndAppliesTheDetectorSettingsGiven() throws IOException {
    Path events = work.resolve("world-1000/events.jsonl");
    FileTime made = Files.getLastModifiedTime(events);

    Outcome again = run(evaluate(work, shared.resolve("tuned"), "--set", "detector.severity.medium=0.3"));

    assertThat(again.code()).as(again.err()).isZero();
    assertThat(again.err()).contains("world 1000 (reused").contains("world 1001 (reused");
    assertThat(Files.getLastModifiedTime(events)).isEqualTo(made);
    JsonNode summary = JSON.readTree(shared.resolve("tuned/summary.json").toFile());
    assertThat(summary.path("run").path("detectorSettings").path("detector.severity.medium").asText()).isEqualTo("0.3");
    assertThat(Files.readAllLines(shared.resolve("tuned/alerts/world-1000.jsonl")))
        .as("the alerts are replayed with the settings given, not taken from the first run")
        .isNotEqualTo(Files.readAllLines(shared.resolve("first-report/alerts/world-1000.jsonl")));
  }

  @Test
  void worldsWhoseLabelsCarryParametersGetOneCurvePerStrengthAndLookAlikeClass() throws IOException {
    Path own = shared.resolve("with-parameters");
    for (long seed : new long[] {1000, 1001}) {
      Path from = work.resolve("world-" + seed);
      Path to = Files.createDirectories(own.resolve("world-" + seed));
      for (String file : List.of("events.jsonl", "labels.json", SimulatedWorlds.ARGUMENTS_FILE)) {
        Files.copy(from.resolve(file), to.resolve(file), StandardCopyOption.REPLACE_EXISTING);
      }
      rewriteAsFormat2(to.resolve("labels.json"), seed);
    }

    Outcome outcome = run(evaluate(own, own.resolve("report")));

    assertThat(outcome.code()).as(outcome.err()).isZero();
    String html = Files.readString(own.resolve("report/report.html"));
    JsonNode summary = JSON.readTree(own.resolve("report/summary.json").toFile());
    int curves = summary.path("curves").size();
    // degreePickedShare and ringOverlap for offenders, intensity for benign.teacher
    assertThat(curves).isEqualTo(3);
    assertThat(Pattern.compile("<svg ").matcher(html).results().count()).as("one per curve and the per-world plot")
        .isEqualTo(curves + 1);
    assertThat(html).contains("Offenders detected against degreePickedShare", "Offenders detected against ringOverlap",
        "benign.teacher alerted against intensity");
    int offenders = 0;
    for (JsonNode world : summary.path("worlds")) {
      for (Iterator<Map.Entry<String, JsonNode>> rows = world.path("classes").fields(); rows.hasNext();) {
        Map.Entry<String, JsonNode> row = rows.next();
        offenders += row.getKey().startsWith("offender.") ? row.getValue().path("accounts").asInt() : 0;
      }
    }
    int binned = 0;
    for (JsonNode bin : summary.path("curves").get(0).path("bins")) {
      binned += bin.path("accounts").asInt();
    }
    assertThat(binned).as("every offender of both worlds in one degreePickedShare bin").isEqualTo(offenders);
  }

  /** The flat labels as targetwatch-labels/2, with made-up strengths (what simulate --randomize will write). */
  private static void rewriteAsFormat2(Path labels, long seed) throws IOException {
    JsonNode flat = JSON.readTree(labels.toFile());
    ObjectNode root = JSON.createObjectNode();
    root.put("format", "targetwatch-labels/2");
    root.putObject("world").put("seed", seed).put("randomized", true).putObject("parameters").put("minorShare", 0.3);
    ObjectNode accounts = root.putObject("accounts");
    int i = 0;
    for (Iterator<Map.Entry<String, JsonNode>> it = flat.fields(); it.hasNext(); i++) {
      Map.Entry<String, JsonNode> account = it.next();
      String label = account.getValue().asText();
      ObjectNode entry = accounts.putObject(account.getKey()).put("class", label);
      if (label.startsWith("offender.")) {
        ObjectNode p = entry.putObject("parameters").put("degreePickedShare", (i % 10) / 10.0);
        if (label.equals("offender.sock_puppet_ring")) {
          p.put("ringOverlap", (i % 7) / 10.0);
        }
      } else if (label.equals("benign.teacher")) {
        entry.putObject("parameters").put("intensity", 5 + i % 30);
      }
    }
    JSON.writeValue(labels.toFile(), root);
  }

  @Test
  void randomizedWorldsCarryTheirParametersIntoTheCurvesWhenSimulateCanRandomize() throws IOException {
    Assumptions.assumeTrue(new CommandLine(new TargetwatchCommand()).getSubcommands().get("simulate").getCommandSpec()
        .findOption(SimulatedWorlds.RANDOMIZE_FLAG) != null, "this build's simulate has no " + SimulatedWorlds.RANDOMIZE_FLAG);
    Path randomized = shared.resolve("randomized");
    List<String> args = evaluate(randomized, randomized.resolve("report"));
    args.remove("--no-randomize");

    Outcome outcome = run(args);

    assertThat(outcome.code()).as(outcome.err()).isZero();
    JsonNode summary = JSON.readTree(randomized.resolve("report/summary.json").toFile());
    assertThat(summary.path("worlds").get(0).path("randomized").asBoolean()).isTrue();
    assertThat(summary.path("worlds").get(0).path("worldParameters").size()).isPositive();
    assertThat(summary.path("curves").findValuesAsText("parameter")).contains("degreePickedShare", "intensity");
    assertThat(outcome.out()).contains("over 2 randomized worlds of our own simulator");
  }

  @Test
  void aWorldMadeWithOtherSizesIsRefusedRatherThanSilentlyReused() {
    List<String> args = evaluate(work, shared.resolve("refused"));
    args.set(args.indexOf("1500"), "1400");

    Outcome refused = run(args);

    assertThat(refused.code()).isEqualTo(1);
    assertThat(refused.err()).contains("world-1000 was made by 'simulate --seed 1000 --accounts 1500")
        .contains("use another --work directory").doesNotContain("Exception");
  }

  @Test
  void aSettingThatIsNotADetectionSettingIsRefusedBeforeAnyWorldIsMade() {
    Path elsewhere = shared.resolve("never-made");

    Outcome refused = run(evaluate(elsewhere, elsewhere.resolve("report"), "--set", "bootstrap.servers=broker:9092"));

    assertThat(refused.code()).isEqualTo(2);
    assertThat(refused.err()).contains("evaluate: bootstrap.servers: not a detection setting").doesNotContain("Exception");
    assertThat(elsewhere).doesNotExist();
  }

  @Test
  void detectorSettingsForASingleScenarioAreRefusedWithAReason() {
    Outcome refused = run(List.of("evaluate", "--scenario", work.resolve("world-1000").toString(), "--set",
        "detector.severity.medium=0.3"));

    assertThat(refused.code()).isEqualTo(2);
    assertThat(refused.err()).contains("--config and --set apply to --worlds");
  }

  @Test
  void byDefaultEachWorldIsMadeBySimulateRandomizeWithItsOwnSeed() {
    Path out = Path.of("out");

    assertThat(new SimulatedWorlds(work, 20000, 14, true).simulateArguments(1007, out)).containsExactly("simulate",
        SimulatedWorlds.RANDOMIZE_FLAG, "--seed", "1007", "--accounts", "20000", "--days", "14", "--output", "out");
    assertThat(SimulatedWorlds.RANDOMIZE_FLAG).isEqualTo("--randomize");
    assertThat(new SimulatedWorlds(work, 20000, 14, false).simulateArguments(1007, out))
        .doesNotContain(SimulatedWorlds.RANDOMIZE_FLAG);
  }
}
