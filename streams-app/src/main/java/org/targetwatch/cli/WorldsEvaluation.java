package org.targetwatch.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.targetwatch.evaluation.Evaluation;
import org.targetwatch.evaluation.MultiWorldHtmlReport;
import org.targetwatch.evaluation.MultiWorldSummary;
import org.targetwatch.evaluation.SummaryJson;
import org.targetwatch.evaluation.WorldResult;
import org.targetwatch.replay.Replay;
import org.targetwatch.schema.Severity;
import org.targetwatch.topology.DetectorConfig;

/**
 * {@code evaluate --worlds K --seed S}: makes or reuses worlds S..S+K-1 ({@link SimulatedWorlds}),
 * replays each through the detector with the given settings, evaluates it, and reports the figures
 * over all worlds ({@link MultiWorldSummary}) as Markdown on stdout, {@code summary.json} and
 * {@code report.html}. Alerts are always replayed afresh (settings change between tuning runs) into
 * the report directory, never into the shared world directories.
 */
final class WorldsEvaluation {
  private final SimulatedWorlds worlds;
  private final DetectorConfig detector;
  private final Severity floor;
  private final Path report;
  private final PrintStream err;

  WorldsEvaluation(SimulatedWorlds worlds, DetectorConfig detector, Severity floor, Path report, PrintStream err) {
    this.worlds = worlds;
    this.detector = detector;
    this.floor = floor;
    this.report = report;
    this.err = err;
  }

  /** Evaluates worlds {@code firstSeed .. firstSeed + count - 1}. @param run written into summary.json as it is */
  MultiWorldSummary run(long firstSeed, int count, Map<String, Object> run) throws IOException {
    List<WorldResult> results = new ArrayList<>();
    Path alertsDirectory = report.resolve("alerts");
    Files.createDirectories(alertsDirectory);
    for (long seed = firstSeed; seed < firstSeed + count; seed++) {
      long started = System.nanoTime();
      SimulatedWorlds.Prepared world = worlds.prepare(seed);
      long simulated = System.nanoTime();
      Path events = world.directory().resolve(SimulatedWorlds.EVENTS);
      Path alerts = alertsDirectory.resolve("world-" + seed + ".jsonl");
      replay(events, alerts);
      long replayed = System.nanoTime();
      Evaluation.Detail detail = Evaluation.evaluateInDetail(events, world.directory().resolve(SimulatedWorlds.LABELS),
          alerts, floor, bad -> err.println(bad));
      WorldResult result = WorldResult.of(seed, world.directory(), detail);
      results.add(result);
      err.printf(Locale.ROOT, "evaluate: world %d (%s %.1f s, replay %.1f s, evaluation %.1f s): precision %s, recall %s%n",
          seed, world.generated() ? "simulated" : "reused", seconds(started, simulated), seconds(simulated, replayed),
          seconds(replayed, System.nanoTime()), ratio(result.precision()), ratio(result.recall()));
    }
    MultiWorldSummary summary = new MultiWorldSummary(floor, results);
    Map<String, Object> described = new LinkedHashMap<>(run);
    described.put("alerts", alertsDirectory.toString());
    Path json = SummaryJson.write(report, summary, described);
    Path page = report.resolve("report.html");
    Files.writeString(page, MultiWorldHtmlReport.render(summary, described));
    err.println("evaluate: summary written to " + json + ", report to " + page);
    return summary;
  }

  private void replay(Path events, Path alerts) throws IOException {
    WorldReplay.toFile(new Replay(detector), List.of(events), alerts, err);
  }

  private static double seconds(long from, long to) {
    return (to - from) / 1e9;
  }

  private static String ratio(double value) {
    return Double.isNaN(value) ? "n/a" : String.format(Locale.ROOT, "%.3f", value);
  }
}
