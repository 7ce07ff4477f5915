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
import org.targetwatch.evaluation.SafetyLoopSummary;
import org.targetwatch.evaluation.SafetyLoopWorld;
import org.targetwatch.evaluation.WorldResult;
import org.targetwatch.replay.Replay;
import org.targetwatch.schema.Alert;
import org.targetwatch.schema.SafetyReport;
import org.targetwatch.schema.Severity;
import org.targetwatch.simulator.SimulatedReviewer;
import org.targetwatch.topology.DetectorConfig;

/**
 * {@code evaluate --worlds K --seed S --safety-loop} (docs/evaluation.md, "The safety loop"): for each
 * world with reports ({@code simulate --randomize --reports}, made or reused by {@link SimulatedWorlds}),
 * three replays with the same detector settings — its events without the {@code safety_report} lines
 * (left out while reading: the other events are those of the same world without reports), all its
 * events, and all its events with the simulated reviewer's verdicts on the second replay's alerts —
 * each evaluated against the labels; then what the verdicts changed ({@link SafetyLoopWorld}). Alerts
 * and verdicts go to the report directory, never into the world directories.
 */
final class SafetyLoopEvaluation {
  /** A world's reviewer seed is the world's seed plus this, so that its draws are not the simulator's. */
  static final long REVIEWER_SEED_OFFSET = 1_000_000L;

  private final SimulatedWorlds worlds;
  private final DetectorConfig detector;
  private final Severity floor;
  private final Path report;
  private final SimulatedReviewer.Settings reviewer;
  private final PrintStream err;

  /** @param reviewer the reviewer's delay, error rate and floor; its seed is set per world */
  SafetyLoopEvaluation(SimulatedWorlds worlds, DetectorConfig detector, Severity floor, Path report,
      SimulatedReviewer.Settings reviewer, PrintStream err) {
    this.worlds = worlds;
    this.detector = detector;
    this.floor = floor;
    this.report = report;
    this.reviewer = reviewer;
    this.err = err;
  }

  SafetyLoopSummary run(long firstSeed, int count, Map<String, Object> run) throws IOException {
    Path alertsDirectory = report.resolve("alerts");
    Path verdictsDirectory = report.resolve("verdicts");
    Files.createDirectories(alertsDirectory);
    Files.createDirectories(verdictsDirectory);
    List<SafetyLoopWorld> results = new ArrayList<>();
    for (long seed = firstSeed; seed < firstSeed + count; seed++) {
      long started = System.nanoTime();
      SimulatedWorlds.Prepared world = worlds.prepare(seed);
      Path events = world.directory().resolve(SimulatedWorlds.EVENTS);
      Path labels = world.directory().resolve(SimulatedWorlds.LABELS);

      Path withoutAlerts = alertsDirectory.resolve("world-" + seed + "-without-reports.jsonl");
      Replay.Summary without = replay(new Replay(detector).keeping(e -> !(e instanceof SafetyReport)), List.of(events),
          withoutAlerts);
      Path withAlerts = alertsDirectory.resolve("world-" + seed + "-with-reports.jsonl");
      Replay.Summary with = replay(new Replay(detector), List.of(events), withAlerts);
      if (with.events() == without.events()) {
        throw new SimulatedWorlds.WorldException(events + " has no safety_report lines: the safety loop needs worlds made "
            + "with simulate " + SimulatedWorlds.REPORTS_FLAG + " (use another --work directory)");
      }

      List<Alert> alertsBefore = ReviewCommand.readAlerts(withAlerts);
      SimulatedReviewer.Settings settings = new SimulatedReviewer.Settings(reviewer.delay(), reviewer.errorRate(),
          seed + REVIEWER_SEED_OFFSET, reviewer.floor());
      Map<String, String> classes = Evaluation.readLabels(labels);
      List<SimulatedReviewer.Review> reviews = new SimulatedReviewer(settings).review(alertsBefore, classes);
      Path verdicts = verdictsDirectory.resolve("world-" + seed + ".jsonl");
      ReviewCommand.write(reviews, verdicts);
      Path verdictAlerts = alertsDirectory.resolve("world-" + seed + "-with-verdicts.jsonl");
      replay(new Replay(detector), List.of(events, verdicts), verdictAlerts);
      long replayed = System.nanoTime();

      WorldResult withoutResult = evaluate(seed, world, events, labels, withoutAlerts);
      Evaluation.Detail withDetail = Evaluation.evaluateInDetail(events, labels, withAlerts, floor, bad -> err.println(bad));
      WorldResult withResult = WorldResult.of(seed, world.directory(), withDetail);
      WorldResult verdictResult = evaluate(seed, world, events, labels, verdictAlerts);
      SafetyLoopWorld result = SafetyLoopWorld.of(seed, withoutResult, withResult, verdictResult, reviews,
          withDetail.labels(), alertsBefore, ReviewCommand.readAlerts(verdictAlerts),
          detector.safety().clearedGrowth(), floor);
      results.add(result);
      err.printf(Locale.ROOT, "evaluate: world %d (%s, replays %.1f s, evaluation %.1f s): recall %s -> %s with reports, "
              + "%d verdicts, repeat alerts of cleared benign accounts on unchanged evidence %d -> %d%n",
          seed, world.generated() ? "simulated" : "reused", seconds(started, replayed), seconds(replayed, System.nanoTime()),
          ratio(withoutResult.recall()), ratio(withResult.recall()), reviews.size(),
          result.repeatsOnUnchangedEvidence().before(), result.repeatsOnUnchangedEvidence().after());
    }
    Map<String, Object> described = new LinkedHashMap<>(run);
    described.put("alerts", alertsDirectory.toString());
    described.put("verdicts", verdictsDirectory.toString());
    SafetyLoopSummary summary = new SafetyLoopSummary(floor, results, describe(reviewer));
    Path json = summary.write(report, described);
    err.println("evaluate: safety loop written to " + json + " and " + report.resolve("safety-loop.md"));
    return summary;
  }

  static Map<String, Object> describe(SimulatedReviewer.Settings reviewer) {
    Map<String, Object> described = new LinkedHashMap<>();
    described.put("delay", reviewer.delay().toString());
    described.put("errorRate", reviewer.errorRate());
    described.put("floor", reviewer.floor().name());
    described.put("seed", "world seed + " + REVIEWER_SEED_OFFSET);
    return described;
  }

  private WorldResult evaluate(long seed, SimulatedWorlds.Prepared world, Path events, Path labels, Path alerts)
      throws IOException {
    return WorldResult.of(seed, world.directory(),
        Evaluation.evaluateInDetail(events, labels, alerts, floor, bad -> err.println(bad)));
  }

  private Replay.Summary replay(Replay replay, List<Path> inputs, Path alerts) throws IOException {
    return WorldReplay.toFile(replay, inputs, alerts, err);
  }

  private static double seconds(long from, long to) {
    return (to - from) / 1e9;
  }

  private static String ratio(double value) {
    return Double.isNaN(value) ? "n/a" : String.format(Locale.ROOT, "%.3f", value);
  }
}
