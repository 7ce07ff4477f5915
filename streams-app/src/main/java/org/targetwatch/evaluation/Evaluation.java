package org.targetwatch.evaluation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
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

  /** A labels file that is not a JSON object of account id -> class label. */
  public static final class LabelsFileException extends IOException {
    public LabelsFileException(Path file, String reason) {
      super(file + ": " + reason);
    }
  }

  public static Result evaluate(Path events, Path labelsFile, Path alerts, Severity floor, BadLineListener badLines)
      throws IOException {
    Map<String, String> labels = readLabels(labelsFile);

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
    return new Result(events, labelsFile, alerts, facts, table);
  }

  /** Reads {@code labels.json}: a JSON object account id -> class label ({@code offender.*} or {@code benign.*}). */
  public static Map<String, String> readLabels(Path file) throws IOException {
    try {
      Map<String, String> labels = new ObjectMapper().readValue(file.toFile(), new TypeReference<Map<String, String>>() {});
      if (labels == null || labels.isEmpty()) {
        throw new LabelsFileException(file, "no labelled accounts");
      }
      labels.forEach((account, label) -> {
        if (label == null || label.isBlank()) {
          throw new IllegalArgumentException("account " + account + " has no class label");
        }
      });
      return labels;
    } catch (JsonProcessingException e) {
      String where = e.getLocation() == null ? ""
          : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
      throw new LabelsFileException(file, "not a JSON object of account id -> class label" + where);
    } catch (IllegalArgumentException e) {
      throw new LabelsFileException(file, e.getMessage());
    }
  }
}
