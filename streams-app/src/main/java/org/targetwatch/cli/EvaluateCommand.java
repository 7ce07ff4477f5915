package org.targetwatch.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.targetwatch.eventfile.BadLine;
import org.targetwatch.evaluation.Evaluation;
import org.targetwatch.evaluation.HtmlReport;
import org.targetwatch.evaluation.MarkdownReport;
import org.targetwatch.evaluation.MultiWorldMarkdown;
import org.targetwatch.evaluation.MultiWorldSummary;
import org.targetwatch.evaluation.SafetyLoopSummary;
import org.targetwatch.replay.Replay;
import org.targetwatch.runtime.config.ConfigProblem;
import org.targetwatch.runtime.config.DetectorSettings;
import org.targetwatch.runtime.config.InvalidConfigurationException;
import org.targetwatch.schema.Severity;
import org.targetwatch.scoring.Thresholds;
import org.targetwatch.simulator.SimulatedReviewer;
import org.targetwatch.topology.DetectorConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code evaluate}: detection quality per class from events, labels and alerts — of one scenario
 * ({@code --scenario} or the three files), or over K simulated worlds ({@code --worlds}, see
 * {@link WorldsEvaluation} and docs/evaluation.md).
 */
@Command(name = "evaluate", mixinStandardHelpOptions = true,
    description = {"Precision, recall and time to detect per behaviour class, from events, labels and alerts.",
        "With --worlds K: over K simulated worlds, seeds S..S+K-1 (training: --seed 1000 --worlds 10; "
            + "test: --seed 2000 --worlds 20); see docs/evaluation.md."})
final class EvaluateCommand implements Callable<Integer> {
  static final String DEFAULT_WORK = "target/worlds";

  @Option(names = "--worlds", paramLabel = "K", description = "Evaluate over K simulated worlds, seeds S..S+K-1.")
  Integer worldCount;

  @Option(names = "--seed", paramLabel = "S", defaultValue = "1000", description = "First world's seed with --worlds (default ${DEFAULT-VALUE}: the training worlds, SeedConvention).")
  long seed;

  @Option(names = "--accounts", defaultValue = "20000", description = "Accounts per world with --worlds (default ${DEFAULT-VALUE}).")
  int accounts;

  @Option(names = "--days", defaultValue = "14", description = "Days per world with --worlds (default ${DEFAULT-VALUE}).")
  int days;

  @Option(names = "--work", paramLabel = "DIR", defaultValue = DEFAULT_WORK,
      description = "Where the worlds are made and kept, one world-SEED directory each; a complete one is reused (default ${DEFAULT-VALUE}).")
  Path work;

  @Option(names = "--no-randomize", description = "With --worlds: plain simulate worlds (only the seed varies) instead of simulate " + SimulatedWorlds.RANDOMIZE_FLAG + ".")
  boolean plainWorlds;

  @Option(names = "--config", paramLabel = "FILE", description = "With --worlds: detector settings from a properties file (detector.* and campaign.* keys; others ignored).")
  Path configFile;

  @Option(names = "--set", paramLabel = "KEY=VALUE", description = "With --worlds: a detector setting (detector.* or campaign.*), overriding --config; repeatable.")
  List<String> sets = new ArrayList<>();

  @Option(names = "--safety-loop", description = "With --worlds: the safety loop (worlds with reports, simulate "
      + SimulatedWorlds.REPORTS_FLAG + "): detection without vs with reports, then the simulated reviewer's verdicts "
      + "replayed with the events (repeat alerts of cleared accounts, rings with a confirmed member); docs/evaluation.md.")
  boolean safetyLoop;

  @Option(names = "--review-delay", paramLabel = "DURATION", defaultValue = "PT6H",
      description = "With --safety-loop: event time from the reviewed alert to the verdict, ISO-8601 (default ${DEFAULT-VALUE}).")
  Duration reviewDelay;

  @Option(names = "--review-error-rate", paramLabel = "E", defaultValue = "0.05",
      description = "With --safety-loop: the reviewer's chance of the wrong verdict (default ${DEFAULT-VALUE}).")
  double reviewErrorRate;

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

  @Option(names = "--report", description = "Directory to write report.html into (with --worlds also summary.json; default WORK/report).")
  Path report;

  @Override
  public Integer call() {
    if (worldCount != null) {
      return evaluateWorlds();
    }
    if (safetyLoop) {
      System.err.println("evaluate: --safety-loop applies to --worlds");
      return 2;
    }
    if (configFile != null || !sets.isEmpty()) {
      System.err.println("evaluate: --config and --set apply to --worlds (a scenario's alerts.jsonl is replayed with the defaults)");
      return 2;
    }
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

  private Integer evaluateWorlds() {
    if (scenario != null || events != null || labels != null || alerts != null) {
      System.err.println("evaluate: --worlds makes its own worlds; it does not take --scenario, --events, --labels or --alerts");
      return 2;
    }
    if (worldCount < 1 || accounts < 1 || days < 1) {
      System.err.println("evaluate: --worlds, --accounts and --days must be at least 1");
      return 2;
    }
    DetectorConfig detector;
    Map<String, String> explicit;
    try {
      detector = DetectorSettings.load(Optional.ofNullable(configFile), sets);
      explicit = DetectorSettings.explicit(Optional.ofNullable(configFile), sets);
    } catch (InvalidConfigurationException e) {
      for (ConfigProblem problem : e.problems()) {
        System.err.println("evaluate: " + problem);
      }
      return 2;
    }
    Path reportDirectory = report != null ? report : work.resolve("report");
    Map<String, Object> run = new LinkedHashMap<>();
    run.put("firstSeed", seed);
    run.put("worlds", worldCount);
    run.put("accounts", accounts);
    run.put("days", days);
    run.put("randomize", !plainWorlds);
    run.put("work", work.toString());
    run.put("config", configFile == null ? null : configFile.toString());
    run.put("detectorSettings", explicit);
    if (safetyLoop) {
      return evaluateSafetyLoop(detector, reportDirectory, run);
    }
    try {
      SimulatedWorlds worlds = new SimulatedWorlds(work, accounts, days, !plainWorlds);
      MultiWorldSummary summary = new WorldsEvaluation(worlds, detector, floor, reportDirectory, System.err)
          .run(seed, worldCount, run);
      System.out.print(MultiWorldMarkdown.render(summary));
    } catch (IOException e) {
      System.err.println("evaluate: " + e.getMessage());
      return 1;
    }
    return 0;
  }

  private Integer evaluateSafetyLoop(DetectorConfig detector, Path reportDirectory, Map<String, Object> run) {
    SimulatedReviewer.Settings reviewer;
    try {
      reviewer = new SimulatedReviewer.Settings(reviewDelay, reviewErrorRate, 0, floor);
    } catch (IllegalArgumentException e) {
      System.err.println("evaluate: " + e.getMessage());
      return 2;
    }
    run.put("reports", true);
    try {
      SimulatedWorlds worlds = new SimulatedWorlds(work, accounts, days, !plainWorlds, true);
      SafetyLoopSummary summary = new SafetyLoopEvaluation(worlds, detector, floor, reportDirectory, reviewer, System.err)
          .run(seed, worldCount, run);
      System.out.print(summary.markdown());
    } catch (IOException e) {
      System.err.println("evaluate: " + e.getMessage());
      return 1;
    }
    return 0;
  }
}
