package org.targetwatch.evaluation;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.targetwatch.eventfile.AlertFileReader;
import org.targetwatch.eventfile.BadLineListener;
import org.targetwatch.eventfile.EventFileReader;
import org.targetwatch.friendship.AgeBands;
import org.targetwatch.schema.Alert;
import org.targetwatch.schema.FriendRequestAction;
import org.targetwatch.schema.FriendRequestEvent;
import org.targetwatch.schema.MessageEvent;
import org.targetwatch.schema.Profile;
import org.targetwatch.schema.Severity;

/**
 * Scores alerts against labels. An account is a positive when it has an alert at or above the
 * floor; offenders are the labels starting {@code offender.}. Time to detect: the distinct minors an
 * offender had contacted (request sent or message) up to and including its first alert at the floor.
 */
public final class Evaluation {
  static final String OFFENDER_PREFIX = "offender.";

  /** One behaviour class. */
  public record ClassRow(String label, int accounts, int alerted, int alertedAnySeverity, List<Integer> minorsBeforeDetection,
      List<Double> bestScores) {
    public boolean offender() {
      return label.startsWith(OFFENDER_PREFIX);
    }

    public double share() {
      return accounts == 0 ? 0 : (double) alerted / accounts;
    }
  }

  public record Result(Severity floor, List<ClassRow> rows, Confusion confusion, List<Integer> minorsBeforeDetection,
      Map<String, Double> bestScore) {}

  private Evaluation() {}

  public static Result evaluate(Path events, Map<String, String> labels, Path alerts, Severity floor,
      BadLineListener badLines) throws IOException {
    Map<String, Long> firstAlertAt = new HashMap<>();
    Map<String, Severity> worst = new HashMap<>();
    Map<String, Double> bestScore = new HashMap<>();
    AlertFileReader.readAll(alerts, badLines, alert -> record(alert, floor, firstAlertAt, worst, bestScore));

    Set<String> minors = new HashSet<>();
    Map<String, List<long[]>> offenderContacts = new HashMap<>();
    Map<String, Integer> targetIds = new HashMap<>();
    EventFileReader.readAll(events, badLines, event -> {
      if (event instanceof Profile p) {
        if (AgeBands.isMinor(p.getAgeBand())) {
          minors.add(p.getAccountId());
        }
        return;
      }
      String sender;
      String recipient;
      long at;
      if (event instanceof FriendRequestEvent f && f.getAction() == FriendRequestAction.SENT) {
        sender = f.getSenderId();
        recipient = f.getRecipientId();
        at = f.getOccurredAt().toEpochMilli();
      } else if (event instanceof MessageEvent m) {
        sender = m.getSenderId();
        recipient = m.getRecipientId();
        at = m.getOccurredAt().toEpochMilli();
      } else {
        return;
      }
      String label = labels.get(sender);
      if (label != null && label.startsWith(OFFENDER_PREFIX)) {
        int target = targetIds.computeIfAbsent(recipient, id -> targetIds.size());
        offenderContacts.computeIfAbsent(sender, s -> new ArrayList<>()).add(new long[] {at, target});
      }
    });
    Map<Integer, String> idOf = new HashMap<>();
    targetIds.forEach((id, n) -> idOf.put(n, id));

    Map<String, int[]> counts = new TreeMap<>();
    Map<String, List<Integer>> detectionCost = new TreeMap<>();
    Map<String, List<Double>> scores = new TreeMap<>();
    long tp = 0;
    long fp = 0;
    long fn = 0;
    long tn = 0;
    for (Map.Entry<String, String> account : labels.entrySet()) {
      String label = account.getValue();
      int[] c = counts.computeIfAbsent(label, l -> new int[3]);
      c[0]++;
      Long first = firstAlertAt.get(account.getKey());
      boolean alerted = first != null;
      if (alerted) {
        c[1]++;
      }
      if (worst.containsKey(account.getKey())) {
        c[2]++;
        scores.computeIfAbsent(label, l -> new ArrayList<>()).add(bestScore.get(account.getKey()));
      }
      boolean offender = label.startsWith(OFFENDER_PREFIX);
      if (offender && alerted) {
        tp++;
        Set<Integer> contacted = new HashSet<>();
        for (long[] contact : offenderContacts.getOrDefault(account.getKey(), List.of())) {
          if (contact[0] <= first && minors.contains(idOf.get((int) contact[1]))) {
            contacted.add((int) contact[1]);
          }
        }
        detectionCost.computeIfAbsent(label, l -> new ArrayList<>()).add(contacted.size());
      } else if (offender) {
        fn++;
      } else if (alerted) {
        fp++;
      } else {
        tn++;
      }
    }
    List<ClassRow> rows = new ArrayList<>();
    List<Integer> all = new ArrayList<>();
    counts.forEach((label, c) -> {
      List<Integer> cost = detectionCost.getOrDefault(label, List.of());
      all.addAll(cost);
      rows.add(new ClassRow(label, c[0], c[1], c[2], cost, scores.getOrDefault(label, List.of())));
    });
    return new Result(floor, rows, new Confusion(tp, fp, fn, tn), all, bestScore);
  }

  private static void record(Alert alert, Severity floor, Map<String, Long> firstAlertAt, Map<String, Severity> worst,
      Map<String, Double> bestScore) {
    String account = alert.getAccountId();
    worst.merge(account, alert.getSeverity(), (a, b) -> a.ordinal() >= b.ordinal() ? a : b);
    bestScore.merge(account, alert.getScore(), Math::max);
    if (alert.getSeverity().ordinal() >= floor.ordinal()) {
      firstAlertAt.merge(account, alert.getDetectedAt().toEpochMilli(), Math::min);
    }
  }
}
