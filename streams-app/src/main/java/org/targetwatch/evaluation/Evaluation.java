package org.targetwatch.evaluation;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.targetwatch.eventfile.AlertFileReader;
import org.targetwatch.eventfile.BadLineListener;
import org.targetwatch.eventfile.EventFileReader;
import org.targetwatch.eventfile.ReadCounts;
import org.targetwatch.schema.Severity;

/**
 * Scores an alert file against ground-truth labels: one pass over the alerts (a verdict per account),
 * one streaming pass over the events (the offenders' minor contacts, the scenario's facts), then the
 * arithmetic of {@link DetectionTable}.
 */
public final class Evaluation {
  private Evaluation() {}

  /** The result of one evaluation: where it came from, what the scenario was, and the table. */
  public record Result(Path events, Path labels, Path alerts, ScenarioFacts facts, DetectionTable table) {}

  /** A labels file that cannot be read as either labels format ({@link LabelsFile}); the message is one line. */
  public static final class LabelsFileException extends IOException {
    public LabelsFileException(Path file, String reason) {
      super(file + ": " + reason);
    }
  }

  /**
   * An evaluation with what it was computed from, account by account: the labels file (with its
   * parameters, when it has them) and each alerted account's verdict. For figures over many worlds.
   */
  public record Detail(Result result, LabelsFile labels, Map<String, AccountVerdict> verdicts) {}

  public static Result evaluate(Path events, Path labelsFile, Path alerts, Severity floor, BadLineListener badLines)
      throws IOException {
    return evaluateInDetail(events, labelsFile, alerts, floor, badLines).result();
  }

  public static Detail evaluateInDetail(Path events, Path labelsFile, Path alerts, Severity floor,
      BadLineListener badLines) throws IOException {
    LabelsFile labelled = LabelsFile.read(labelsFile);
    Map<String, String> labels = labelled.classes();

    AccountAlerts accountAlerts = new AccountAlerts(floor);
    ReadCounts alertCounts = AlertFileReader.readAll(alerts, badLines, accountAlerts::add);
    Map<String, AccountVerdict> verdicts = accountAlerts.verdicts();

    MinorContacts contacts = new MinorContacts(id -> DetectionTable.isOffender(labels.getOrDefault(id, "")));
    ScenarioFacts.Tally tally = new ScenarioFacts.Tally();
    ReadCounts eventCounts = EventFileReader.readAll(events, badLines, event -> {
      contacts.add(event);
      tally.add(event);
    });

    Map<String, Integer> minorsBeforeDetection = new HashMap<>();
    verdicts.forEach((account, verdict) -> {
      if (verdict.alertedAtFloor() && DetectionTable.isOffender(labels.getOrDefault(account, ""))) {
        minorsBeforeDetection.put(account, contacts.minorsContactedBy(account, verdict.firstAlertAtFloor()));
      }
    });
    DetectionTable table = DetectionTable.build(floor, labels, verdicts, minorsBeforeDetection);
    ScenarioFacts facts = new ScenarioFacts(labels.size(), tally.profiles, tally.friendRequests, tally.messages,
        tally.first, tally.last, eventCounts.badLines(), alertCounts.records(), alertCounts.badLines());
    return new Detail(new Result(events, labelsFile, alerts, facts, table), labelled, verdicts);
  }

  /**
   * Reads {@code labels.json}, either format ({@link LabelsFile}): account id -> class label
   * ({@code offender.*} or {@code benign.*}).
   */
  public static Map<String, String> readLabels(Path file) throws IOException {
    return LabelsFile.read(file).classes();
  }
}
