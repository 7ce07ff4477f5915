package org.targetwatch.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.targetwatch.eventfile.AlertFileReader;
import org.targetwatch.eventfile.EventFileWriter;
import org.targetwatch.evaluation.Evaluation;
import org.targetwatch.schema.Alert;
import org.targetwatch.schema.Severity;
import org.targetwatch.schema.Verdict;
import org.targetwatch.simulator.SimulatedReviewer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code review}: the simulated reviewer ({@link SimulatedReviewer}) over a replay's alerts, writing
 * its verdicts as {@code review_verdict} lines; replayed with the world's events
 * ({@code replay --input EVENTS --input VERDICTS}) they exercise the verdict path.
 */
@Command(name = "review", mixinStandardHelpOptions = true,
    description = {"A simulated safety team: each account's first alert at the floor becomes a review_verdict "
        + "(CONFIRMED for offender labels, CLEARED for benign, wrong with the error rate) after a delay of event time.",
        "Replay the verdicts with the world's events: replay --input EVENTS --input VERDICTS --output ALERTS."})
final class ReviewCommand implements Callable<Integer> {
  @Option(names = "--alerts", required = true, description = "Alert file of a replay (JSON Lines).")
  Path alerts;

  @Option(names = "--labels", required = true, description = "The world's labels.json (account id -> class).")
  Path labels;

  @Option(names = "--output", required = true, description = "Verdict file to write (JSON Lines, review_verdict).")
  Path output;

  @Option(names = "--delay", defaultValue = "PT6H", description = "Event time from the reviewed alert to the verdict, ISO-8601 (default ${DEFAULT-VALUE}).")
  Duration delay;

  @Option(names = "--error-rate", defaultValue = "0.05", description = "Chance of the wrong verdict, 0..1 (default ${DEFAULT-VALUE}).")
  double errorRate;

  @Option(names = "--seed", defaultValue = "1", description = "The reviewer's own seed (default ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--severity", defaultValue = "MEDIUM", description = "Lowest severity reviewed (default ${DEFAULT-VALUE}).")
  Severity floor;

  @Override
  public Integer call() {
    for (Path input : new Path[] {alerts, labels}) {
      if (!Files.isRegularFile(input)) {
        System.err.println("review: no such file: " + input);
        return 2;
      }
    }
    SimulatedReviewer.Settings settings;
    try {
      settings = new SimulatedReviewer.Settings(delay, errorRate, seed, floor);
    } catch (IllegalArgumentException e) {
      System.err.println("review: " + e.getMessage());
      return 2;
    }
    try {
      List<SimulatedReviewer.Review> reviews =
          new SimulatedReviewer(settings).review(readAlerts(alerts), Evaluation.readLabels(labels));
      write(reviews, output);
      long confirmed = reviews.stream().filter(r -> r.verdict() == Verdict.CONFIRMED).count();
      long mistaken = reviews.stream().filter(SimulatedReviewer.Review::mistaken).count();
      System.err.printf("review: %,d verdicts (%,d CONFIRMED, %,d CLEARED, %,d of them wrong) -> %s%n",
          reviews.size(), confirmed, reviews.size() - confirmed, mistaken, output);
    } catch (IOException e) {
      System.err.println("review: " + e.getMessage());
      return 1;
    }
    return 0;
  }

  /** Every alert of an alert file; a bad line is reported on stderr and skipped. */
  static List<Alert> readAlerts(Path file) throws IOException {
    List<Alert> read = new ArrayList<>();
    AlertFileReader.readAll(file, bad -> System.err.println(bad), read::add);
    return read;
  }

  /** The verdicts as an event file, written beside it first so that a failed write leaves no partial file. */
  static void write(List<SimulatedReviewer.Review> reviews, Path file) throws IOException {
    Path partial = file.resolveSibling(file.getFileName() + ".partial");
    try (EventFileWriter writer = EventFileWriter.create(partial)) {
      for (SimulatedReviewer.Review review : reviews) {
        writer.write(review.toEvent());
      }
    }
    Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }
}
