package org.targetwatch.evaluation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.targetwatch.schema.Severity;

/**
 * Per-class detection at a severity floor, and precision, recall and F1 over all labelled accounts.
 * Pure arithmetic over labels, verdicts and detection costs; reading files is {@link Evaluation}'s job.
 *
 * @param floor the severity at or above which an alert makes an account a positive
 * @param rows one row per class, offender classes first, each group by name
 * @param confusion truth (offender label) against verdict (alerted at the floor), over labelled accounts
 * @param unlabelledAlertedAccounts alerted accounts (any severity) that have no label: not scored, shown so they are not lost
 */
public record DetectionTable(Severity floor, List<ClassRow> rows, ConfusionCounts confusion, int unlabelledAlertedAccounts) {

  /** Labels of offender classes start with this; every other label is benign. */
  public static final String OFFENDER_PREFIX = "offender.";

  /** The design's bar for look-alikes: a benign class alerted in more than this share of its accounts is a problem. */
  public static final double BENIGN_TARGET_SHARE = 0.05;

  /**
   * One behaviour class.
   *
   * @param minorsBeforeDetection per detected offender: distinct minors contacted up to its first alert at the floor
   * @param highestScores per account alerted at any severity: its highest alert score
   */
  public record ClassRow(String label, int accounts, int alertedAtFloor, int alertedAtAnySeverity,
      List<Integer> minorsBeforeDetection, List<Double> highestScores) {

    public ClassRow {
      if (alertedAtFloor > alertedAtAnySeverity || alertedAtAnySeverity > accounts) {
        throw new IllegalArgumentException(label + ": alerted " + alertedAtFloor + " at the floor, " + alertedAtAnySeverity
            + " at any severity, of " + accounts);
      }
      minorsBeforeDetection = List.copyOf(minorsBeforeDetection);
      highestScores = List.copyOf(highestScores);
    }

    public boolean offender() {
      return isOffender(label);
    }

    public double shareAtFloor() {
      return accounts == 0 ? 0 : (double) alertedAtFloor / accounts;
    }

    public double shareAtAnySeverity() {
      return accounts == 0 ? 0 : (double) alertedAtAnySeverity / accounts;
    }

    /** Offenders never alerted at the floor (0 for benign classes). */
    public int neverDetected() {
      return offender() ? accounts - alertedAtFloor : 0;
    }

    public double medianMinorsBeforeDetection() {
      return Quantiles.median(minorsBeforeDetection);
    }

    public double p90MinorsBeforeDetection() {
      return Quantiles.percentile(minorsBeforeDetection, 0.9);
    }

    /** A benign class alerted in more than {@link #BENIGN_TARGET_SHARE} of its accounts. */
    public boolean overBenignTarget() {
      return !offender() && shareAtFloor() > BENIGN_TARGET_SHARE;
    }
  }

  public DetectionTable {
    rows = List.copyOf(rows);
  }

  public static boolean isOffender(String label) {
    return label.startsWith(OFFENDER_PREFIX);
  }

  /**
   * @param labels account id -> class
   * @param verdicts account id -> what its alerts say; accounts without alerts are absent
   * @param minorsBeforeDetection offender account id -> distinct minors contacted up to its first alert at the floor
   */
  public static DetectionTable build(Severity floor, Map<String, String> labels, Map<String, AccountVerdict> verdicts,
      Map<String, Integer> minorsBeforeDetection) {
    Map<String, RowTally> tallies = new TreeMap<>();
    ConfusionCounts confusion = ConfusionCounts.none();
    for (Map.Entry<String, String> account : labels.entrySet()) {
      String label = account.getValue();
      AccountVerdict verdict = verdicts.get(account.getKey());
      boolean atFloor = verdict != null && verdict.alertedAtFloor();
      RowTally tally = tallies.computeIfAbsent(label, l -> new RowTally());
      tally.accounts++;
      if (verdict != null) {
        tally.alertedAtAnySeverity++;
        tally.highestScores.add(verdict.highestScore());
      }
      if (atFloor) {
        tally.alertedAtFloor++;
        if (isOffender(label)) {
          Integer cost = minorsBeforeDetection.get(account.getKey());
          if (cost == null) {
            throw new IllegalArgumentException("no detection cost for detected offender " + account.getKey());
          }
          tally.minorsBeforeDetection.add(cost);
        }
      }
      confusion = confusion.plus(isOffender(label), atFloor);
    }
    List<ClassRow> rows = new ArrayList<>();
    tallies.forEach((label, t) -> rows.add(new ClassRow(label, t.accounts, t.alertedAtFloor, t.alertedAtAnySeverity,
        t.minorsBeforeDetection, t.highestScores)));
    rows.sort(Comparator.comparing((ClassRow r) -> !r.offender()).thenComparing(ClassRow::label));
    int unlabelled = (int) verdicts.keySet().stream().filter(id -> !labels.containsKey(id)).count();
    return new DetectionTable(floor, rows, confusion, unlabelled);
  }

  /** Detection costs of every detected offender, all classes together. */
  public List<Integer> minorsBeforeDetection() {
    return rows.stream().flatMap(r -> r.minorsBeforeDetection().stream()).toList();
  }

  public int offendersNeverDetected() {
    return rows.stream().mapToInt(ClassRow::neverDetected).sum();
  }

  public List<ClassRow> benignOverTarget() {
    return rows.stream().filter(ClassRow::overBenignTarget).toList();
  }

  private static final class RowTally {
    int accounts;
    int alertedAtFloor;
    int alertedAtAnySeverity;
    final List<Integer> minorsBeforeDetection = new ArrayList<>();
    final List<Double> highestScores = new ArrayList<>();
  }
}
