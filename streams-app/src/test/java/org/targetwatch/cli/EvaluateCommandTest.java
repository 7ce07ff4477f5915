package org.targetwatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code simulate} then {@code evaluate --scenario --report} on a tiny platform, end to end through the command line. */
class EvaluateCommandTest {
  @TempDir Path dir;

  private static final Pattern CLASS_ROW =
      Pattern.compile("^\\| ((?:offender|benign)\\.\\S+) \\| ([\\d,]+) \\| (\\d+) / ([\\d,]+) \\| .*$", Pattern.MULTILINE);
  private static final Pattern FIGURE = Pattern.compile("^\\| (precision|recall|F1) \\| (n/a|[01]\\.\\d{3})", Pattern.MULTILINE);

  private static String stdoutOf(String... args) {
    PrintStream original = System.out;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
      assertThat(TargetwatchCommand.execute(args)).as("exit code of %s", String.join(" ", args)).isZero();
    } finally {
      System.setOut(original);
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  @Test
  void evaluatingAScenarioReplaysItAndListsEveryLabelledClassWithConsistentFigures() throws IOException {
    Path scenario = dir.resolve("scenario");
    stdoutOf("simulate", "--accounts", "400", "--days", "3", "--seed", "7", "--output", scenario.toString());
    Map<String, String> labels = new ObjectMapper().readValue(scenario.resolve("labels.json").toFile(),
        new TypeReference<Map<String, String>>() {});

    String table = stdoutOf("evaluate", "--scenario", scenario.toString(), "--report", scenario.toString());

    assertThat(scenario.resolve("alerts.jsonl")).as("the replay's alerts are kept for the next run").isRegularFile();
    assertThat(scenario.resolve("alerts.jsonl.partial")).doesNotExist();
    Set<String> listed = new HashSet<>();
    Matcher row = CLASS_ROW.matcher(table);
    while (row.find()) {
      String label = row.group(1);
      int accounts = Integer.parseInt(row.group(2).replace(",", ""));
      int alerted = Integer.parseInt(row.group(3));
      assertThat(listed.add(label)).as("%s listed once", label).isTrue();
      assertThat(accounts).as(label).isEqualTo(labels.values().stream().filter(label::equals).count());
      assertThat(Integer.parseInt(row.group(4).replace(",", ""))).isEqualTo(accounts);
      assertThat(alerted).as(label).isBetween(0, accounts);
    }
    assertThat(listed).isEqualTo(new HashSet<>(labels.values()));
    Matcher figure = FIGURE.matcher(table);
    int figures = 0;
    while (figure.find()) {
      figures++;
      if (!figure.group(2).equals("n/a")) {
        assertThat(Double.parseDouble(figure.group(2))).as(figure.group(1)).isBetween(0.0, 1.0);
      }
    }
    assertThat(figures).isEqualTo(3);

    String html = Files.readString(scenario.resolve("report.html"));
    assertThat(html).contains("<svg ");
    labels.values().stream().distinct().forEach(label -> assertThat(html).contains("<td>" + label + "</td>"));
  }

  @Test
  void evaluatingWithoutEventsOrAScenarioFailsWithAMessageNotAStackTrace() {
    PrintStream original = System.err;
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code;
    try {
      System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
      code = TargetwatchCommand.execute("evaluate", "--labels", dir.resolve("labels.json").toString());
    } finally {
      System.setErr(original);
    }
    assertThat(code).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("give --scenario DIR").doesNotContain("Exception");
  }
}
