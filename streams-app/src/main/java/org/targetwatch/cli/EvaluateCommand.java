package org.targetwatch.cli;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import org.targetwatch.evaluation.Evaluation;
import org.targetwatch.evaluation.EvaluationReport;
import org.targetwatch.replay.Replay;
import org.targetwatch.schema.Severity;
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
  public Integer call() throws Exception {
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
      new Replay(DetectorConfig.defaults()).run(events, alerts, new Replay.Listener() {
        @Override
        public void onBadLine(org.targetwatch.eventfile.BadLine badLine) {
          System.err.println(badLine);
        }

        @Override
        public void onProgress(long replayed, long total, long alertsSoFar) {
          System.err.printf("replay: %,d / %,d events, %,d alerts%n", replayed, total, alertsSoFar);
        }
      });
    }
    Map<String, String> truth = new ObjectMapper().readValue(labels.toFile(), new TypeReference<Map<String, String>>() {});
    Evaluation.Result result = Evaluation.evaluate(events, truth, alerts, floor, bad -> System.err.println(bad));
    System.out.print(EvaluationReport.markdown(result));
    if (report != null) {
      Files.createDirectories(report);
      Files.writeString(report.resolve("report.html"), EvaluationReport.html(result, "targetwatch detection quality"));
      System.err.println("evaluate: report written to " + report.resolve("report.html"));
    }
    return 0;
  }
}
