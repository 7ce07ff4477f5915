package org.targetwatch.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.targetwatch.eventfile.BadLine;
import org.targetwatch.evaluation.Evaluation;
import org.targetwatch.evaluation.HtmlReport;
import org.targetwatch.evaluation.MarkdownReport;
import org.targetwatch.replay.Replay;
import org.targetwatch.schema.Severity;
import org.targetwatch.scoring.Thresholds;
import org.targetwatch.topology.DetectorConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code evaluate}: detection quality per class from events, labels and alerts. */
@Command(name = "evaluate", mixinStandardHelpOptions = true,
    description = "Precision, recall and time to detect per behaviour class, from events, labels and alerts.")
final class EvaluateCommand implements Callable<Integer> {
  @Option(names = "--scenario", description = "A simulate output directory (events.jsonl, labels.json); replays into alerts.jsonl when it is missing.")
  Path scenario;

  @Option(names = "--events", description = "Event file.")
  Path events;

  @Option(names = "--labels", description = "Labels (JSON object account id -> class).")
  Path labels;

  @Option(names = "--alerts", description = "Alert file.")
  Path alerts;

  @Option(names = "--severity", defaultValue = "MEDIUM", description = "Severity floor (default ${DEFAULT-VALUE}).")
  Severity floor;

  @Option(names = "--report", description = "Directory to write report.html into.")
  Path report;

  @Override
  public Integer call() {
    if (scenario != null) {
      events = scenario.resolve("events.jsonl");
      labels = scenario.resolve("labels.json");
      alerts = alerts != null ? alerts : scenario.resolve("alerts.jsonl");
    }
    for (Path required : new Path[] {events, labels}) {
      if (required == null || !Files.isRegularFile(required)) {
        System.err.println("evaluate: give --scenario DIR, or --events, --labels and --alerts (missing: " + required + ")");
        return 2;
      }
    }
    if (alerts == null || !Files.isRegularFile(alerts)) {
      if (scenario == null) {
        System.err.println("evaluate: no such alert file: " + alerts);
        return 2;
      }
      // replay into a side file first: an interrupted replay must not leave a partial alert file
      // that the next evaluate would take for a complete one
      Path partial = alerts.resolveSibling(alerts.getFileName() + ".partial");
      System.err.println("evaluate: no alert file, replaying " + events + " into " + alerts);
      try {
        new Replay(DetectorConfig.defaults()).run(events, partial, new Replay.Listener() {
          @Override
          public void onBadLine(BadLine badLine) {
            System.err.println(badLine);
          }

          @Override
          public void onProgress(long replayed, long total, long alertsSoFar) {
            System.err.printf("replay: %,d / %,d events, %,d alerts%n", replayed, total, alertsSoFar);
          }
        });
        Files.move(partial, alerts, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } catch (IOException e) {
        System.err.println("evaluate: replay of " + events + " failed: " + e.getMessage());
        return 1;
      }
    }
    try {
      evaluate();
    } catch (IOException e) {
      System.err.println("evaluate: " + e.getMessage());
      return 1;
    }
    return 0;
  }

  private void evaluate() throws IOException {
    Evaluation.Result result = Evaluation.evaluate(events, labels, alerts, floor, bad -> System.err.println(bad));
    System.out.print(MarkdownReport.render(result));
    if (report != null) {
      Files.createDirectories(report);
      Thresholds cutOffs = DetectorConfig.defaults().thresholds();
      Map<Severity, Double> scores = new EnumMap<>(Severity.class);
      scores.put(Severity.LOW, cutOffs.lowScore());
      scores.put(Severity.MEDIUM, cutOffs.mediumScore());
      scores.put(Severity.HIGH, cutOffs.highScore());
      scores.put(Severity.CRITICAL, cutOffs.criticalScore());
      Path page = report.resolve("report.html");
      Files.writeString(page, HtmlReport.render(result, scores));
      System.err.println("evaluate: report written to " + page);
    }
  }
}
